"""Checks ``make replicate`` runs before Snakemake starts: recover from a killed run, refuse
what cannot work.

* A run killed with ``kill -9`` (or a power cut) leaves Snakemake's lock in
  ``.snakemake/locks`` and the next run stops with a LockException. If no process of that run
  is alive any more -- neither Snakemake nor one of its jobs -- the lock is stale: we say so
  and remove the lock files (what Snakemake's own ``--unlock`` removes). If one is alive we say which PID holds it and
  stop, because unlocking then would let two processes write the same file.
* A checkout whose path contains white space breaks every job (Snakemake passes the
  interpreter path to the shell unquoted): refuse at start, with the reason.

Runnable as ``python -m gvcneg.devtools.run_guard [DIR]``; exit code 0 = go ahead.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from gvcneg.workflow_env import RunRefused, refuse_whitespace

LOCK_DIR = Path(".snakemake") / "locks"


@dataclass(frozen=True)
class Holder:
    pid: int
    command: str


@dataclass(frozen=True)
class _Process:
    pid: int
    ppid: int
    argv: tuple[str, ...]
    exe: str
    cwd: str

    @property
    def command(self) -> str:
        return " ".join(self.argv)


def _processes(proc: Path = Path("/proc")):
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().rstrip(b"\0").split(b"\0")
            cwd = os.readlink(entry / "cwd")
            stat = (entry / "stat").read_text()
            ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
            try:
                exe = os.readlink(entry / "exe")
            except OSError:
                exe = ""
            yield _Process(int(entry.name), ppid, tuple(a.decode() for a in argv), exe, cwd)
        except (OSError, UnicodeDecodeError, ValueError, IndexError):
            continue


def _runs_snakemake(process: _Process) -> bool:
    """Snakemake's own process: a Python interpreter running the ``snakemake`` entry point
    (``python .venv/bin/snakemake ...``, as its console script starts it) or ``python -m
    snakemake``. A process that merely mentions snakemake (``tail -f
    .snakemake/log/...``, an editor, a grep) is not one."""
    if not Path(process.exe or process.argv[0]).name.startswith("python"):
        return False
    args = [a for a in process.argv[1:] if a not in ("-u", "-O", "-OO", "-B", "-E", "-s")]
    return bool(args) and (Path(args[0]).name == "snakemake" or args[:2] == ["-m", "snakemake"])


def _runs_job_script(process: _Process, workdir: Path) -> bool:
    """A job Snakemake started: an interpreter running the copy of a rule's script Snakemake
    writes to ``.snakemake/scripts/`` of the working directory (it survives a killed
    Snakemake and may still be writing outputs)."""
    scripts = workdir / ".snakemake" / "scripts"
    for arg in process.argv[1:2]:
        path = Path(process.cwd, arg) if not os.path.isabs(arg) else Path(arg)
        if scripts in path.parents:
            return True
    return False


def lock_holders(workdir: Path, proc: Path = Path("/proc")) -> list[Holder]:
    """Live processes of a Snakemake run in ``workdir``: Snakemake itself (working in
    ``workdir``), a job script it started, or any process descending from it."""
    workdir = Path(workdir).resolve()
    me = os.getpid()
    processes = {p.pid: p for p in _processes(proc)}
    runs = {
        p.pid
        for p in processes.values()
        if p.pid != me and Path(p.cwd) == workdir and _runs_snakemake(p)
    }

    def descends_from_run(p: _Process) -> bool:
        seen = set()
        while p.ppid in processes and p.ppid not in seen:
            if p.ppid in runs:
                return True
            seen.add(p.ppid)
            p = processes[p.ppid]
        return False

    return [
        Holder(p.pid, p.command)
        for p in sorted(processes.values(), key=lambda p: p.pid)
        if p.pid != me and (p.pid in runs or _runs_job_script(p, workdir) or descends_from_run(p))
    ]


def has_lock(workdir: Path) -> bool:
    lock_dir = Path(workdir) / LOCK_DIR
    return lock_dir.is_dir() and any(lock_dir.iterdir())


def recover_lock(workdir: Path, proc: Path = Path("/proc")) -> str:
    """Remove a stale lock; refuse if a run is alive. Returns what was done, for the user."""
    if not has_lock(workdir):
        return ""
    holders = lock_holders(workdir, proc)
    if holders:
        listed = "; ".join(f"PID {h.pid}: {h.command[:120]}" for h in holders)
        raise RunRefused(
            f"another Snakemake run is still working in {workdir} ({listed}). Wait for it to "
            f"finish, or stop it (kill {holders[0].pid}) and run again; unlocking now would "
            "let two runs write the same files."
        )
    for lock in (Path(workdir) / LOCK_DIR).iterdir():  # what `snakemake --unlock` removes
        lock.unlink()
    return (
        f"Found the lock of an earlier run in {workdir / LOCK_DIR} with no process of it "
        "alive (it was killed or the machine stopped): removed it. Jobs it left unfinished "
        "are re-run (rerun-incomplete)."
    )


def remove_leftover_temporaries(workdir: Path) -> str:
    """Delete the temporary files of writers killed mid-write (``gvcneg.io.atomic_path``) under
    ``results/``; called only once no run is alive (after :func:`recover_lock`). Returns what
    was done, for the user."""
    from gvcneg.io import leftover_temporaries

    found = leftover_temporaries(Path(workdir) / "results")
    for path in found:
        path.unlink()
    if not found:
        return ""
    listed = ", ".join(str(p.relative_to(workdir)) for p in found[:5])
    more = f" and {len(found) - 5} more" if len(found) > 5 else ""
    return f"removed {len(found)} temporary file(s) of writers killed mid-write: {listed}{more}"


def heal_arguments(stale, command: list[str]) -> list[str]:
    """``command`` (a Snakemake command line) with the jobs of ``stale`` outputs forced: one
    output per job is enough (``--forcerun`` takes files as well as rules). Added to an
    existing ``--forcerun`` list rather than replacing it."""
    files = sorted({s.path for s in stale})
    if not files:
        return list(command)
    for flag in ("--forcerun", "-R"):
        if flag in command:
            at = command.index(flag) + 1
            return [*command[:at], *files, *command[at:]]
    return [*command, "--forcerun", *files]


def heal(workdir: Path, command: list[str]) -> list[str]:
    """The Snakemake command to run so that the run restores the invariant: every declared
    output exists and was produced by the current code, parameters and inputs (see
    ``gvcneg.devtools.workflow_rules.stale_outputs``)."""
    from gvcneg.devtools.workflow_rules import stale_outputs

    here = os.getcwd()
    try:
        os.chdir(workdir)
        stale = stale_outputs(command[1:])
    finally:
        os.chdir(here)
    if stale:
        listed = "\n  ".join(s.message() for s in stale)
        print(
            f"gvcneg: {len(stale)} output(s) of jobs Snakemake would not re-run are stale; "
            f"forcing their jobs (and so everything downstream):\n  {listed}",
            file=sys.stderr,
        )
    return heal_arguments(stale, command)


def main(argv: list[str]) -> int:
    """``run_guard [DIR]``: the checks only. ``run_guard DIR -- snakemake ARGS...``: the checks,
    then Snakemake with ``ARGS`` and the jobs of stale outputs forced (this process becomes
    Snakemake, so signals and the exit status are Snakemake's)."""
    command: list[str] = []
    if "--" in argv:
        at = argv.index("--")
        argv, command = argv[:at], argv[at + 1 :]
    workdir = Path(argv[0] if argv else ".").resolve()
    try:
        refuse_whitespace({"repository": str(workdir), "Python": sys.executable})
        said = recover_lock(workdir)
    except RunRefused as err:
        print(f"gvcneg: {err}", file=sys.stderr)
        return 1
    if said:
        print(f"gvcneg: {said}", file=sys.stderr)
    debris = remove_leftover_temporaries(workdir)
    if debris:
        print(f"gvcneg: {debris}", file=sys.stderr)
    if not command:
        return 0
    command = heal(workdir, command)
    sys.stdout.flush()
    sys.stderr.flush()
    os.chdir(workdir)
    os.execvp(command[0], command)
    return 1  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
