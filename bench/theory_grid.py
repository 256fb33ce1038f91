"""Benchmark: throughput of the DeRemer (2023) Remarks 1-2 robustness grid on 1 and 2 cores.

The grid and its chunking are the pipeline's (config.yaml ``deremer2023.remark_grid``). Two
measurements per core count:

- ``function``: ``gvcneg.theory.deremer2023.grid.evaluate_chunk`` on every chunk in a pool of
  ``cores`` worker processes (the science alone, pool start-up included);
- ``snakemake``: the chunk jobs through Snakemake with ``--cores`` in a fresh temporary
  directory (one job per chunk, as in the pipeline; includes Snakemake's start-up, DAG
  building and each job's Python start-up).

The evaluated grid is also checked to be identical across core counts.

    python bench/theory_grid.py     # writes bench/results/theory_grid.json
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    REPO,
    load_config,
    machine,
    snakemake_command,
    usable_cores,
    write_result,
)

from gvcneg.sweeps import grid_chunk  # noqa: E402
from gvcneg.theory.deremer2023.grid import build_remark_grid, evaluate_chunk  # noqa: E402

DOCUMENT = "deremer2023"


def grid_config(repo: Path = REPO) -> dict:
    return yaml.safe_load((repo / "config.yaml").read_text())[DOCUMENT]["remark_grid"]


def _evaluate(args: tuple[dict, int]) -> pd.DataFrame:
    config, chunk = args
    grid = build_remark_grid(config)
    return evaluate_chunk(grid_chunk(grid, chunk, config["chunks"]))


def _children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_function(config: dict, cores: int) -> tuple[float, float, pd.DataFrame]:
    """Wall seconds, CPU seconds of the worker processes, and the evaluated grid."""
    cpu_start, start = _children_cpu_seconds(), time.perf_counter()
    with ProcessPoolExecutor(max_workers=cores) as pool:
        chunks = list(pool.map(_evaluate, [(config, c) for c in range(config["chunks"])]))
    seconds = time.perf_counter() - start
    return seconds, _children_cpu_seconds() - cpu_start, pd.concat(chunks, ignore_index=True)


def time_snakemake(config: dict, cores: int) -> float:
    targets = [f"results/{DOCUMENT}/grid/chunk_{c}.csv" for c in range(config["chunks"])]
    with tempfile.TemporaryDirectory(prefix="gvcneg-bench-grid-") as workdir:
        cmd = snakemake_command(workdir, cores, *targets)
        start = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=workdir)
        seconds = time.perf_counter() - start
    if out.returncode != 0:
        raise RuntimeError(f"snakemake grid run failed:\n{(out.stdout + out.stderr)[-3000:]}")
    return seconds


def main() -> dict:
    config = grid_config()
    n_points = len(build_remark_grid(config))
    runs, frames = [], {}
    for cores in load_config()["theory_grid"]["cores"]:
        if cores > usable_cores():
            runs.append({"cores": cores, "skipped": f"only {usable_cores()} cores available"})
            continue
        function_seconds, function_cpu_seconds, frames[cores] = time_function(config, cores)
        snakemake_seconds = time_snakemake(config, cores)
        runs.append(
            {
                "cores": cores,
                "function_seconds": function_seconds,
                "function_points_per_second": n_points / function_seconds,
                "function_cpu_seconds": function_cpu_seconds,
                "function_points_per_cpu_second": n_points / function_cpu_seconds,
                "snakemake_seconds": snakemake_seconds,
                "snakemake_points_per_second": n_points / snakemake_seconds,
            }
        )
        print(
            f"{cores} core(s): {n_points / function_seconds:.0f} points/s (function), "
            f"{n_points / snakemake_seconds:.0f} points/s (snakemake)",
            flush=True,
        )
    reference = next(iter(frames.values()))
    identical = all(frame.equals(reference) for frame in frames.values())
    return {
        "benchmark": "theory_grid",
        "machine": machine(),
        "grid": {
            "document": DOCUMENT,
            "points": n_points,
            "chunks": config["chunks"],
            "config": config,
        },
        "runs": runs,
        "results_identical_across_core_counts": identical,
        "blas_threads_per_process": os.environ.get("OPENBLAS_NUM_THREADS"),
    }


if __name__ == "__main__":
    path = write_result("theory_grid", main())
    print(f"wrote {path}")
