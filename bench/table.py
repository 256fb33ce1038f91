"""The issue-15 table: what | baseline | target | measured now | met?, from bench/results/*.json.

Pure functions (``build_table``, ``render_markdown``): the baseline and target of each row come
from bench/config.yaml (``loop_table``), the measured values from the benchmarks' result
files. A row whose result is missing says "not measured" and is never counted as met.
"""

from __future__ import annotations

from collections.abc import Callable

NOT_MEASURED = "not measured"


def _num(value: float | None, unit: str = "s") -> str:
    if value is None:
        return "—"
    text = f"{value:.3g}" if abs(value) < 100 else f"{value:,.0f}"
    return f"{text} {unit}".strip()


def _met(flags: list[bool | None]) -> str:
    if any(flag is None for flag in flags) or not flags:
        return NOT_MEASURED
    return "yes" if all(flags) else "no"


def _below(value: float | None, limit: float) -> bool | None:
    return None if value is None else value < limit


def _ok(result: dict | None) -> bool:
    return bool(result) and result.get("returncode", 0) == 0 and "skipped" not in result


def row_fresh_clone(spec: dict, results: dict) -> tuple[str, str]:
    setup, replication = results.get("venv_setup"), results.get("replication")
    if not (_ok(setup) and replication and _ok(replication.get("full_run"))):
        return NOT_MEASURED, NOT_MEASURED
    run = replication["full_run"]
    wall = setup["seconds"] + run["seconds"]
    cpu = setup["cpu_seconds"] + run.get("cpu_seconds", float("nan"))
    measured = (
        f"{_num(wall)} wall (set-up {_num(setup['seconds'])} with {setup['installer']}, "
        f"replication {_num(run['seconds'])}); {_num(cpu)} CPU"
    )
    met = _met(
        [
            _below(wall, spec["target_wall_seconds"]),
            _below(setup["seconds"], spec["target_setup_seconds"]),
        ]
    )
    return measured, met


def row_dag_cpu(spec: dict, results: dict) -> tuple[str, str]:
    replication = results.get("replication")
    run = (replication or {}).get("full_run")
    if not _ok(run) or run.get("cpu_seconds") is None:
        return NOT_MEASURED, NOT_MEASURED
    measured = f"{_num(run['cpu_seconds'])} CPU, {_num(run['seconds'])} wall ({run['jobs']} jobs)"
    return measured, _met([_below(run["cpu_seconds"], spec["target_cpu_seconds"])])


def row_noop(spec: dict, results: dict) -> tuple[str, str]:
    rerun = (results.get("replication") or {}).get("no_change_rerun")
    if not _ok(rerun) or not rerun.get("nothing_to_do"):
        return NOT_MEASURED, NOT_MEASURED
    cpu = rerun.get("cpu_seconds")
    measured = f"{_num(rerun['seconds'])} wall" + (f", {_num(cpu)} CPU" if cpu else "")
    return measured, _met([_below(rerun["seconds"], spec["target_wall_seconds"])])


def _suite_cell(run: dict | None) -> tuple[str, bool | None]:
    if not run or "skipped" in run:
        return (run or {}).get("skipped", NOT_MEASURED), None
    text = f"{_num(run['seconds'])} wall, {_num(run['cpu_seconds'])} CPU"
    if run.get("returncode"):
        text += f" (FAILED, exit {run['returncode']})"
    if run.get("carried_over"):
        machine = run.get("machine", {})
        text += f" (last run {machine.get('date_utc')}, commit {machine.get('git_commit')})"
    return text, (run["seconds"] if not run.get("returncode") else None)


def row_tests(spec: dict, results: dict) -> tuple[str, str]:
    suite = results.get("suite") or {}
    fast_text, fast = _suite_cell(suite.get("test_fast"))
    full_text, full = _suite_cell(suite.get("test"))
    measured = f"test-fast: {fast_text} / test: {full_text}"
    flags = [
        None if fast is None else fast < spec["target_fast_seconds"],
        None if full is None else full < spec["target_full_seconds"],
    ]
    return measured, _met(flags)


def row_ppml(spec: dict, results: dict) -> tuple[str, str]:
    ppml = results.get("ppml")
    if not ppml or "statsmodels" not in ppml or "skipped" in ppml["statsmodels"]:
        reason = ((ppml or {}).get("statsmodels") or {}).get("skipped", NOT_MEASURED)
        return reason, NOT_MEASURED
    ratio = ppml["cpu_speed_ratio_statsmodels_over_pyfixest_warm"]
    diff = ppml["max_abs_coef_difference"]
    sm, pf = ppml["statsmodels"], ppml["pyfixest"]
    measured = (
        f"{ratio:.0f}x CPU ({_num(sm['cpu_seconds_first_call'])} vs "
        f"{_num(pf['cpu_seconds_warm'])} warm; N = {ppml['panel']['n_obs']:,}), "
        f"max coef diff {diff:.1e}, statsmodels peak {sm['memory_mb'] / 1024:.1f} GB"
    )
    return measured, _met([ratio >= spec["target_ratio"], diff <= spec["coef_tolerance"]])


def row_ch8_job(spec: dict, results: dict) -> tuple[str, str]:
    job = (results.get("replication") or {}).get("job_cpu")
    if not _ok(job) or job.get("rule") != spec["rule"] or not job.get("nothing_to_do"):
        return f"{NOT_MEASURED} ({spec['rule']})", NOT_MEASURED
    measured = f"{_num(job['cpu_seconds'])} CPU, {_num(job['seconds'])} wall ({spec['rule']})"
    one_fit = results.get("ch8_one_fit") or {}
    if "parts_cpu_seconds" in one_fit:  # bench/ch8_one_fit.py: where one fit's CPU goes
        parts = ", ".join(f"{k} {v:.2f}" for k, v in one_fit["parts_cpu_seconds"].items())
        measured += f"; one fit alone {_num(one_fit['process_cpu_seconds'])} CPU: {parts}"
    return measured, _met([_below(job["cpu_seconds"], spec["target_cpu_seconds"])])


ROWS: dict[str, Callable[[dict, dict], tuple[str, str]]] = {
    "fresh_clone": row_fresh_clone,
    "dag_cpu": row_dag_cpu,
    "noop": row_noop,
    "tests": row_tests,
    "ppml": row_ppml,
    "ch8_job": row_ch8_job,
}


def build_table(spec: dict, results: dict) -> list[dict]:
    """One row per entry of ``spec`` (bench/config.yaml ``loop_table``), in its order."""
    rows = []
    for key, row_spec in spec.items():
        measured, met = ROWS[key](row_spec, results)
        rows.append(
            {
                "what": row_spec["what"],
                "baseline": row_spec["baseline"],
                "target": row_spec["target"],
                "measured": measured,
                "met": met,
            }
        )
    return rows


def render_markdown(rows: list[dict]) -> list[str]:
    lines = ["| what | baseline | target | measured now | met? |", "|---|---|---|---|---|"]
    lines += [
        f"| {r['what']} | {r['baseline']} | {r['target']} | {r['measured']} | {r['met']} |"
        for r in rows
    ]
    return lines
