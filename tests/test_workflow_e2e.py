"""End to end: the whole DAG in a temporary directory on a small config.

Checks that every output the report needs exists, every ledger row is computed (or says why
not), a re-run with nothing changed does nothing, and changing one model parameter re-runs only
the rules that depend on it.
"""

import json
import re

import pandas as pd
import pytest
import yaml
from dag_run import SMALL, clone_run, jobs_planned

from gvcneg.ledger.compare import STATUSES
from gvcneg.report.manifest import compare

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run(small_dag):
    return small_dag.workdir


def test_report_and_ledger_are_built(run):
    report = run / "results" / "report" / "gvcneg_report.html"
    assert report.stat().st_size > 10_000
    # Figures: SVG files beside the page (results/<document>/figures/), each one there.
    pictures = re.findall(r'<img src="\.\./([^"]+\.svg)"', report.read_text())
    assert pictures and all((run / "results" / p).is_file() for p in pictures)
    for page in ("ledger.html", "provenance.html", "code.html"):
        assert (run / "results" / "report" / page).stat().st_size > 10_000, page
    ledger = pd.read_csv(run / "results" / "ledger.csv")
    assert set(ledger["status"]) <= set(STATUSES)
    # Every row has a computed value, or an explanation of why not.
    missing = ledger[ledger["computed"].isna() & ledger["status"].isin(["reproduced", "differs"])]
    assert missing.empty
    silent = ledger[ledger["computed"].isna() & ledger["explanation"].fillna("").eq("")]
    assert silent.empty, silent["id"].tolist()
    deremer = ledger[ledger["document"] == "deremer2023"].set_index("id")
    assert deremer.loc["deremer2023.eq7_home", "status"] == "reproduced"


def test_deremer_outputs(run):
    results = run / "results" / "deremer2023"
    for stem in ("fig_1", "fig_remark_grid", "fig_remark_1_condition"):
        for ext in ("png", "svg", "csv"):
            assert (results / "figures" / f"{stem}.{ext}").stat().st_size > 0
    for stem in (
        "equilibria",
        "power_shift",
        "remark_grid_summary",
        "political_optimum",
        "remark_1_condition",
        "lower_tariffs",
    ):
        for ext in ("csv", "md", "html"):
            assert (results / "tables" / f"{stem}.{ext}").exists()
    for document in ("deremer2023", "jackson_two_level"):
        table = pd.read_csv(run / "results" / document / "claim_falsifiability.csv")
        assert list(table.columns) == [
            "claim_id",
            "perturbation",
            "kind",
            "violates",
            "premise_quote",
            "baseline_verdict",
            "perturbed_verdict",
            "can_fail",
        ]
        # a perturbation that counts as falsification names the premise it violates, quoted
        falsifying = table[table["kind"] == "falsification"]
        assert falsifying["violates"].notna().all() and falsifying["premise_quote"].notna().all()
    points = pd.read_csv(results / "grid" / "remark_grid_points.csv")
    grid = yaml.safe_load(SMALL.read_text())["deremer2023"]["remark_grid"]
    assert len(points) == 3 * 3 * 2 * 2 * len(grid["foreign_scale"])
    for log in ("tables", "figures", "claims"):
        assert (run / "results" / "logs" / "deremer2023" / f"{log}.log").exists()
        assert (run / "results" / "benchmarks" / "deremer2023" / f"{log}.tsv").exists()


def test_nothing_changed_means_nothing_to_do(small_dag):
    result = small_dag.snakemake("--dry-run")
    assert result.returncode == 0, result.stderr
    assert jobs_planned(result) == set(), result.stdout[-3000:]


def test_changing_one_parameter_reruns_only_its_dependants(small_dag, tmp_path):
    changed = yaml.safe_load(SMALL.read_text())
    changed["deremer2023"]["figure_1"]["grid_points"] = 101
    override = tmp_path / "changed.yaml"
    override.write_text(yaml.safe_dump(changed))
    result = small_dag.snakemake("--dry-run", configfiles=[override])
    assert result.returncode == 0, result.stderr
    planned = jobs_planned(result)
    assert "deremer2023_figures" in planned and "report" in planned
    assert not planned & {
        "deremer2023_tables",
        "deremer2023_remark_grid_chunk",
        "deremer2023_claims",
        "ledger",
    }, planned


def test_failed_rule_leaves_no_partial_output_and_keeps_what_was_built(small_dag, tmp_path):
    clone = clone_run(small_dag, tmp_path)
    work = clone.workdir
    bad = yaml.safe_load(SMALL.read_text())
    # A grid with no valid point: the gather step cannot summarise -> must fail cleanly? No:
    # an out-of-schema value stops the run before any job, naming the key.
    bad["deremer2023"]["figure_1"]["tau_max"] = 0.5
    override = tmp_path / "bad.yaml"
    override.write_text(yaml.safe_dump(bad))
    result = clone.snakemake(configfiles=[override])
    assert result.returncode != 0
    assert "deremer2023.figure_1.tau_max" in result.stderr + result.stdout
    assert (work / "results" / "deremer2023" / "figures" / "fig_1.png").exists()


def test_the_run_writes_provenance_and_a_manifest(run):
    provenance = json.loads((run / "results" / "provenance.json").read_text())
    entry = provenance["outputs"]["results/nbt2015/computed.csv"]
    assert entry["rule"] == "nbt2015_computed" and entry["script"].endswith(".py")
    # The raw sources behind it, followed through intermediate files, with pinned checksums.
    sources = {s["source"]: s for s in entry["sources"]}
    assert "wto-rta" in sources and sources["wto-rta"]["pinned_in_registry"]
    assert len(sources["wto-rta"]["sha256"]) == 64
    assert provenance["stamp"]["commit"]
    manifest = json.loads((run / "results" / "manifest.json").read_text())
    ledger = pd.read_csv(run / "results" / "ledger.csv")
    assert set(manifest["ledger"]) == set(ledger["id"])
    assert "deremer2023/figures/fig_1.png" in manifest["files"]


def test_verify_finds_no_difference_after_a_rebuild_and_the_one_after_a_change(small_dag, tmp_path):
    """A rebuilt output is byte-identical (the manifests agree); a deliberate parameter change
    is reported as exactly the files it changes."""
    reference = json.loads((small_dag.workdir / "results" / "manifest.json").read_text())
    clone = clone_run(small_dag, tmp_path)
    figures = clone.workdir / "results" / "deremer2023" / "figures"
    for ext in ("png", "svg", "csv"):
        (figures / f"fig_1.{ext}").unlink()
    result = clone.snakemake()
    assert result.returncode == 0, result.stderr[-3000:]
    manifest = clone.workdir / "results" / "manifest.json"
    assert compare(json.loads(manifest.read_text()), reference) == []

    changed = yaml.safe_load(SMALL.read_text())
    changed["deremer2023"]["figure_1"]["grid_points"] = 101
    override = tmp_path / "changed.yaml"
    override.write_text(yaml.safe_dump(changed))
    result = clone.snakemake(configfiles=[override])
    assert result.returncode == 0, result.stderr[-3000:]
    diffs = compare(json.loads(manifest.read_text()), reference)
    assert diffs
    assert all("deremer2023/figures/fig_1." in d for d in diffs), diffs
