# The ledger: every published target against the pipeline's own computed value.
LEDGER = {
    "csv": str(RESULTS / "ledger.csv"),
    "md": str(RESULTS / "ledger.md"),
    "html": str(RESULTS / "ledger.html"),
}

if set(COMPUTED) != {d.id for d in DOCUMENTS}:
    raise ValueError(
        f"documents.yaml lists {sorted(d.id for d in DOCUMENTS)} but the rule files register "
        f"computed quantities for {sorted(COMPUTED)}: each document's rule file must set "
        "COMPUTED[<id>]"
    )


rule ledger:
    input:
        targets=[repo_file("targets", f"{d.id}.yaml") for d in DOCUMENTS],
        computed=[COMPUTED[d.id] for d in DOCUMENTS],
        robustness=[ROBUSTNESS[doc] for doc in sorted(ROBUSTNESS)],
        code=code_inputs("ledger.py"),
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
        "../scripts/ledger.py"
