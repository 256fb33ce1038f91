"""The Snakemake profiles in profiles/: settings that must hold for every user."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
PROFILES = ("default", "slurm")


def profile(name: str) -> dict:
    return yaml.safe_load((REPO / "profiles" / name / "config.yaml").read_text())


@pytest.fixture(scope="module")
def workflow_rules(tmp_path_factory) -> set[str]:
    workdir = tmp_path_factory.mktemp("list-rules")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "snakemake",
            "--snakefile",
            str(REPO / "Snakefile"),
            "--directory",
            str(workdir),
            "--list-rules",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=workdir,
    )
    return {line.strip() for line in out.stdout.splitlines() if line.strip()}


@pytest.mark.parametrize("name", PROFILES)
def test_per_rule_settings_name_rules_of_the_workflow(name, workflow_rules):
    settings = profile(name)
    named = set(settings.get("set-resources", {})) | set(settings.get("set-threads", {}))
    assert named <= workflow_rules, f"profiles/{name}: unknown rules {named - workflow_rules}"


@pytest.mark.parametrize("name", PROFILES)
def test_failed_jobs_leave_no_partial_output_and_interrupted_jobs_rerun(name):
    settings = profile(name)
    # Snakemake deletes a failed job's outputs unless told to keep them.
    assert not settings.get("keep-incomplete", False)
    assert settings["rerun-incomplete"] is True
    assert settings["show-failed-logs"] is True


def test_profiles_share_rerun_semantics():
    local, cluster = profile("default"), profile("slurm")
    for key in ("rerun-triggers", "rerun-incomplete", "keep-going"):
        assert local[key] == cluster[key], key


def test_slurm_profile_runs_jobs_through_the_slurm_executor():
    settings = profile("slurm")
    assert settings["executor"] == "slurm"
    assert settings["slurm-status-command"] in ("squeue", "sacct")
    assert {"slurm_partition", "runtime", "mem_mb"} <= set(settings["default-resources"])


def run_fixture_workflow(workdir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "snakemake",
            "--snakefile",
            str(REPO / "tests" / "fixtures" / "slurm_failure" / "Snakefile"),
            "--directory",
            str(workdir),
            "--profile",
            str(REPO / "profiles" / "default"),
            "--cores",
            "1",
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=workdir,
    )


def test_local_profile_failed_job_keeps_no_partial_output_and_rerun_resumes(tmp_path):
    failed = run_fixture_workflow(tmp_path, "--config", "fail=true")
    output = failed.stdout + failed.stderr
    assert failed.returncode != 0
    assert "Error in rule fails_on_request" in output
    assert "logs/fails_on_request.log" in output
    assert "failing on purpose" in output  # show-failed-logs prints the rule's log
    assert not (tmp_path / "out" / "final.txt").exists()  # it had been written half-way
    upstream = tmp_path / "out" / "upstream.txt"
    built_at = upstream.stat().st_mtime_ns

    resumed = run_fixture_workflow(tmp_path)
    output = resumed.stdout + resumed.stderr
    assert resumed.returncode == 0, output[-2000:]
    planned = output.split("Job stats:")[1].split("total")[0]
    assert "fails_on_request" in planned
    assert "upstream" not in planned
    assert upstream.stat().st_mtime_ns == built_at
    assert (tmp_path / "out" / "final.txt").read_text() == "upstream-built\n"
