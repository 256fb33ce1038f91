"""results/manifest.json and `make verify`: identical runs agree, a changed byte or value is
reported, and files that carry the run's own stamp are not compared."""

import json

import pandas as pd

from gvcneg.report.manifest import build_manifest, compare, compared, main


def _results(root, value=0.5, figure=b"png-bytes"):
    (root / "deremer2023" / "figures").mkdir(parents=True)
    (root / "deremer2023" / "figures" / "fig_1.png").write_bytes(figure)
    (root / "logs").mkdir()
    (root / "logs" / "x.log").write_text("a log line with a time stamp\n")
    (root / "report").mkdir()
    (root / "report" / "gvcneg_report.html").write_text("built today")
    pd.DataFrame(
        {
            "id": ["d.a", "d.b"],
            "computed": [value, float("nan")],
            "status": ["reproduced", "awaiting data"],
        }
    ).to_csv(root / "ledger.csv", index=False)
    return root


STAMP = {"commit": "abc", "date": "today", "dirty": False}


def test_identical_runs_agree_and_stamped_files_are_not_compared(tmp_path):
    a = build_manifest(_results(tmp_path / "a"), STAMP)
    b_root = _results(tmp_path / "b")
    (b_root / "logs" / "x.log").write_text("another time\n")
    (b_root / "report" / "gvcneg_report.html").write_text("built tomorrow")
    b = build_manifest(b_root, {**STAMP, "date": "tomorrow"})
    assert compare(a, b) == []
    assert not compared("logs/x.log") and not compared("report/gvcneg_report.html")
    assert compared("deremer2023/figures/fig_1.png")


def test_a_changed_file_and_a_changed_value_are_reported(tmp_path):
    reference = build_manifest(_results(tmp_path / "a"), STAMP)
    changed = build_manifest(_results(tmp_path / "b", value=0.5001, figure=b"other"), STAMP)
    diffs = compare(changed, reference)
    assert any("file differs: deremer2023/figures/fig_1.png" in d for d in diffs)
    assert any("ledger value differs: d.a" in d for d in diffs)
    # ... but the CSV holding the value also differs by bytes, and nothing else is reported.
    assert len(diffs) == 3, diffs


def test_values_within_the_tolerance_agree(tmp_path):
    reference = build_manifest(_results(tmp_path / "a"), STAMP)
    close = build_manifest(_results(tmp_path / "b", value=0.5 * (1 + 1e-12)), STAMP)
    diffs = compare(close, reference)
    assert not [d for d in diffs if "ledger value" in d]
    assert [d for d in compare(close, reference, rel_tol=1e-15, abs_tol=0) if "ledger value" in d]


def test_missing_and_extra_files_and_rows_are_reported(tmp_path):
    reference = build_manifest(_results(tmp_path / "a"), STAMP)
    root = _results(tmp_path / "b")
    (root / "deremer2023" / "figures" / "fig_1.png").unlink()
    (root / "deremer2023" / "figures" / "fig_2.png").write_bytes(b"new")
    diffs = compare(build_manifest(root, STAMP), reference)
    assert "file missing in this run: deremer2023/figures/fig_1.png" in diffs
    assert "file not in the reference: deremer2023/figures/fig_2.png" in diffs


def test_the_command_line_exits_1_on_a_difference(tmp_path, capsys):
    (tmp_path / "config.yaml").write_text("a: 1\n")
    (tmp_path / "paths.yaml").write_text("paths: {results: results}\n")
    reference = tmp_path / "reference.json"
    reference.write_text(json.dumps(build_manifest(_results(tmp_path / "a"), STAMP)))
    results = _results(tmp_path / "results")
    assert main([str(reference), "--results", str(results), "--repo", str(tmp_path)]) == 0
    assert "verify: no difference" in capsys.readouterr().out
    (results / "deremer2023" / "figures" / "fig_1.png").write_bytes(b"changed")
    assert main([str(reference), "--results", str(results), "--repo", str(tmp_path)]) == 1
    assert "file differs: deremer2023/figures/fig_1.png" in capsys.readouterr().out
