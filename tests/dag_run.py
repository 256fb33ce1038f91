"""One small-config run of the whole DAG, shared by the end-to-end and fault-injection tests.

The DAG runs from a *copy* of the repository (so fault tests may edit modules and configs
without touching the checkout) in its own working directory. Tests that change anything
work on ``clone_run(...)``: a copy of the finished run whose data cache is hard-linked
(cheap), with Snakemake's metadata, so an unchanged copy has nothing to do. Tests may only
read the shared run itself (files, ``--dry-run``): under pytest-xdist other tests read and
clone it at the same time.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SNAKEMAKE = Path(sys.executable).with_name("snakemake")
SMALL = REPO / "tests" / "config" / "small.yaml"
MIRROR = REPO.parent / "shared" / "data"
_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", ".venv.lock", "results", "data-cache", ".snakemake", "__pycache__",
    "*.egg-info", ".pytest_cache", ".ruff_cache", ".hypothesis", "bench",
)  # fmt: skip


@dataclass(frozen=True)
class DagRun:
    repo: Path  # the copy of the repository the DAG ran from
    workdir: Path  # results/, data-cache/, .snakemake/

    def environment(self, env: dict | None = None) -> dict:
        return {
            **os.environ,
            "GVCNEG_DATA_MIRRORS": str(MIRROR),
            "GVCNEG_REPORT_RENDERER": "offline",
            # the Snakefile imports the package while parsing: the copy's, not the checkout's
            "PYTHONPATH": str(self.repo / "workflow"),
            **(env or {}),
        }

    def command(self, *args: str, configfiles=(), guarded: bool = False) -> list[str]:
        """The Snakemake command line; ``guarded``: through the run guard, as `make
        replicate` runs it (gvcneg.devtools.run_guard)."""
        configs = [self.repo / "config.yaml", self.repo / "paths.yaml", SMALL, *configfiles]
        guard = [sys.executable, "-m", "gvcneg.devtools.run_guard", str(self.workdir), "--"]
        return [
            *(guard if guarded else []),
            str(SNAKEMAKE),
            "--snakefile", str(self.repo / "Snakefile"),
            "--directory", str(self.workdir),
            "--configfile", *map(str, configs),
            "--rerun-triggers", "mtime", "params", "input", "software-env",
            "--cores", "2",  # a one-value option last: positional targets in args stay targets
            *args,
        ]  # fmt: skip

    def replicate(self, *args: str, env: dict | None = None, configfiles=()):
        """A run as `make replicate` does it: the run guard, then Snakemake."""
        return self.snakemake(*args, env=env, configfiles=configfiles, guarded=True)

    def snakemake(self, *args: str, env: dict | None = None, configfiles=(), guarded=False):
        environment = self.environment(env)
        cmd = self.command(*args, configfiles=configfiles, guarded=guarded)
        done = subprocess.run(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=environment,
            cwd=self.workdir,
            timeout=1200,
        )
        # Snakemake splits its messages between the two streams: keep them together, in order.
        return subprocess.CompletedProcess(cmd, done.returncode, done.stdout, done.stdout)


def copy_repository(target: Path) -> Path:
    shutil.copytree(REPO, target, ignore=_IGNORE, symlinks=True)
    return target


def start_run(base: Path) -> DagRun:
    run = DagRun(copy_repository(base / "repo"), base / "run")
    run.workdir.mkdir()
    return run


def shared_run(base: Path) -> tuple[DagRun, int, str]:
    """The small DAG in ``base``, run by the first caller; every later caller (another
    pytest-xdist worker) waits on the lock and gets the same run and its recorded outcome
    (return code, end of the output), so a failed DAG fails everywhere without running twice."""
    base.mkdir(parents=True, exist_ok=True)
    outcome = base / "outcome.json"
    with open(base / "run.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not outcome.exists():
            result = start_run(base).snakemake()
            record = {"returncode": result.returncode, "output": result.stdout[-5000:]}
            outcome.write_text(json.dumps(record))
    record = json.loads(outcome.read_text())
    return DagRun(base / "repo", base / "run"), record["returncode"], record["output"]


def _workdir_ignore(directory: str, names: list[str]) -> set[str]:
    """Leave out the data cache (hard-linked instead) and what another test's dry run on the
    shared run may be writing at the same time (Snakemake's logs and locks)."""
    if Path(directory).name == ".snakemake":
        return {"log", "locks"} & set(names)
    return {"data-cache"} & set(names)


def clone_run(run: DagRun, target: Path) -> DagRun:
    """A private copy of a finished run: its repository copy and results copied, data cache
    hard-linked (a test that corrupts a cached file must replace it, not write into it)."""
    clone = DagRun(target / "repo", target / "run")
    shutil.copytree(run.repo, clone.repo, symlinks=True)  # the code the run was made with
    shutil.copytree(run.workdir, clone.workdir, symlinks=True, ignore=_workdir_ignore)
    shutil.copytree(run.workdir / "data-cache", clone.workdir / "data-cache", copy_function=os.link)
    return clone


def jobs_planned(result: subprocess.CompletedProcess) -> set[str]:
    """Rule names of a dry run's job table ("job  count" lines)."""
    rules = set()
    in_table = False
    for line in result.stdout.splitlines():
        parts = line.split()
        if parts[:2] == ["job", "count"]:
            in_table = True
            continue
        if in_table and len(parts) == 2 and parts[1].isdigit() and parts[0] != "total":
            rules.add(parts[0])
        elif in_table and parts and parts[0] == "total":
            in_table = False
    return rules
