# The report: report/ is a Quarto project. With the Quarto CLI on PATH it is rendered by
# `quarto render`; otherwise by the offline renderer (same .qmd sources, one self-contained
# HTML file). Set GVCNEG_REPORT_RENDERER=offline|quarto to force one route.
REPORT_HTML = str(RESULTS / "report" / "gvcneg_report.html")
REPORT_SOURCES = sorted(str(p) for p in (REPO / "report").glob("*.qmd")) + [
    str(REPO / "report" / "_quarto.yml"),
    str(REPO / "report" / "offline.css"),
]


rule report:
    input:
        sources=REPORT_SOURCES,
        results=REPORT_INPUTS,
        ledger=LEDGER["csv"],
    output:
        html=REPORT_HTML,
    conda:
        ENVS["report"]
    log:
        str(RESULTS / "logs" / "report.log"),
    benchmark:
        str(RESULTS / "benchmarks" / "report.tsv")
    params:
        project=str(REPO / "report"),
        results=str(RESULTS),
    message:
        "Rendering the report"
    script:
        "../scripts/render_report.py"
