"""Faults in the data layer: a corrupted, deleted or badly mirrored input must be re-fetched
or stop the run with the source named, never finish with changed numbers.

"Changed numbers" is checked by recomputing: after the faulty run, every result file must be
byte-identical to the clean run's (or the run must have failed and left the clean files).
"""

import hashlib
import os
import shutil

import pytest
import yaml
from dag_run import MIRROR, clone_run, jobs_planned

pytestmark = pytest.mark.slow

SOURCE, FILE = "wto-rta", "AllRTAs.xlsx"  # read by the NBT 2015 Figure 1 rule only


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def result_digests(run):
    results = run.workdir / "results"
    return {
        str(p.relative_to(results)): digest(p)
        for p in sorted(results.rglob("*"))
        if p.is_file()
        and "logs" not in p.parts
        and "benchmarks" not in p.parts
        and p.suffix in {".csv", ".md"}
    }


def registered_sha(run):
    registry = yaml.safe_load((run.repo / "sources" / f"{SOURCE}.yaml").read_text())
    return next(f["sha256"] for f in registry["files"] if f["name"] == FILE)


def corrupt_in_place(path):
    """Flip one byte, keeping size and mtime: an edit a timestamp cannot reveal."""
    stat = path.stat()
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.unlink()  # the clone's cache is hard-linked to the clean run's: write a new inode
    path.write_bytes(bytes(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


@pytest.fixture(scope="module")
def clean(small_dag):
    return result_digests(small_dag)


def test_corrupted_cache_file_is_refetched_and_numbers_are_unchanged(small_dag, clean, tmp_path):
    run = clone_run(small_dag, tmp_path)
    cached = run.workdir / "data-cache" / SOURCE / FILE
    corrupt_in_place(cached)
    result = run.snakemake()
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"source '{SOURCE}', file '{FILE}'" in result.stderr
    assert digest(cached) == registered_sha(run)
    assert list((run.workdir / "data-cache" / ".corrupt" / SOURCE).iterdir())
    assert result_digests(run) == clean


def test_deleted_cache_file_is_refetched_in_the_same_command(small_dag, clean, tmp_path):
    run = clone_run(small_dag, tmp_path)
    cached = run.workdir / "data-cache" / SOURCE / FILE
    cached.unlink()
    planned = jobs_planned(run.snakemake("--dry-run"))
    assert "fetch_source_file" in planned
    result = run.snakemake()
    assert result.returncode == 0, result.stderr[-3000:]
    assert digest(cached) == registered_sha(run)
    assert result_digests(run) == clean


def test_corrupt_mirror_stops_the_run_naming_the_source_and_leaves_clean_results(
    small_dag, clean, tmp_path
):
    run = clone_run(small_dag, tmp_path)
    (run.workdir / "data-cache" / SOURCE / FILE).unlink()
    mirror = tmp_path / "mirror"
    shutil.copytree(MIRROR / SOURCE, mirror / SOURCE)
    corrupt_in_place(mirror / SOURCE / FILE)
    result = run.snakemake(env={"GVCNEG_DATA_MIRRORS": str(mirror)})
    assert result.returncode != 0
    said = result.stdout + result.stderr
    assert f"source '{SOURCE}', file '{FILE}': checksum mismatch" in said, said[-6000:]
    assert not (run.workdir / "data-cache" / SOURCE / FILE).exists()
    assert result_digests(run) == clean


def test_a_mirror_path_written_another_way_replans_nothing(small_dag, tmp_path):
    run = clone_run(small_dag, tmp_path)
    alias = tmp_path / "same-mirror"
    alias.symlink_to(MIRROR)
    result = run.snakemake("--dry-run", env={"GVCNEG_DATA_MIRRORS": f"{alias}/"})
    assert result.returncode == 0, result.stderr[-3000:]
    assert jobs_planned(result) == set(), result.stdout[-2000:]
