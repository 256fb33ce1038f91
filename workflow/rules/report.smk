# The report: report/ is a Quarto project. With the Quarto CLI on PATH it is rendered by
# `quarto render`; otherwise by the offline renderer (same .qmd sources, one self-contained
# HTML file per page). Set GVCNEG_REPORT_RENDERER=offline|quarto to force one route.
import sys

from gvcneg.devtools.workflow_rules import missing_declared_outputs
from gvcneg.report import runstate
from gvcneg.report.stamp import profile_in_use

REPORT_HTML = str(RESULTS / "report" / "gvcneg_report.html")
# The report's other pages, beside the main one (gvcneg.report.page.PAGES).
REPORT_PAGES = {
    name: str(RESULTS / "report" / f"{name}.html")
    for name in ("ledger", "provenance", "code")
}
REPORT_PROJECT_FILE = repo_file("report", "_quarto.yml")
REPORT_SOURCES = sorted(
    repo_file("report", p.name) for p in (REPO / "report").glob("*.qmd")
) + [
    repo_file("report", "offline.css"),
    repo_file("report", "after-body.html"),
    repo_file("report", "scroll-boxes.lua"),
    repo_file("report", "nav.html"),
]
PROVENANCE = str(RESULTS / "provenance.json")
EXHIBITS = repo_file("documents.yaml")

# The profile this run was started with (for the build stamp); jobs inherit it.
os.environ.setdefault("GVCNEG_PROFILE", profile_in_use(sys.argv, REPO))


localrules:
    provenance,


rule provenance:
    input:
        results=REPORT_INPUTS,
        computed=[COMPUTED[doc] for doc in sorted(COMPUTED)],
        ledger=LEDGER["csv"],
        code=code_inputs("provenance.py"),
    output:
        json=PROVENANCE,
    log:
        str(RESULTS / "logs" / "provenance.log"),
    benchmark:
        str(RESULTS / "benchmarks" / "provenance.tsv")
    conda:
        ENVS["report"]
    params:
        # Paths relative to the working directory: a moved checkout re-runs nothing.
        repo=lambda wildcards: os.path.relpath(REPO),
        scripts=lambda wildcards: rule_scripts(),
        data_cache=lambda wildcards: os.path.relpath(DATA_CACHE),
        results=lambda wildcards, output: os.path.dirname(output.json),
    message:
        "Recording the provenance of every output (rule, code, inputs, source checksums)"
    script:
        "../scripts/provenance.py"


rule report:
    input:
        project=REPORT_PROJECT_FILE,
        sources=REPORT_SOURCES,
        results=REPORT_INPUTS,
        ledger=LEDGER["csv"],
        provenance=PROVENANCE,
        exhibits=EXHIBITS,
        summaries=[SUMMARIES["exhibits"], *SUMMARIES["findings"]],
        code=code_inputs("render_report.py", also=REPORT_SOURCES),
    output:
        html=REPORT_HTML,
        ledger=REPORT_PAGES["ledger"],
        provenance=REPORT_PAGES["provenance"],
        code=REPORT_PAGES["code"],
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


# Every successful run writes results/manifest.json (checksums of every output, every ledger
# value, the build stamp); a failed run moves the report aside and says so, so that nothing
# old looks current.
onsuccess:
    runstate.on_success(RESULTS, REPO, config, missing_declared_outputs(workflow))


onerror:
    runstate.on_error(RESULTS, REPO, config)
