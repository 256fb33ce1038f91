"""Benchmark: the set-up a fresh clone pays before it can run anything (`make .venv/.installed`).

Clones the repository's committed HEAD into a temporary directory and builds the virtual
environment there with the Makefile's own recipe, with empty pip and uv cache directories
(PIP_CACHE_DIR, UV_CACHE_DIR), so nothing a previous build downloaded or unpacked is reused.
Package indexes and wheel directories configured on the machine (pip.conf, PIP_FIND_LINKS) are
used as a user's would be. Wall and CPU seconds (the make process and all its children).

    python bench/venv_setup.py     # writes bench/results/venv_setup.json
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, load_config, machine, write_result  # noqa: E402


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> dict:
    timeout = load_config()["venv_setup"]["timeout_seconds"]
    with tempfile.TemporaryDirectory(prefix="gvcneg-bench-setup-") as tmp:
        clone, caches = Path(tmp) / "clone", Path(tmp) / "caches"
        subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
        env = {
            **os.environ,
            "PIP_CACHE_DIR": str(caches / "pip"),
            "UV_CACHE_DIR": str(caches / "uv"),
            "XDG_CACHE_HOME": str(caches / "xdg"),
        }
        cpu_start, start = children_cpu_seconds(), time.perf_counter()
        out = subprocess.run(
            ["make", "-C", str(clone), ".venv/.installed"],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        seconds, cpu = time.perf_counter() - start, children_cpu_seconds() - cpu_start
        recipe = subprocess.run(
            ["make", "-C", str(clone), "-n", "-B", ".venv/.installed"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    result = {
        "benchmark": "venv_setup",
        "machine": machine(),
        "command": "make .venv/.installed (fresh clone, empty pip/uv caches)",
        "installer": "uv" if "uv pip" in recipe else "pip",
        "seconds": seconds,
        "cpu_seconds": cpu,
        "returncode": out.returncode,
    }
    if out.returncode != 0:
        result["error_tail"] = (out.stdout + out.stderr)[-3000:]
    return result


if __name__ == "__main__":
    outcome = main()
    print(f"wrote {write_result('venv_setup', outcome)}")
    sys.exit(0 if outcome["returncode"] == 0 else 1)
