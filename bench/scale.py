"""Benchmark: the scale-out path (scale.yaml) through profiles/default and profiles/slurm.

Three families of embarrassingly parallel work, each at several sizes (bench/config.yaml
``scale.families``: config overrides on top of config.yaml, the largest being scale.yaml's size
or a stated fraction of it): the DeRemer (2023) Remarks 1-2 grid (one job per chunk, then a
serial gather), the Mattoo-Olarreaga robustness grid (same shape) and the chapter-8 estimator
placebo (one job running every seed). For every run: the units done (grid points evaluated,
placebo draws), CPU of the whole local run (Snakemake and every job: getrusage of the child processes), split
into the parallel jobs, the serial gather and Snakemake's own planning by two more runs (one
forcing only the gather, one with nothing to do), wall seconds, and throughput per CPU second.
SLURM jobs are not children of Snakemake: there the jobs' CPU comes from their ``benchmark:``
files, which Snakemake fills by sampling (every 0.5 s, after 30 s every 30 s), a lower bound.

The local profile runs every size; profiles/slurm runs the sizes in ``scale.slurm_sizes`` on
the single-node SLURM cluster of tests/test_slurm.py (bench/slurm_cluster.py; root only,
otherwise recorded as skipped with the reason). Every run uses one temporary directory; the
placebo's inputs (the chapter-8 panel) are built once beforehand and not timed.

    python bench/scale.py                  # both profiles
    python bench/scale.py --profile default
"""

from __future__ import annotations

import argparse
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

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, load_config, machine, write_result  # noqa: E402

SBIN_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def count_rows(paths: list[Path]) -> int:
    """Data rows of CSV files (header excluded)."""
    total = 0
    for path in paths:
        with path.open(newline="") as handle:
            total += max(sum(1 for _ in csv.reader(handle)) - 1, 0)
    return total


def job_cpu(benchmarks: Path, pattern: str) -> tuple[float, float, int]:
    """Summed CPU and wall seconds, and number, of the jobs whose benchmark file (path under
    results/benchmarks/, without .tsv) matches the regular expression ``pattern``."""
    cpu = wall = 0.0
    jobs = 0
    for path in sorted(benchmarks.rglob("*.tsv")):
        name = str(path.relative_to(benchmarks).with_suffix(""))
        if not re.fullmatch(pattern, name):
            continue
        with path.open() as handle:
            record = next(csv.DictReader(handle, delimiter="\t"))
        cpu += float(record["cpu_time"])
        wall += float(record["s"])
        jobs += 1
    return cpu, wall, jobs


def job_peak_rss_mb(benchmarks: Path, pattern: str) -> float | None:
    """Largest peak RSS (MB) among the jobs whose benchmark file matches ``pattern``."""
    peaks = []
    for path in sorted(benchmarks.rglob("*.tsv")):
        if re.fullmatch(pattern, str(path.relative_to(benchmarks).with_suffix(""))):
            with path.open() as handle:
                peaks.append(float(next(csv.DictReader(handle, delimiter="\t"))["max_rss"]))
    return max(peaks, default=None)


def throughput(units: int, seconds: float) -> float | None:
    return units / seconds if seconds > 0 else None


def snakemake(workdir: Path, profile: str, args: list[str], cfg: dict):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLURM_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}{os.pathsep}{SBIN_PATH}"
    env.setdefault("GVCNEG_DATA_MIRRORS", str(REPO.parent / "shared" / "data"))
    cmd = [
        sys.executable, "-m", "snakemake",
        "--snakefile", str(REPO / "Snakefile"),
        "--directory", str(workdir),
        "--profile", str(REPO / "profiles" / profile),
        *args,
    ]  # fmt: skip
    cpu_start, start = children_cpu_seconds(), time.perf_counter()
    out = subprocess.run(
        cmd, cwd=workdir, env=env, capture_output=True, text=True, timeout=cfg["timeout"],
        check=False,
    )  # fmt: skip
    return time.perf_counter() - start, children_cpu_seconds() - cpu_start, out


def run_size(workdir: Path, profile: str, family: dict, override: dict, cfg: dict) -> dict:
    configfile = workdir / f"bench-scale-{profile}.yaml"
    configfile.write_text(yaml.safe_dump(override, sort_keys=False))
    base = [*family["targets"], "--configfile", str(configfile)]
    if profile == "default":
        base += ["--cores", str(cfg["cores"])]
    # Targets first: --forcerun takes every name after it.
    seconds, cpu, out = snakemake(workdir, profile, [*base, "--forcerun", *family["rules"]], cfg)
    record = {"profile": profile, "seconds": seconds, "returncode": out.returncode}
    if out.returncode != 0:
        record["error_tail"] = (out.stdout + out.stderr)[-3000:]
        return record
    benchmarks = workdir / "results" / "benchmarks"
    units = count_rows([workdir / family["units_file"]])
    sampled_parallel, parallel_wall, parallel_jobs = job_cpu(benchmarks, family["parallel_jobs"])
    sampled_serial, serial_wall, _ = job_cpu(benchmarks, family["serial_jobs"])
    record.update(
        {
            "units": units,
            "parallel_jobs": parallel_jobs,
            "parallel_jobs_wall_seconds": parallel_wall,
            "serial_job_wall_seconds": serial_wall,
            "parallel_job_peak_rss_mb": job_peak_rss_mb(benchmarks, family["parallel_jobs"]),
            "serial_job_peak_rss_mb": job_peak_rss_mb(benchmarks, family["serial_jobs"]),
            # Snakemake's benchmark cpu_time (sampled: misses CPU of jobs past 30 s wall).
            "parallel_jobs_cpu_seconds_sampled": sampled_parallel,
            "serial_job_cpu_seconds_sampled": sampled_serial,
            # Local: Snakemake and every job (getrusage). SLURM: Snakemake on the login node
            # and its sbatch/squeue calls only (the jobs run under slurmd).
            "run_cpu_seconds": cpu,
            "submitted_slurm_jobs": len(re.findall(r"SLURM jobid \d+", out.stdout + out.stderr)),
        }
    )
    if profile == "default":
        # Split by getrusage: forcing only the serial rules (the chunks are up to date) and a
        # run with nothing to do (Snakemake's own parsing and planning) on the same targets.
        serial_rules = family.get("serial_rules") or []
        serial_run = (
            snakemake(workdir, profile, [*base, "--forcerun", *serial_rules], cfg)[1]
            if serial_rules
            else None
        )
        idle_cpu = snakemake(workdir, profile, base, cfg)[1]
        parallel = cpu - (serial_run if serial_run is not None else idle_cpu)
        serial = serial_run - idle_cpu if serial_run is not None else 0.0
        record.update(
            {
                "snakemake_overhead_cpu_seconds": idle_cpu,
                "parallel_jobs_cpu_seconds": parallel,
                "serial_job_cpu_seconds": serial,
                "units_per_parallel_cpu_second": throughput(units, parallel),
                "units_per_run_cpu_second": throughput(units, cpu),
            }
        )
    else:
        record.update(
            {
                "parallel_jobs_cpu_seconds": sampled_parallel,
                "serial_job_cpu_seconds": sampled_serial,
                "units_per_parallel_cpu_second": throughput(units, sampled_parallel),
                "units_per_run_cpu_second": None,
                "cpu_source": "sampled benchmark files (the jobs are not children here)",
            }
        )
    return record


def prepare(workdir: Path, families: dict, cfg: dict) -> dict:
    """Build every family's inputs once (local profile, default config); not timed."""
    omit = [rule for family in families.values() for rule in family["rules"]]
    targets = [t for family in families.values() for t in family["targets"]]
    seconds, cpu, out = snakemake(
        workdir,
        "default",
        [*targets, "--cores", str(cfg["cores"]), "--omit-from", *omit],
        cfg,
    )
    if out.returncode != 0:
        raise RuntimeError(f"preparing the inputs failed:\n{(out.stdout + out.stderr)[-3000:]}")
    return {"seconds": seconds, "cpu_seconds": cpu}


def run_profile(profile: str, families: dict, cfg: dict, sizes_of) -> list[dict]:
    runs = []
    with tempfile.TemporaryDirectory(prefix=f"gvcneg-bench-scale-{profile}-") as tmp:
        workdir = Path(tmp)
        prepared = prepare(workdir, families, cfg)
        print(f"{profile}: inputs built in {prepared['cpu_seconds']:.0f} CPU s", flush=True)
        for name, family in families.items():
            for index in sizes_of(name):
                size = family["sizes"][index]
                record = run_size(workdir, profile, family, size["config"], cfg)
                record.update({"family": name, "size": size["label"], "size_index": index})
                runs.append(record)
                print(
                    f"{profile} {name} {size['label']}: {record.get('units')} units, "
                    f"{record.get('parallel_jobs_cpu_seconds', float('nan')):.1f} CPU s in "
                    f"parallel jobs, exit {record['returncode']}",
                    flush=True,
                )
    return runs


def full_scale_estimate(families: dict, runs: list[dict], scale_units: dict) -> dict:
    """CPU of scale.yaml's full sizes at the per-unit cost of the largest measured size
    (labelled an estimate; the parallel jobs' cost is close to linear in units, see runs)."""
    estimate = {}
    for name in families:
        measured = [
            r for r in runs if r["family"] == name and r["profile"] == "default" and r.get("units")
        ]
        if not measured:
            continue
        largest = max(measured, key=lambda r: r["units"])
        units = scale_units[name]
        estimate[name] = {
            "units": units,
            "parallel_cpu_seconds": units / largest["units_per_parallel_cpu_second"],
            "from_size": largest["size"],
            "note": "NOT measured: units / (units per parallel CPU s at the largest size run)",
        }
    return estimate


def main(profiles: list[str], only: list[str] | None = None) -> dict:
    bench_cfg = load_config()["scale"]
    families = {k: v for k, v in bench_cfg["families"].items() if not only or k in only}
    cfg = {"cores": bench_cfg["cores"], "timeout": bench_cfg["timeout_seconds"]}
    result = {
        "benchmark": "scale",
        "machine": machine(),
        "scale_config": bench_cfg["config"],
        "families": {
            name: {
                "unit": f["unit"],
                "sizes": [s["label"] for s in f["sizes"]],
                "parallel_jobs": f["parallel_jobs"],
                "serial_jobs": f["serial_jobs"],
            }
            for name, f in families.items()
        },
        "runs": [],
    }
    if "default" in profiles:
        result["runs"] += run_profile(
            "default", families, cfg, lambda name: range(len(families[name]["sizes"]))
        )
    if "slurm" in profiles:
        from slurm_cluster import ClusterUnavailable, single_node_cluster

        try:
            with single_node_cluster() as node:
                result["slurm_node"] = node
                result["runs"] += run_profile(
                    "slurm", families, cfg, lambda name: bench_cfg["slurm_sizes"]
                )
        except ClusterUnavailable as reason:
            result["slurm_skipped"] = str(reason)
    result["full_scale_estimate"] = full_scale_estimate(
        families, result["runs"], bench_cfg["scale_units"]
    )
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", choices=["default", "slurm", "both"], default="both")
    parser.add_argument("--family", action="append", help="only these families (repeatable)")
    parser.add_argument("--output", default="scale", help="result name (bench/results/<name>.json)")
    args = parser.parse_args()
    outcome = main(["default", "slurm"] if args.profile == "both" else [args.profile], args.family)
    print(json.dumps(outcome.get("full_scale_estimate"), indent=1))
    print(f"wrote {write_result(args.output, outcome)}")
