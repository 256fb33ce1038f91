# The report: report/ is a Quarto project. With the Quarto CLI on PATH it is rendered by
# `quarto render`; otherwise by the offline renderer (same .qmd sources, one self-contained
# HTML file). Set GVCNEG_REPORT_RENDERER=offline|quarto to force one route.
REPORT_HTML = str(RESULTS / "report" / "gvcneg_report.html")
REPORT_PROJECT_FILE = repo_file("report", "_quarto.yml")
REPORT_SOURCES = sorted(
    repo_file("report", p.name) for p in (REPO / "report").glob("*.qmd")
) + [
    repo_file("report", "offline.css"),
]


rule report:
    input:
        project=REPORT_PROJECT_FILE,
        sources=REPORT_SOURCES,
        results=REPORT_INPUTS,
        ledger=LEDGER["csv"],
        code=code_inputs("render_report.py", also=REPORT_SOURCES),
    output:
        html=REPORT_HTML,
    log:
        str(RESULTS / "logs" / "report.log"),
    benchmark:
        str(RESULTS / "benchmarks" / "report.tsv")
    conda:
        ENVS["report"]
    params:
        project=lambda wildcards, input: os.path.dirname(input.project),
        results=lambda wildcards, output: os.path.dirname(os.path.dirname(output.html)),
    message:
        "Rendering the report"
    script:
        "../scripts/render_report.py"
