"""Pure parts of the scale-out benchmark (bench/scale.py): units, job CPU, the estimate."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))
from scale import count_rows, full_scale_estimate, job_cpu, job_peak_rss_mb  # noqa: E402

HEADER = "s\th:m:s\tmax_rss\tmax_vms\tmax_uss\tmax_pss\tio_in\tio_out\tmean_load\tcpu_time\n"


def test_units_are_data_rows_without_headers(tmp_path):
    (tmp_path / "a.csv").write_text('x,y\n1,"a\nb"\n2,c\n')  # a quoted newline is one row
    (tmp_path / "b.csv").write_text("x,y\n")
    assert count_rows([tmp_path / "a.csv", tmp_path / "b.csv"]) == 2


def test_job_cpu_sums_only_the_matching_jobs(tmp_path):
    for name, cpu in [("chunk_0", 1.5), ("chunk_12", 2.0), ("chunk_gather", 9.0)]:
        path = tmp_path / "doc" / f"{name}.tsv"
        path.parent.mkdir(exist_ok=True)
        path.write_text(HEADER + f"3.0\t0:00:03\t{100 * cpu}\t1\t1\t1\t0\t0\t50\t{cpu}\n")
    assert job_cpu(tmp_path, r"doc/chunk_\d+") == (3.5, 6.0, 2)
    assert job_cpu(tmp_path, "doc/chunk_gather") == (9.0, 3.0, 1)
    assert job_cpu(tmp_path, "doc/none") == (0.0, 0.0, 0)
    assert job_peak_rss_mb(tmp_path, r"doc/chunk_\d+") == 200.0
    assert job_peak_rss_mb(tmp_path, "doc/none") is None


def test_full_scale_estimate_uses_the_largest_local_size():
    runs = [
        {
            "family": "g",
            "profile": "default",
            "size": "s",
            "units": 10,
            "units_per_parallel_cpu_second": 1.0,
        },
        {
            "family": "g",
            "profile": "default",
            "size": "l",
            "units": 100,
            "units_per_parallel_cpu_second": 4.0,
        },
        {
            "family": "g",
            "profile": "slurm",
            "size": "xl",
            "units": 1000,
            "units_per_parallel_cpu_second": 99.0,
        },
    ]
    estimate = full_scale_estimate({"g": {}}, runs, {"g": 1000})["g"]
    assert estimate["from_size"] == "l"
    assert estimate["parallel_cpu_seconds"] == pytest.approx(250.0)


def test_scale_config_sizes_are_valid_overrides_of_existing_keys():
    """Every size overrides keys config.yaml has (a typo would silently run the default)."""
    repo = BENCH.parent
    base = yaml.safe_load((repo / "config.yaml").read_text())
    overrides = [yaml.safe_load((repo / "scale.yaml").read_text())]
    families = yaml.safe_load((BENCH / "config.yaml").read_text())["scale"]["families"]
    overrides += [size["config"] for f in families.values() for size in f["sizes"]]

    def check(override, reference, path=""):
        for key, value in override.items():
            assert key in reference, f"{path}{key} is not a key of config.yaml"
            if isinstance(value, dict) and isinstance(reference[key], dict):
                check(value, reference[key], f"{path}{key}.")

    for override in overrides:
        check(override, base)
