"""Faults around a run: a killed run's lock, a path with spaces, a user path that does not
exist, two first-time set-ups at once. Each gives a clear message or a correct recovery."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml
from dag_run import MIRROR, REPO, clone_run, jobs_planned

from gvcneg.devtools import run_guard
from gvcneg.workflow_env import RunRefused, refuse_whitespace

pytestmark = pytest.mark.slow


def guard(workdir):
    return subprocess.run(
        [sys.executable, "-m", "gvcneg.devtools.run_guard", str(workdir)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_stale_lock_after_kill_9_is_removed_and_the_run_resumes(small_dag, tmp_path):
    run = clone_run(small_dag, tmp_path)
    force = ["--forcerun", "deremer2023_remark_grid_chunk", "mattoo_olarreaga2000_grid_chunk"]
    env = {**os.environ, "GVCNEG_DATA_MIRRORS": str(MIRROR), "GVCNEG_REPORT_RENDERER": "offline"}
    cmd = [
        str(Path(sys.executable).with_name("snakemake")),
        "--snakefile", str(run.repo / "Snakefile"), "--directory", str(run.workdir),
        "--configfile", str(run.repo / "config.yaml"), str(run.repo / "paths.yaml"),
        str(REPO / "tests" / "config" / "small.yaml"), "--cores", "1", *force,
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=run.workdir, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    lock_dir = run.workdir / ".snakemake" / "locks"
    deadline = time.time() + 120
    while time.time() < deadline and not (lock_dir.is_dir() and any(lock_dir.iterdir())):
        time.sleep(0.2)
    assert any(lock_dir.iterdir()), "the run never took its lock"
    os.kill(proc.pid, signal.SIGKILL)  # Snakemake dies; a job it started may live on
    proc.wait()
    while run_guard.lock_holders(run.workdir):  # orphans: the guard must refuse meanwhile
        refused = guard(run.workdir)
        if run_guard.lock_holders(run.workdir):
            assert refused.returncode == 1 and "PID" in refused.stderr, refused.stderr
        time.sleep(0.5)
    result = guard(run.workdir)
    assert result.returncode == 0, result.stderr
    assert "removed it" in result.stderr
    assert not any(lock_dir.iterdir())
    again = run.snakemake()
    assert again.returncode == 0, again.stderr[-3000:]
    assert jobs_planned(run.snakemake("--dry-run")) == set()


def fake_snakemake(folder: Path) -> Path:
    """A program named ``snakemake`` run by the Python interpreter, as Snakemake's console
    script runs (``python .venv/bin/snakemake ...``): to /proc it is Snakemake's process."""
    program = folder / "bin" / "snakemake"
    program.parent.mkdir(parents=True, exist_ok=True)
    program.write_text("import time\ntime.sleep(60)\n")
    return program


def locked_workdir(tmp_path: Path) -> Path:
    (tmp_path / ".snakemake" / "locks").mkdir(parents=True)
    (tmp_path / ".snakemake" / "locks" / "0.input.lock").write_text("x")
    return tmp_path


def test_a_live_run_is_named_and_not_unlocked(tmp_path):
    workdir = locked_workdir(tmp_path)
    holder = subprocess.Popen([sys.executable, str(fake_snakemake(tmp_path)), "--cores", "1"],
                              cwd=workdir)  # fmt: skip
    try:
        time.sleep(0.3)
        result = guard(workdir)
        assert result.returncode == 1
        assert f"PID {holder.pid}" in result.stderr
        assert (workdir / ".snakemake" / "locks" / "0.input.lock").exists()
    finally:
        holder.kill()
        holder.wait()


def test_a_job_left_running_by_a_killed_snakemake_holds_the_lock(tmp_path):
    """An orphaned job (its Snakemake was killed) may still be writing outputs."""
    workdir = locked_workdir(tmp_path)
    script = workdir / ".snakemake" / "scripts" / "tmpabc.some_rule.py"
    script.parent.mkdir(parents=True)
    script.write_text("import time\ntime.sleep(60)\n")
    job = subprocess.Popen([sys.executable, str(script)], cwd=workdir)
    try:
        time.sleep(0.3)
        result = guard(workdir)
        assert result.returncode == 1 and f"PID {job.pid}" in result.stderr, result.stderr
    finally:
        job.kill()
        job.wait()


@pytest.mark.parametrize(
    "command",
    [
        ["tail", "-f", ".snakemake/log/run.snakemake.log"],
        ["bash", "-c", "exec -a snakemake-holder sleep 60"],
        ["sleep", "60", "snakemake"],
    ],
    ids=["tail-f-of-a-log", "a-name-containing-snakemake", "an-argument-snakemake"],
)
def test_a_process_that_only_mentions_snakemake_is_not_a_live_run(tmp_path, command):
    """The review found a ``tail -f`` of a run's log taken for a live run: the stale lock
    was never removed. Only Snakemake's own process (or a job it started) counts."""
    workdir = locked_workdir(tmp_path)
    (workdir / ".snakemake" / "log").mkdir()
    (workdir / ".snakemake" / "log" / "run.snakemake.log").write_text("log\n")
    bystander = subprocess.Popen(command, cwd=workdir, stdout=subprocess.DEVNULL)
    try:
        time.sleep(0.3)
        assert run_guard.lock_holders(workdir) == []
        result = guard(workdir)
        assert result.returncode == 0, result.stderr
        assert "removed it" in result.stderr
        assert not any((workdir / ".snakemake" / "locks").iterdir())
    finally:
        bystander.kill()
        bystander.wait()


def test_paths_with_spaces_are_refused_up_front(small_dag, tmp_path):
    with pytest.raises(RunRefused, match="white space"):
        refuse_whitespace({"repository": "/home/me/my project"})
    spaced = tmp_path / "with space"
    spaced.mkdir()
    result = subprocess.run(
        [str(Path(sys.executable).with_name("snakemake")), "--snakefile",
         str(small_dag.repo / "Snakefile"), "--directory", str(spaced), "--dry-run",
         "--cores", "1"],
        capture_output=True, text=True, cwd=spaced, timeout=300,
    )  # fmt: skip
    assert result.returncode != 0
    assert "white space" in result.stdout + result.stderr
    assert "with space" in result.stdout + result.stderr


def test_a_user_path_that_does_not_exist_is_an_error_naming_the_key(small_dag, tmp_path):
    override = tmp_path / "user.yaml"
    override.write_text(yaml.safe_dump({"paths": {"user_data": {"wto-ttd": "/no/such/ttd.csv"}}}))
    result = small_dag.snakemake("--dry-run", configfiles=[override])
    assert result.returncode != 0
    assert "paths.user_data.wto-ttd" in result.stdout + result.stderr


def test_two_first_time_setups_build_one_venv(tmp_path):
    """The Makefile's venv recipe under flock, with a stand-in Python that records each venv
    it creates and takes a second to do it (so the two runs overlap)."""
    for name in ("Makefile", "requirements.lock", "pyproject.toml"):
        (tmp_path / name).write_bytes((REPO / name).read_bytes())
    fake = tmp_path / "fake-python"
    fake.write_text(
        textwrap.dedent(
            """\
            #!/bin/sh
            # "-m venv DIR": make DIR/bin/python (this script) and record it
            if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
              echo created >> "$(dirname "$0")/venvs.log"; sleep 1
              mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; exit 0
            fi
            exit 0
            """
        )
    )
    fake.chmod(0o755)
    cmd = ["make", "--no-print-directory", ".venv/.installed", f"PYTHON={fake}"]
    first = subprocess.Popen(cmd, cwd=tmp_path)
    second = subprocess.Popen(cmd, cwd=tmp_path)
    assert first.wait(timeout=60) == 0 and second.wait(timeout=60) == 0
    assert (tmp_path / "venvs.log").read_text().count("created") == 1
    assert (tmp_path / ".venv" / ".installed").exists()
