"""The issue-15 table `make bench` prints (bench/table.py): targets judged from the results."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))
from table import NOT_MEASURED, build_table, render_markdown  # noqa: E402

SPEC = yaml.safe_load((BENCH / "config.yaml").read_text())["loop_table"]
MACHINE = {"date_utc": "2026-11-30T14:00:00Z", "git_commit": "abc1234"}


def results(**changes) -> dict:
    base = {
        "venv_setup": {"seconds": 30.0, "cpu_seconds": 20.0, "returncode": 0, "installer": "uv"},
        "replication": {
            "full_run": {"seconds": 80.0, "cpu_seconds": 70.0, "returncode": 0, "jobs": 120},
            "no_change_rerun": {"seconds": 1.2, "returncode": 0, "nothing_to_do": True},
            "job_cpu": {
                "rule": SPEC["ch8_job"]["rule"],
                "cpu_seconds": 2.5,
                "seconds": 3.0,
                "returncode": 0,
                "nothing_to_do": True,
            },
        },
        "suite": {
            "test_fast": {"seconds": 100.0, "cpu_seconds": 90.0, "returncode": 0},
            "test": {"seconds": 400.0, "cpu_seconds": 390.0, "returncode": 0},
        },
        "ppml": {
            "panel": {"n_obs": 429410},
            "pyfixest": {"cpu_seconds_warm": 1.5},
            "statsmodels": {"cpu_seconds_first_call": 150.0, "memory_mb": 15000.0},
            "cpu_speed_ratio_statsmodels_over_pyfixest_warm": 100.0,
            "max_abs_coef_difference": 1e-12,
        },
    }
    for key, value in changes.items():
        base[key] = value
    return base


def by_key(changes: dict | None = None) -> dict[str, dict]:
    return dict(zip(SPEC, build_table(SPEC, results(**(changes or {}))), strict=True))


def met(rows: list[dict]) -> list[str]:
    return [row["met"] for row in rows]


def test_every_target_met_when_every_measurement_is_inside_it():
    rows = build_table(SPEC, results())
    assert [row["what"] for row in rows] == [row["what"] for row in SPEC.values()]
    assert met(rows) == ["yes"] * len(SPEC)


def test_no_results_means_not_measured_never_met():
    assert met(build_table(SPEC, {})) == [NOT_MEASURED] * len(SPEC)


@pytest.mark.parametrize(
    ("row", "changes"),
    [
        # the set-up alone over 45 s fails the first row although the total is under 2 min
        ("fresh_clone", {"venv_setup": {"seconds": 50.0, "cpu_seconds": 20.0, "installer": "pip"}}),
        ("ppml", {"ppml": {**results()["ppml"], "max_abs_coef_difference": 2e-8}}),
        (
            "noop",
            {
                "replication": {
                    **results()["replication"],
                    "no_change_rerun": {"seconds": 1.6, "returncode": 0, "nothing_to_do": True},
                }
            },
        ),
        (
            "ch8_job",
            {
                "replication": {
                    **results()["replication"],
                    "job_cpu": {**results()["replication"]["job_cpu"], "cpu_seconds": 3.1},
                }
            },
        ),
        (
            "ppml",
            {"ppml": {**results()["ppml"], "cpu_speed_ratio_statsmodels_over_pyfixest_warm": 79.0}},
        ),
    ],
)
def test_one_measurement_outside_its_target_fails_only_its_row(row, changes):
    rows = dict(zip(SPEC, build_table(SPEC, results(**changes)), strict=True))
    assert rows[row]["met"] == "no"
    assert all(r["met"] == "yes" for key, r in rows.items() if key != row)


def test_a_failed_or_skipped_run_is_not_measured():
    failed = results()["replication"] | {"full_run": {"seconds": 10.0, "returncode": 1, "jobs": 3}}
    rows = dict(zip(SPEC, build_table(SPEC, results(replication=failed)), strict=True))
    assert rows["fresh_clone"]["met"] == rows["dag_cpu"]["met"] == NOT_MEASURED
    skipped = {"panel": {"n_obs": 1}, "statsmodels": {"skipped": "3.0 GB available < 17 GB"}}
    rows = dict(zip(SPEC, build_table(SPEC, results(ppml=skipped)), strict=True))
    assert rows["ppml"] == rows["ppml"] | {
        "measured": "3.0 GB available < 17 GB",
        "met": NOT_MEASURED,
    }


def test_full_suite_not_rerun_shows_when_and_where_it_was_measured():
    suite = results()["suite"]
    suite["test"] = {**suite["test"], "carried_over": True, "machine": MACHINE}
    row = by_key({"suite": suite})["tests"]
    assert "2026-11-30T14:00:00Z" in row["measured"] and "abc1234" in row["measured"]
    suite["test"] = {"target": "test", "skipped": "not run"}
    row = by_key({"suite": suite})["tests"]
    assert row["met"] == NOT_MEASURED


def test_markdown_has_the_issue_columns_and_one_line_per_row():
    lines = render_markdown(build_table(SPEC, results()))
    assert lines[0] == "| what | baseline | target | measured now | met? |"
    assert len(lines) == 2 + len(SPEC)


def test_suite_records_pytests_count_line_not_makes_last_words():
    from suite import pytest_summary

    out = "== 809 passed, 6 skipped, 1 xfailed in 312.5s ==\nmake: Leaving directory '/x'\n"
    assert pytest_summary(out) == "809 passed, 6 skipped, 1 xfailed in 312.5s"
    assert pytest_summary("1 failed, 3 passed in 2.0s\nmake: *** Error 1") == (
        "1 failed, 3 passed in 2.0s"
    )
    assert pytest_summary("make: Leaving directory '/x'") is None


def test_ch8_row_shows_where_one_fit_goes_without_changing_its_verdict():
    one_fit = {
        "parts_cpu_seconds": {"pyfixest import": 1.2, "one PPML fit": 0.66},
        "process_cpu_seconds": 5.1,
    }
    plain = dict(zip(SPEC, build_table(SPEC, results()), strict=True))["ch8_job"]
    rows = dict(zip(SPEC, build_table(SPEC, results(ch8_one_fit=one_fit)), strict=True))
    assert (
        "one fit alone 5.1 s CPU: pyfixest import 1.20, one PPML fit 0.66"
        in rows["ch8_job"]["measured"]
    )
    assert rows["ch8_job"]["met"] == plain["met"]
