# The ledger: every published target against the pipeline's own computed value.
LEDGER = {
    "csv": str(RESULTS / "ledger.csv"),
    "md": str(RESULTS / "ledger.md"),
    "html": str(RESULTS / "ledger.html"),
}

# The theory documents' falsifiability tables (every rule whose name ends in "falsifiability"):
# evidence for the verdict rule (a result no violated premise can make fail is "true by
# construction").
FALSIFIABILITY_TABLES = sorted(
    str(r.output[0]) for r in workflow.rules if r.name.endswith("falsifiability")
)


rule ledger:
    input:
        targets=[repo_file("targets", f"{d.id}.yaml") for d in DOCUMENTS],
        computed=[COMPUTED[d.id] for d in DOCUMENTS],
        robustness=[ROBUSTNESS[doc] for doc in sorted(ROBUSTNESS)],
        falsification=FALSIFIABILITY_TABLES,
        code=code_inputs("ledger/build.py"),
    output:
        **LEDGER,
    log:
        str(RESULTS / "logs" / "ledger.log"),
    benchmark:
        str(RESULTS / "benchmarks" / "ledger.tsv")
    conda:
        ENVS["report"]
    params:
        documents=[d.id for d in DOCUMENTS],
    message:
        "Comparing every published target with the pipeline's computed value"
    script:
        "../scripts/ledger/build.py"


# What the report shows first: every exhibit's badge (the worst status among its ledger rows and
# its manifest status) and each document's findings list, from the ledger (gvcneg.ledger.summaries).
SUMMARIES = {
    "exhibits": str(RESULTS / "exhibits.csv"),
    "findings": [str(RESULTS / d.id / "findings.csv") for d in DOCUMENTS],
}


rule summaries:
    input:
        ledger=LEDGER["csv"],
        targets=[repo_file("targets", f"{d.id}.yaml") for d in DOCUMENTS],
        manifest=repo_file("documents.yaml"),
        results=REPORT_INPUTS,
        code=code_inputs("summaries.py"),
    output:
        exhibits=SUMMARIES["exhibits"],
        findings=SUMMARIES["findings"],
    log:
        str(RESULTS / "logs" / "summaries.log"),
    benchmark:
        str(RESULTS / "benchmarks" / "summaries.tsv")
    conda:
        ENVS["report"]
    params:
        documents=[d.id for d in DOCUMENTS],
        repo=lambda wildcards: os.path.relpath(REPO),
        results=lambda wildcards, output: os.path.dirname(output.exhibits),
    message:
        "Exhibit badges and each document's findings, from the ledger"
    script:
        "../scripts/summaries.py"
