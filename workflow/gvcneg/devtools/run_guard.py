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


def _processes(proc: Path = Path("/proc")):
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
            cwd = os.readlink(entry / "cwd")
        except (OSError, UnicodeDecodeError):
            continue
        yield int(entry.name), cmdline, cwd


def lock_holders(workdir: Path, proc: Path = Path("/proc")) -> list[Holder]:
    """Live processes of a Snakemake run in ``workdir``: Snakemake itself, or a job it started
    (jobs run in the working directory; script jobs run ``.snakemake/scripts/...``)."""
    workdir = Path(workdir).resolve()
    me = os.getpid()
    holders = []
    for pid, cmdline, cwd in _processes(proc):
        if pid == me or Path(cwd) != workdir:
            continue
        if "snakemake" in cmdline:
            holders.append(Holder(pid, cmdline))
    return holders


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


def main(argv: list[str]) -> int:
    workdir = Path(argv[0] if argv else ".").resolve()
    try:
        refuse_whitespace({"repository": str(workdir), "Python": sys.executable})
        said = recover_lock(workdir)
    except RunRefused as err:
        print(f"gvcneg: {err}", file=sys.stderr)
        return 1
    if said:
        print(f"gvcneg: {said}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
