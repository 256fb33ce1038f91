"""A single-node SLURM cluster on this machine for the scale-out benchmark.

The same cluster as tests/test_slurm.py (its helpers write slurm.conf, start munged,
slurmctld and slurmd), under the same machine lock, as a context manager: the benchmark is
not a test, so it cannot use the test's pytest fixture. Needs root; installs Debian's
slurm-wlm and munge with apt-get when they are missing. Raises ``ClusterUnavailable`` with the
reason where this is impossible.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import socket
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import test_slurm as ts  # noqa: E402


class ClusterUnavailable(RuntimeError):
    pass


@contextlib.contextmanager
def machine_lock(wait_seconds: float = ts.MACHINE_LOCK_WAIT_SECONDS):
    with ts.MACHINE_LOCK.open("w") as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ClusterUnavailable(f"{ts.MACHINE_LOCK} held too long") from None
                time.sleep(2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def single_node_cluster():
    """Start munged, slurmctld and slurmd (partition ``debug``); stop them and restore
    /etc/slurm/slurm.conf afterwards. Yields the node name."""
    if os.geteuid() != 0:
        raise ClusterUnavailable(f"needs root (running as uid {os.geteuid()})")
    with machine_lock():
        live = ts._running_processes(ts.DAEMON_NAMES + ("munged",))
        if any(name.startswith(ts.DAEMON_NAMES) for name in live):
            raise ClusterUnavailable(f"SLURM daemons already run here ({live})")
        if ts._missing_programs():
            reason = ts._install_slurm()
            if reason:
                raise ClusterUnavailable(reason)
        base = Path(tempfile.mkdtemp(prefix="gvcneg-bench-slurm-"))
        for sub in ("munge", "state", "spool", "log"):
            (base / sub).mkdir()
        os.chmod(base, 0o755)
        os.chmod(base / "munge", 0o711)
        node = socket.gethostname().split(".")[0]
        conf = ts.SLURM_CONF
        had_conf, created_etc = conf.exists(), not conf.parent.exists()
        backup = base / "slurm.conf.backup"
        started: list[Path] = []
        try:
            if had_conf:
                shutil.copy2(conf, backup)
            conf.parent.mkdir(parents=True, exist_ok=True)
            conf.write_text(ts._slurm_conf(base, ts._node_line(), node))
            key = base / "munge" / "munge.key"
            steps = [
                (["mungekey", "--create", f"--keyfile={key}", "--force"], None),
                (
                    [
                        "munged",
                        f"--socket={base / 'munge' / 'munge.socket'}",
                        f"--key-file={key}",
                        f"--log-file={base / 'log' / 'munged.log'}",
                        f"--pid-file={base / 'munge' / 'munged.pid'}",
                        f"--seed-file={base / 'munge' / 'munged.seed'}",
                    ],
                    base / "munge" / "munged.pid",
                ),
                (["slurmctld", "-f", str(conf)], base / "slurmctld.pid"),
                (["slurmd", "-f", str(conf)], base / "slurmd.pid"),
            ]
            for cmd, pid_file in steps:
                result = ts._run(cmd, timeout=60)
                if pid_file is not None:
                    deadline = time.monotonic() + 10
                    while ts._read_pid(pid_file) is None and time.monotonic() < deadline:
                        time.sleep(0.1)
                    if ts._read_pid(pid_file) is not None:
                        started.append(pid_file)
                if result.returncode != 0:
                    raise ClusterUnavailable(f"`{' '.join(cmd)}` failed: {result.stderr[-400:]}")
            state = ts._wait_until_idle(node)
            if state != "idle":
                raise ClusterUnavailable(f"node {node} is {state!r} after start-up")
            yield node
        finally:
            if started:
                ts._run(["scancel", "--user", "root"])
            for pid_file in reversed(started):
                ts._stop_process(ts._read_pid(pid_file))
            if had_conf:
                shutil.copy2(backup, conf)
            else:
                conf.unlink(missing_ok=True)
                if created_etc:
                    shutil.rmtree(conf.parent, ignore_errors=True)
            shutil.rmtree(base, ignore_errors=True)
