"""Benchmark: wall and CPU seconds of the test suite, `make test-fast` and (optionally) `make test`.

`make test-fast` (the developer loop) always runs. `make test` (the full suite CI runs: as root
it installs Debian packages and starts the SLURM and browser daemons) takes minutes, so it runs
only with ``--full``; otherwise its last measurement (with date and commit) is kept from
bench/results/suite.json and labelled with them.

    python bench/suite.py           # make test-fast; keeps the last `make test` result
    python bench/suite.py --full    # both
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, RESULTS, load_config, machine, write_result  # noqa: E402


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def make_target_exists(target: str) -> bool:
    """Whether the Makefile of this checkout has ``target`` (`make -n` fails without it)."""
    dry = subprocess.run(["make", "-C", str(REPO), "-n", target], capture_output=True, check=False)
    return dry.returncode == 0


def run_make(target: str, timeout: float) -> dict:
    if not make_target_exists(target):
        return {"target": target, "skipped": f"the Makefile has no `{target}` target"}
    cpu_start, start = children_cpu_seconds(), time.perf_counter()
    out = subprocess.run(
        ["make", "-C", str(REPO), target],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    seconds, cpu = time.perf_counter() - start, children_cpu_seconds() - cpu_start
    tail = pytest_summary(out.stdout)
    return {
        "target": target,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "returncode": out.returncode,
        "pytest_summary": tail,
        "machine": machine(),
    }


def pytest_summary(stdout: str) -> str | None:
    """pytest's final count line ("803 passed, 6 skipped in 34.2s"), not make's last words."""
    found = re.findall(r"^=*\s*(\d+ (?:passed|failed|error).*?)\s*=*$", stdout, flags=re.M)
    return found[-1] if found else None


def main(full: bool) -> dict:
    timeout = load_config()["suite"]["timeout_seconds"]
    previous_path = RESULTS / "suite.json"
    previous = json.loads(previous_path.read_text()) if previous_path.exists() else {}
    result = {"benchmark": "suite", "machine": machine()}
    result["test_fast"] = run_make("test-fast", timeout)
    if full:
        result["test"] = run_make("test", timeout)
    elif "test" in previous:
        result["test"] = {**previous["test"], "carried_over": True}
    else:
        result["test"] = {"target": "test", "skipped": "not run (python bench/suite.py --full)"}
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also run `make test` (minutes)")
    outcome = main(parser.parse_args().full)
    print(f"wrote {write_result('suite', outcome)}")
