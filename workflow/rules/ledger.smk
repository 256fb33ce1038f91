# The ledger: every published target against the pipeline's own computed value.
LEDGER = {
    "csv": str(RESULTS / "ledger.csv"),
    "md": str(RESULTS / "ledger.md"),
    "html": str(RESULTS / "ledger.html"),
}


rule ledger:
    input:
        targets=[str(REPO / "targets" / f"{doc}.yaml") for doc in sorted(COMPUTED)],
        computed=[COMPUTED[doc] for doc in sorted(COMPUTED)],
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
        documents=sorted(COMPUTED),
    message:
        "Comparing every published target with the pipeline's computed value"
    script:
        "../scripts/ledger.py"
