"""Run every benchmark (or the ones named) and write bench/results/SUMMARY.md.

    python bench/run_all.py                       # all: replication, ppml, theory_grid
    python bench/run_all.py ppml theory_grid      # some
    python bench/run_all.py --summary-only        # rebuild SUMMARY.md from the JSON files

Each benchmark writes bench/results/<name>.json; the summary is built from those files.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BENCH, RESULTS, thread_env  # noqa: E402

BENCHMARKS = ("replication", "ppml", "ppml_verified", "theory_grid")


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
        "| run | cores | jobs | wall time (s) | status |",
        "|---|---|---|---|---|",
        f"| full replication, empty results/ | {r['cores']} | {full['jobs']} | "
        f"{_fmt(full['seconds'])} | exit {full['returncode']} |",
    ]
    rerun = r.get("no_change_rerun")
    if rerun:
        lines.append(
            f"| re-run, nothing changed | {r['cores']} | {rerun['jobs']} | "
            f"{_fmt(rerun['seconds'])} | exit {rerun['returncode']}, nothing to do: "
            f"{rerun['nothing_to_do']} |"
        )
    if r.get("rules"):
        lines += [
            "",
            f"Peak memory of any rule: {_fmt(r['peak_rule_rss_mb'])} MB. Slowest rules:",
            "",
            "| job | seconds | max RSS (MB) |",
            "|---|---|---|",
        ]
        lines += [
            f"| {row['job']} | {_fmt(row['seconds'])} | {_fmt(row['max_rss_mb'])} |"
            for row in r["rules"][:8]
        ]
    if full["returncode"] != 0:
        lines += ["", "The full run FAILED; see `error_tail` in replication.json."]
    return lines


def summarise_ppml(r: dict) -> list[str]:
    panel, full = r["panel"], r["pyfixest_full"]
    extra = r["statsmodels_full_extrapolated"]
    lines = [
        "## PPML: pyfixest vs statsmodels GLM with dummies",
        "",
        f"Machine: {_machine_line(r['machine'])}",
        "",
        f"Simulated gravity panel: N = {panel['n_obs']:,} (from {panel['n_obs_source']}), "
        f"{panel['n_countries']} countries, {panel['n_years']} years, {panel['n_dyads']:,} "
        f"dyads; {panel['specification']}; {r['threads']} thread(s) per fit. Times are CPU "
        "seconds (wall seconds in ppml.json).",
        "",
        "| sample | N | pyfixest first call | pyfixest warm | statsmodels | speed ratio | "
        "max abs coef diff | max rel SE diff | statsmodels memory (MB) | pyfixest memory (MB) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in r["subsamples"]:
        pf, sm = s["pyfixest"], s["statsmodels"]
        lines.append(
            f"| {s['dyad_fraction']:.0%} of dyads | {pf['n_obs']:,} | "
            f"{_fmt(pf['cpu_seconds_first_call'])} | {_fmt(pf['cpu_seconds_warm'])} | "
            f"{_fmt(sm['cpu_seconds_first_call'])} | "
            f"{_fmt(s['cpu_speed_ratio_statsmodels_over_pyfixest_warm'])} | "
            f"{s['max_abs_coef_difference']:.1e} | {s['max_rel_se_difference']:.1e} | "
            f"{_fmt(sm['memory_mb'])} | {_fmt(pf['memory_mb'])} |"
        )
    lines.append(
        f"| full panel | {full['n_obs']:,} | {_fmt(full['cpu_seconds_first_call'])} | "
        f"{_fmt(full['cpu_seconds_warm'])} | {_fmt(extra['cpu_seconds'])} (extrapolated) | "
        f"{_fmt(extra['cpu_speed_ratio_over_pyfixest_warm'])} (extrapolated) | — | — | "
        f"{_fmt(extra['memory_mb'])} (extrapolated) | {_fmt(full['memory_mb'])} |"
    )
    lines += [
        "",
        "The statsmodels baseline is run on subsamples of dyads only (it is too slow and "
        "memory-hungry at full size); its full-size time and memory are extrapolated with a "
        f"power law fitted to the subsamples (exponents {extra['time_exponent']:.2f} for time, "
        f"{extra['memory_exponent']:.2f} for memory) and are NOT measurements. pyfixest "
        "recovers the simulated coefficients on the full panel to within "
        f"{full['max_abs_error_vs_true_beta']:.1e}. Speed ratio = statsmodels CPU seconds / "
        "pyfixest warm CPU seconds on the same data.",
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


SUMMARISERS = {
    "replication": summarise_replication,
    "ppml": summarise_ppml,
    "ppml_verified": summarise_ppml_verified,
    "theory_grid": summarise_theory_grid,
}


def write_summary() -> Path:
    lines = [
        "# Benchmark results",
        "",
        "Generated by `python bench/run_all.py` (`make bench`) from bench/results/*.json.",
        "",
    ]
    for name in BENCHMARKS:
        path = RESULTS / f"{name}.json"
        if path.exists():
            lines += SUMMARISERS[name](json.loads(path.read_text())) + [""]
        else:
            lines += [f"## {name}", "", "Not run yet.", ""]
    summary = RESULTS / "SUMMARY.md"
    summary.write_text("\n".join(lines))
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description="Run the gvcneg benchmarks.")
    parser.add_argument("names", nargs="*", help=f"any of {', '.join(BENCHMARKS)} (default: all)")
    parser.add_argument("--summary-only", action="store_true")
    args = parser.parse_args()
    unknown = sorted(set(args.names) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark(s) {unknown}; choose from {', '.join(BENCHMARKS)}")
    failed = []
    if not args.summary_only:
        for name in args.names or BENCHMARKS:
            print(f"== {name}", flush=True)
            # One BLAS/OpenMP thread per process, as Snakemake sets for `threads: 1` jobs;
            # parallelism comes from processes (oversubscribed OpenBLAS is very slow).
            run = subprocess.run([sys.executable, str(BENCH / f"{name}.py")], env=thread_env(1))
            if run.returncode != 0:
                failed.append(name)
    print(f"wrote {write_summary()}")
    if failed:
        print(f"FAILED: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
