"""Benchmark: wall time of the full replication from a warm data mirror, and of a re-run.

Runs ``snakemake --profile profiles/default`` on the repository's Snakefile in a fresh
temporary directory (never in the repository), with the data mirrors populated so nothing is
downloaded ("warm mirror": the fetch step copies and checksums files from the mirror into the
empty data cache). Then runs it again without changes (Snakemake must find nothing to do).
Per-rule times and peak memory come from the rules' own ``benchmark:`` files.

    python bench/replication.py              # writes bench/results/replication.json
    python bench/replication.py --job-only   # only the chapter-8 job's CPU, into that file
"""

from __future__ import annotations

import csv
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    REPO,
    RESULTS,
    load_config,
    machine,
    snakemake_command,
    usable_cores,
    write_result,
)


def children_cpu_seconds() -> float:
    """User + system CPU of every finished child process (and theirs) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_snakemake(workdir: Path, cores: int, mirrors: str, timeout: float, *args: str):
    """Wall seconds, CPU seconds (Snakemake and every job it ran), exit code and output."""
    env = {**os.environ, "GVCNEG_DATA_MIRRORS": mirrors}
    cmd = snakemake_command(workdir, cores, *args)
    cpu_start, start = children_cpu_seconds(), time.perf_counter()
    out = subprocess.run(
        cmd, cwd=workdir, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    seconds, cpu = time.perf_counter() - start, children_cpu_seconds() - cpu_start
    return seconds, cpu, out.returncode, out.stdout + out.stderr


def jobs_in_run(output: str) -> int:
    match = re.search(r"^total\s+(\d+)\s*$", output, flags=re.MULTILINE)
    return int(match.group(1)) if match else 0


def rule_benchmarks(results: Path) -> list[dict]:
    """Every rule's benchmark file (Snakemake's ``benchmark:``): seconds and peak RSS."""
    rows = []
    for path in sorted((results / "benchmarks").rglob("*.tsv")):
        with path.open() as handle:
            record = next(csv.DictReader(handle, delimiter="\t"), None)
        if record is None:
            continue

        def number(key, record=record):
            try:
                return float(record[key])
            except (KeyError, TypeError, ValueError):
                return None

        rows.append(
            {
                "job": str(path.relative_to(results / "benchmarks").with_suffix("")),
                "seconds": number("s"),
                "cpu_seconds": number("cpu_time"),
                "max_rss_mb": number("max_rss"),
            }
        )
    return sorted(rows, key=lambda r: -(r["seconds"] or 0))


def main() -> dict:
    config = load_config()["replication"]
    cores = usable_cores() if config["cores"] == "all" else int(config["cores"])
    mirrors = os.environ.get("GVCNEG_DATA_MIRRORS") or str((REPO / config["mirrors"]).resolve())
    timeout = config["timeout_seconds"]
    with tempfile.TemporaryDirectory(prefix="gvcneg-bench-replication-") as tmp:
        workdir = Path(tmp)
        first_seconds, first_cpu, first_rc, first_out = run_snakemake(
            workdir, cores, mirrors, timeout
        )
        result = {
            "benchmark": "replication",
            "machine": machine(),
            "cores": cores,
            "data_mirrors": mirrors,
            "full_run": {
                "seconds": first_seconds,
                "cpu_seconds": first_cpu,
                "returncode": first_rc,
                "jobs": jobs_in_run(first_out),
            },
        }
        if first_rc != 0:
            result["full_run"]["error_tail"] = first_out[-4000:]
            return result
        rerun_seconds, rerun_cpu, rerun_rc, rerun_out = run_snakemake(
            workdir, cores, mirrors, timeout
        )
        result["no_change_rerun"] = {
            "seconds": rerun_seconds,
            "cpu_seconds": rerun_cpu,
            "returncode": rerun_rc,
            "nothing_to_do": "Nothing to be done" in rerun_out,
            "jobs": jobs_in_run(rerun_out),
        }
        rules = rule_benchmarks(workdir / "results")
        result["rules"] = rules
        result["peak_rule_rss_mb"] = max((r["max_rss_mb"] or 0 for r in rules), default=None)
        # Snakemake's per-job cpu_time is sampled (every 0.5 s for 30 s, then every 30 s):
        # a loaded machine stretching a job past 30 s wall loses up to 30 CPU s. Summed
        # here for reference only; the totals above and the job below come from getrusage.
        result["jobs_cpu_seconds_sampled"] = sum(r["cpu_seconds"] or 0 for r in rules)
        result["job_cpu"] = one_job_cpu(workdir, cores, mirrors, timeout)
    return result


def job_only() -> dict:
    """Only the chapter-8 job's measurement, in a fresh directory holding just its inputs
    (built first, not timed), merged into the existing replication.json."""
    config = load_config()["replication"]
    cores = usable_cores() if config["cores"] == "all" else int(config["cores"])
    mirrors = os.environ.get("GVCNEG_DATA_MIRRORS") or str((REPO / config["mirrors"]).resolve())
    job = load_config()["loop_table"]["ch8_job"]
    with tempfile.TemporaryDirectory(prefix="gvcneg-bench-job-") as tmp:
        prepared = run_snakemake(
            Path(tmp), cores, mirrors, config["timeout_seconds"], job["output"]
        )
        if prepared[2] != 0:
            return {
                "rule": job["rule"],
                "returncode": prepared[2],
                "error_tail": prepared[3][-3000:],
            }
        record = one_job_cpu(Path(tmp), cores, mirrors, config["timeout_seconds"])
    return {**record, "machine": machine(), "measured_alone": True}


def one_job_cpu(workdir: Path, cores: int, mirrors: str, timeout: float) -> dict:
    """CPU of one job (bench/config.yaml loop_table.ch8_job), start-up included: a run that
    forces it minus a run with nothing to do, both asking for the job's output only (so both
    parse and plan the same DAG)."""
    job = load_config()["loop_table"]["ch8_job"]
    target = job["output"]
    forced = run_snakemake(workdir, cores, mirrors, timeout, target, "--forcerun", job["rule"])
    idle = run_snakemake(workdir, cores, mirrors, timeout, target)
    record = {
        "rule": job["rule"],
        "target": target,
        "forced_run_cpu_seconds": forced[1],
        "nothing_to_do_cpu_seconds": idle[1],
        "cpu_seconds": forced[1] - idle[1],
        "seconds": forced[0] - idle[0],
        "returncode": forced[2] or idle[2],
        "nothing_to_do": "Nothing to be done" in idle[3],
    }
    if record["returncode"]:
        record["error_tail"] = (forced[3] + idle[3])[-3000:]
    return record


if __name__ == "__main__":
    if sys.argv[1:] == ["--job-only"]:
        previous = json.loads((RESULTS / "replication.json").read_text())
        previous["job_cpu"] = job_only()
        print(f"wrote {write_result('replication', previous)}")
        sys.exit(previous["job_cpu"]["returncode"])
    outcome = main()
    path = write_result("replication", outcome)
    print(f"wrote {path}")
    sys.exit(0 if outcome["full_run"]["returncode"] == 0 else 1)
