"""Shared helpers of the benchmarks: machine description, configuration, result files."""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "results"
CONFIG = BENCH / "config.yaml"
PACKAGES = ("snakemake", "pyfixest", "statsmodels", "numpy", "pandas", "scipy")
# What sets the threads of a fit: BLAS/OpenMP (statsmodels' least-squares solves, numpy) and
# RAYON_NUM_THREADS (pyfixest 0.60's default demeaner, compiled Rust on a rayon pool; pyfixest
# no longer uses numba). Snakemake sets the BLAS/OpenMP variables of a job to its `threads`,
# but not RAYON_NUM_THREADS.
THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "RAYON_NUM_THREADS",
)


def thread_env(threads: int) -> dict[str, str]:
    """Environment limiting BLAS/OpenMP and pyfixest's rayon pool to ``threads`` threads
    (oversubscribed OpenBLAS threads on a busy machine are many times slower)."""
    return {**os.environ, **{name: str(threads) for name in THREAD_VARIABLES}}


def load_config(path: Path = CONFIG) -> dict:
    return yaml.safe_load(Path(path).read_text())


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float | None:
    try:
        text = Path("/proc/meminfo").read_text()
    except OSError:
        return None
    kib = int(re.search(r"MemTotal:\s+(\d+)", text).group(1))
    return round(kib / 1024**2, 1)


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return out.stdout.strip() + ("-dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return None


def machine() -> dict:
    """The machine and software a benchmark ran on."""
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "date_utc": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "cpu_model": _cpu_model(),
        "cores": usable_cores(),
        "memory_gb": _memory_gb(),
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "packages": versions,
        "git_commit": _git_commit(),
    }


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (VmHWM), in MB."""
    text = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", text).group(1)) / 1024


def current_rss_mb() -> float:
    text = Path("/proc/self/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) / 1024


def write_result(name: str, result: dict) -> Path:
    """bench/results/<name>.json (small, diff-friendly: sorted keys, rounded floats)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(_rounded(result), indent=2, sort_keys=True) + "\n")
    return path


def _rounded(value, digits: int = 6):
    if isinstance(value, float):
        return float(f"{value:.{digits}g}")
    if isinstance(value, dict):
        return {k: _rounded(v, digits) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v, digits) for v in value]
    return value


def snakemake_command(workdir, cores: int, *targets: str) -> list[str]:
    """The local-profile Snakemake command the benchmarks time, run in ``workdir``."""
    return [
        sys.executable, "-m", "snakemake",
        "--snakefile", str(REPO / "Snakefile"),
        "--directory", str(workdir),
        "--profile", str(REPO / "profiles" / "default"),
        "--cores", str(cores),
        *targets,
    ]  # fmt: skip
