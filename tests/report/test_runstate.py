"""After a failed run nothing old looks current; the next successful run clears the mark."""

import json

from gvcneg.report import runstate


def test_failed_run_moves_the_report_aside_and_success_restores_the_state(tmp_path, monkeypatch):
    monkeypatch.delenv(runstate.NESTED, raising=False)
    results = tmp_path / "results"
    (results / "report").mkdir(parents=True)
    (results / "report" / "gvcneg_report.html").write_text("old report")
    (results / "report" / "ledger.html").write_text("old ledger")
    (results / "manifest.json").write_text("{}")
    runstate.on_error(results, tmp_path, {"a": 1})
    assert not (results / "report" / "gvcneg_report.html").exists()
    assert (results / "report" / "gvcneg_report.stale.html").read_text() == "old report"
    # Every page of the report is moved aside, not only the main one.
    assert sorted(p.name for p in (results / "report").iterdir()) == [
        "gvcneg_report.stale.html",
        "ledger.stale.html",
    ]
    assert not (results / "manifest.json").exists()
    failed = json.loads((results / runstate.FAILED).read_text())
    assert "failed" in failed and "commit" in failed

    (results / "report" / "gvcneg_report.html").write_text("new report")
    runstate.on_success(results, tmp_path, {"a": 1})
    assert not (results / runstate.FAILED).exists()
    assert not list((results / "report").glob("*.stale.html"))
    manifest = json.loads((results / "manifest.json").read_text())
    assert "report/gvcneg_report.html" in manifest["files"]


def test_nested_snakemake_calls_leave_the_outer_runs_files_alone(tmp_path, monkeypatch):
    monkeypatch.setenv(runstate.NESTED, "1")
    results = tmp_path / "results"
    (results / "report").mkdir(parents=True)
    (results / "report" / "gvcneg_report.html").write_text("report")
    runstate.on_error(results, tmp_path, {})
    runstate.on_success(results, tmp_path, {})
    assert (results / "report" / "gvcneg_report.html").exists()
    assert not (results / "manifest.json").exists()
