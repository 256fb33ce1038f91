"""Run the benchmarks and print the issue-15 table; write bench/results/SUMMARY.md.

    python bench/run_all.py                   # venv_setup, replication, suite, ppml, ch8_one_fit + table
    python bench/run_all.py --full-tests      # the same, and `make test` (minutes)
    python bench/run_all.py scale theory_grid # named ones (scale: minutes of CPU, SLURM as root)
    python bench/run_all.py --summary-only    # the table and SUMMARY.md from the JSON files

Each benchmark writes bench/results/<name>.json; the table and summary are built from those
files (a row without a result says "not measured").
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BENCH, RESULTS, load_config, thread_env  # noqa: E402
from table import build_table, render_markdown  # noqa: E402

BENCHMARKS = (
    "venv_setup",
    "replication",
    "suite",
    "ppml",
    "ppml_verified",
    "theory_grid",
    "scale",
    "ch8_one_fit",
)
SINGLE_THREADED = ("ppml", "ppml_verified", "theory_grid")
# Run by `make bench` without names; the others on request (minutes of CPU each, or a cluster).
DEFAULT_BENCHMARKS = ("venv_setup", "replication", "suite", "ppml", "ch8_one_fit")


def _fmt(value, digits: int = 3) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.{digits}g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def _machine_line(machine: dict) -> str:
    return (
        f"{machine['date_utc']}, {machine['cpu_model']}, {machine['cores']} cores, "
        f"{machine['memory_gb']} GB RAM, Python {machine['python']}, commit "
        f"{machine.get('git_commit')}"
    )


def summarise_replication(r: dict) -> list[str]:
    full = r["full_run"]
    lines = [
        "## Full replication (warm data mirror)",
        "",
        f"Machine: {_machine_line(r['machine'])}",
        "",
        "| run | cores | jobs | wall time (s) | CPU time (s) | status |",
        "|---|---|---|---|---|---|",
        f"| full replication, empty results/ | {r['cores']} | {full['jobs']} | "
        f"{_fmt(full['seconds'])} | {_fmt(full.get('cpu_seconds'))} | "
        f"exit {full['returncode']} |",
    ]
    rerun = r.get("no_change_rerun")
    if rerun:
        lines.append(
            f"| re-run, nothing changed | {r['cores']} | {rerun['jobs']} | "
            f"{_fmt(rerun['seconds'])} | {_fmt(rerun.get('cpu_seconds'))} | "
            f"exit {rerun['returncode']}, nothing to do: {rerun['nothing_to_do']} |"
        )
    if r.get("rules"):
        lines += [
            "",
            f"Peak memory of any rule: {_fmt(r['peak_rule_rss_mb'])} MB. Slowest rules:",
            "",
            "| job | wall s | CPU s (sampled, a lower bound) | max RSS (MB) |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {row['job']} | {_fmt(row['seconds'])} | {_fmt(row.get('cpu_seconds'))} | "
            f"{_fmt(row['max_rss_mb'])} |"
            for row in r["rules"][:8]
        ]
    if full["returncode"] != 0:
        lines += ["", "The full run FAILED; see `error_tail` in replication.json."]
    return lines


def summarise_ppml(r: dict) -> list[str]:
    if "pyfixest" not in r:  # written before the baseline was measured at full N
        return ["## PPML", "", "ppml.json predates the full-N measurement: re-run `make bench`."]
    panel, pf = r["panel"], r["pyfixest"]
    sm = r.get("statsmodels", {})
    lines = [
        "## PPML: pyfixest vs statsmodels GLM with dummies, full N, same run",
        "",
        f"Machine: {_machine_line(r['machine'])}",
        "",
        f"Simulated gravity panel: N = {panel['n_obs']:,} (from {panel['n_obs_source']}), "
        f"{panel['n_countries']} countries, {panel['n_years']} years, {panel['n_dyads']:,} "
        f"dyads; {panel['specification']}; {r['threads']} thread(s) per fit (BLAS and "
        "RAYON_NUM_THREADS). Times are CPU seconds (wall seconds in ppml.json).",
        "",
        "| estimator | first call | warm | peak memory (MB) | IRLS iterations |",
        "|---|---|---|---|---|",
        f"| pyfixest (fit_ppml) | {_fmt(pf['cpu_seconds_first_call'])} | "
        f"{_fmt(pf['cpu_seconds_warm'])} | {_fmt(pf['memory_mb'])} | {pf.get('iterations')} |",
    ]
    if "skipped" in sm:
        lines += ["", f"statsmodels: not measured ({sm['skipped']})."]
        return lines
    lines += [
        f"| statsmodels GLM, {sm['design_columns']} dummy-design columns | "
        f"{_fmt(sm['cpu_seconds_first_call'])} | — | {_fmt(sm['memory_mb'])} | "
        f"{sm['iterations']} |",
        "",
        f"Speed ratio (statsmodels CPU s / pyfixest warm CPU s): "
        f"{r['cpu_speed_ratio_statsmodels_over_pyfixest_warm']:.0f}x (wall: "
        f"{r['speed_ratio_statsmodels_over_pyfixest_warm']:.0f}x). Largest coefficient "
        f"difference {r['max_abs_coef_difference']:.1e} (tolerance {r['coef_tolerance']:.0e}); "
        f"largest relative SE difference {r['max_rel_se_difference']:.1e} (CRV1 vs "
        "statsmodels' cluster correction). pyfixest recovers the simulated coefficients to "
        f"{pf['max_abs_error_vs_true_beta']:.1e}.",
    ]
    return lines


def summarise_ppml_verified(r: dict) -> list[str]:
    new, old = r["runs"]["verified"], r["runs"]["replaced"]
    return [
        "## PPML: verified estimator vs the call it replaced",
        "",
        f"Machine: {_machine_line(r['machine'])}",
        "",
        f"Simulated gravity panel of bench/ppml.py, N = {r['panel']['n_obs']:,}; exporter, "
        f"importer and year FE; dyad clusters; {r['threads']} thread(s). CPU seconds.",
        "",
        "| estimator | first call | warm | memory (MB) | N used |",
        "|---|---|---|---|---|",
        f"| fit_ppml (separation checks, verified convergence) | "
        f"{_fmt(new['cpu_seconds_first_call'])} | {_fmt(new['cpu_seconds_warm'])} | "
        f"{_fmt(new['memory_mb'])} | {new['n_used']:,} |",
        f"| replaced call (pyfixest fepois, fe+ir checks) | "
        f"{_fmt(old['cpu_seconds_first_call'])} | {_fmt(old['cpu_seconds_warm'])} | "
        f"{_fmt(old['memory_mb'])} | {old['n_used']:,} |",
        "",
        f"Warm CPU ratio {r['cpu_ratio_warm_verified_over_replaced']:.2f}; largest coefficient "
        f"difference {r['max_abs_coef_difference']:.1e}; largest relative SE difference "
        f"{r['max_rel_se_difference']:.1e}.",
    ]


def summarise_theory_grid(r: dict) -> list[str]:
    grid = r["grid"]
    lines = [
        "## Theory grid throughput (DeRemer 2023, Remarks 1-2)",
        "",
        f"Machine: {_machine_line(r['machine'])}",
        "",
        f"{grid['points']:,} grid points in {grid['chunks']} chunks (config.yaml "
        "`deremer2023.remark_grid`); results identical across core counts: "
        f"{r['results_identical_across_core_counts']}.",
        "",
        "| cores | evaluate_chunk pool: wall s | points/s | points per CPU s | "
        "through Snakemake: wall s | points/s |",
        "|---|---|---|---|---|---|",
    ]
    for run in r["runs"]:
        if "skipped" in run:
            lines.append(f"| {run['cores']} | skipped: {run['skipped']} | | | | |")
            continue
        lines.append(
            f"| {run['cores']} | {_fmt(run['function_seconds'])} | "
            f"{_fmt(run['function_points_per_second'])} | "
            f"{_fmt(run['function_points_per_cpu_second'])} | {_fmt(run['snakemake_seconds'])} | "
            f"{_fmt(run['snakemake_points_per_second'])} |"
        )
    return lines


def summarise_venv_setup(r: dict) -> list[str]:
    return [
        "## Set-up of a fresh clone (`make .venv/.installed`, empty pip/uv caches)",
        "",
        f"Machine: {_machine_line(r['machine'])}",
        "",
        f"Installer: {r['installer']}; {_fmt(r['seconds'])} s wall, {_fmt(r['cpu_seconds'])} "
        f"CPU s; exit {r['returncode']}.",
    ]


def summarise_suite(r: dict) -> list[str]:
    lines = [
        "## Test suite",
        "",
        "| command | wall s | CPU s | result | measured |",
        "|---|---|---|---|---|",
    ]
    for key in ("test_fast", "test"):
        run = r.get(key) or {}
        name = f"make {run.get('target', key.replace('_', '-'))}"
        if "skipped" in run:
            lines.append(f"| {name} | — | — | {run['skipped']} | |")
            continue
        machine = run.get("machine", {})
        lines.append(
            f"| {name} | {_fmt(run['seconds'])} | {_fmt(run['cpu_seconds'])} | "
            f"exit {run['returncode']}: {run.get('pytest_summary')} | "
            f"{machine.get('date_utc')}, commit {machine.get('git_commit')}"
            f"{' (carried over)' if run.get('carried_over') else ''} |"
        )
    return lines


def summarise_scale(r: dict) -> list[str]:
    lines = [
        "## Scale-out (scale.yaml): throughput and growth with size",
        "",
        f"Machine: {_machine_line(r['machine'])}",
        "",
        "Parallel jobs = the grid chunks (or the placebo job); serial = the gather job. Local: "
        "'run CPU' = Snakemake and every job (getrusage), split into parallel jobs, gather and "
        "Snakemake's planning by re-runs. SLURM: 'run CPU' = Snakemake and its sbatch/squeue "
        "calls only; the jobs' CPU is Snakemake's sampled benchmark cpu_time (a lower bound).",
        "",
        "| profile | family | size | units | parallel jobs | parallel CPU s | serial CPU s | "
        "run CPU s | wall s | units per parallel CPU s | units per run CPU s | "
        "serial job peak MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for run in r["runs"]:
        if run["returncode"] != 0:
            lines.append(
                f"| {run['profile']} | {run['family']} | {run['size']} | FAILED (exit "
                f"{run['returncode']}, see scale.json) | | | | | | | | |"
            )
            continue
        lines.append(
            f"| {run['profile']} | {run['family']} | {run['size']} | {run['units']:,} | "
            f"{run['parallel_jobs']} | {_fmt(run['parallel_jobs_cpu_seconds'])} | "
            f"{_fmt(run['serial_job_cpu_seconds'])} | {_fmt(run['run_cpu_seconds'])} | "
            f"{_fmt(run['seconds'])} | {_fmt(run['units_per_parallel_cpu_second'])} | "
            f"{_fmt(run['units_per_run_cpu_second'])} | "
            f"{_fmt(run.get('serial_job_peak_rss_mb'))} |"
        )
    if r.get("slurm_skipped"):
        lines += ["", f"profiles/slurm: not run ({r['slurm_skipped']})."]
    estimate = r.get("full_scale_estimate") or {}
    if estimate:
        lines += [
            "",
            "scale.yaml's full sizes, parallel CPU ESTIMATED from the per-unit cost of the "
            "largest size run (not measured):",
            "",
        ]
        lines += [
            f"- {name}: {e['units']:,} units, ~{_fmt(e['parallel_cpu_seconds'])} CPU s "
            f"(from {e['from_size']})"
            for name, e in estimate.items()
        ]
    return lines


def summarise_ch8_one_fit(r: dict) -> list[str]:
    if "skipped" in r:
        return ["## One chapter-8 PPML fit", "", f"Not measured: {r['skipped']}"]
    lines = [
        "## One chapter-8 PPML fit, in its own process (CPU s)",
        "",
        f"Machine: {_machine_line(r['machine'])}",
        "",
        "| part | CPU s |",
        "|---|---|",
    ]
    lines += [f"| {name} | {_fmt(cpu)} |" for name, cpu in r["parts_cpu_seconds"].items()]
    lines.append(f"| whole process | {_fmt(r['process_cpu_seconds'])} |")
    return lines


SUMMARISERS = {
    "venv_setup": summarise_venv_setup,
    "suite": summarise_suite,
    "scale": summarise_scale,
    "ch8_one_fit": summarise_ch8_one_fit,
    "replication": summarise_replication,
    "ppml": summarise_ppml,
    "ppml_verified": summarise_ppml_verified,
    "theory_grid": summarise_theory_grid,
}


def read_results() -> dict[str, dict]:
    return {
        name: json.loads((RESULTS / f"{name}.json").read_text())
        for name in BENCHMARKS
        if (RESULTS / f"{name}.json").exists()
    }


def loop_table_lines(results: dict[str, dict]) -> list[str]:
    return render_markdown(build_table(load_config()["loop_table"], results))


def write_summary() -> Path:
    results = read_results()
    lines = [
        "# Benchmark results",
        "",
        "Generated by `python bench/run_all.py` (`make bench`) from bench/results/*.json.",
        "",
        "## Issue 15 targets (CPU seconds are the reliable figures on a shared machine)",
        "",
        *loop_table_lines(results),
        "",
    ]
    for name in BENCHMARKS:
        if name in results:
            lines += SUMMARISERS[name](results[name]) + [""]
        else:
            lines += [f"## {name}", "", "Not run yet.", ""]
    summary = RESULTS / "SUMMARY.md"
    summary.write_text("\n".join(lines))
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description="Run the gvcneg benchmarks.")
    parser.add_argument(
        "names",
        nargs="*",
        help=f"any of {', '.join(BENCHMARKS)} (default: {', '.join(DEFAULT_BENCHMARKS)})",
    )
    parser.add_argument("--summary-only", action="store_true")
    parser.add_argument(
        "--full-tests",
        action="store_true",
        help="suite: also run `make test` (minutes); otherwise its last result is kept",
    )
    args = parser.parse_args()
    unknown = sorted(set(args.names) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark(s) {unknown}; choose from {', '.join(BENCHMARKS)}")
    failed = []
    if not args.summary_only:
        for name in args.names or DEFAULT_BENCHMARKS:
            print(f"== {name}", flush=True)
            extra = ["--full"] if name == "suite" and args.full_tests else []
            # The estimator benchmarks fit with one BLAS/OpenMP/rayon thread per process
            # (parallelism comes from processes; oversubscribed OpenBLAS is very slow). The
            # pipeline, set-up and test runs get the environment a user's run gets.
            env = thread_env(1) if name in SINGLE_THREADED else None
            run = subprocess.run([sys.executable, str(BENCH / f"{name}.py"), *extra], env=env)
            if run.returncode != 0:
                failed.append(name)
    summary = write_summary()
    print("\n".join(loop_table_lines(read_results())))
    print(f"wrote {summary}")
    if failed:
        print(f"FAILED: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
