# The ledger: every published target against the pipeline's own computed value.
LEDGER = {
    "csv": str(RESULTS / "ledger.csv"),
    "md": str(RESULTS / "ledger.md"),
    "html": str(RESULTS / "ledger.html"),
}


rule ledger:
    message:
        "Comparing every published target with the pipeline's computed value"
    input:
        targets=[str(REPO / "targets" / f"{doc}.yaml") for doc in sorted(COMPUTED)],
        computed=[COMPUTED[doc] for doc in sorted(COMPUTED)],
    output:
        **LEDGER,
    params:
        documents=sorted(COMPUTED),
    log:
        str(RESULTS / "logs" / "ledger.log"),
    benchmark:
        str(RESULTS / "benchmarks" / "ledger.tsv")
    script:
        "../scripts/ledger.py"
