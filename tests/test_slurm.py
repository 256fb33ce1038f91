"""The SLURM profile (profiles/slurm) on a real, single-node SLURM cluster started by the test.

The module fixture installs Debian's `slurm-wlm` and `munge` when they are missing, generates a
munge key for the test, writes a minimal `/etc/slurm/slurm.conf` (backing up and restoring any
existing file), starts `munged`, `slurmctld` and `slurmd`, and stops them again at the end.
Tests are skipped, with the exact reason, where this is impossible (not root, no apt-get, the
daemons do not come up). There is no accounting database: the scheduler's own records are read
with `scontrol show job` (the test cluster keeps finished jobs for MinJobAge = 600 s) and the
slurmctld log.
"""

from __future__ import annotations

import contextlib
import fcntl
import filecmp
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slurm

REPO = Path(__file__).resolve().parents[1]
SLURM_PROFILE = REPO / "profiles" / "slurm"
LOCAL_PROFILE = REPO / "profiles" / "default"
FAILURE_WORKFLOW = REPO / "tests" / "fixtures" / "slurm_failure"
SLURM_CONF = Path("/etc/slurm/slurm.conf")
PARTITION = "debug"  # the partition named in profiles/slurm default-resources
SBIN_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
NEEDED_PROGRAMS = ("munged", "mungekey", "slurmctld", "slurmd", "sbatch", "squeue", "scontrol")
DAEMON_NAMES = ("slurmctld", "slurmd")
# Two test sessions on one machine (e.g. two clones) would fight over /etc/slurm/slurm.conf
# and the daemons: the second waits for the first.
MACHINE_LOCK = Path(tempfile.gettempdir()) / "gvcneg-slurm-test.lock"
MACHINE_LOCK_WAIT_SECONDS = 600

# A small target of the real DAG: DeRemer (2023) Figure 1 and the first chunk of the
# Remark 1-2 robustness grid (one SLURM job each).
DAG_TARGETS = (
    "results/deremer2023/figures/fig_1.png",
    "results/deremer2023/figures/fig_1.svg",
    "results/deremer2023/figures/fig_1.csv",
    "results/deremer2023/grid/chunk_0.csv",
)
DAG_TIMEOUT_SECONDS = 240
SUBMITTED = re.compile(r"has been submitted with SLURM jobid (\d+) \(log: (\S+)\)")


# --------------------------------------------------------------------------- cluster set-up


def _which(program: str) -> str | None:
    return shutil.which(program, path=os.environ.get("PATH", "") + os.pathsep + SBIN_PATH)


def _missing_programs() -> list[str]:
    return [p for p in NEEDED_PROGRAMS if _which(p) is None]


def _run(cmd: list[str], timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    env = kwargs.pop("env", None) or {**os.environ, "PATH": os.environ["PATH"] + ":" + SBIN_PATH}
    return subprocess.run(
        cmd, capture_output=True, text=True, timeout=timeout, env=env, check=False, **kwargs
    )


def _install_slurm() -> str | None:
    """Install slurm-wlm and munge with apt-get; return None or the reason it failed."""
    if shutil.which("apt-get") is None:
        return "apt-get is not available to install Debian's slurm-wlm and munge"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "slurm-wlm", "munge"]
    result = _run(install, timeout=600, env=env)
    if result.returncode != 0:  # empty or stale package lists on a fresh machine
        update = _run(["apt-get", "update", "-q"], timeout=300, env=env)
        result = _run(install, timeout=600, env=env)
        if result.returncode != 0:
            return (
                "apt-get install slurm-wlm munge failed: "
                + (result.stderr or update.stderr).strip()[-500:]
            )
    missing = _missing_programs()
    if missing:
        return f"after installing slurm-wlm and munge these programs are missing: {missing}"
    return None


def _running_processes(names: tuple[str, ...]) -> list[str]:
    found = []
    for comm in Path("/proc").glob("[0-9]*/comm"):
        try:
            name = comm.read_text().strip()
        except OSError:
            continue
        if name in names:
            found.append(f"{name} (pid {comm.parent.name})")
    return found


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _node_line() -> str:
    """This machine as a SLURM node (`slurmd -C`), reachable on 127.0.0.1."""
    result = _run([_which("slurmd"), "-C"], timeout=30)
    line = next((x for x in result.stdout.splitlines() if x.startswith("NodeName=")), None)
    if line is None:
        raise RuntimeError(f"`slurmd -C` printed no node line: {result.stdout} {result.stderr}")
    memory = int(re.search(r"RealMemory=(\d+)", line).group(1))
    # Leave some memory to the operating system, as a site would.
    line = re.sub(r"RealMemory=\d+", f"RealMemory={int(memory * 0.9)}", line)
    return f"{line} NodeAddr=127.0.0.1 State=UNKNOWN"


def _slurm_conf(base: Path, node_line: str, node: str) -> str:
    return "\n".join(
        [
            "# Written by tests/test_slurm.py for a single-node test cluster; removed afterwards.",
            "ClusterName=gvcnegtest",
            f"SlurmctldHost={node}(127.0.0.1)",
            "AuthType=auth/munge",
            "CredType=cred/munge",
            f"AuthInfo=socket={base / 'munge' / 'munge.socket'}",
            "SlurmUser=root",
            "SlurmdUser=root",
            f"SlurmctldPort={_free_port()}",
            f"SlurmdPort={_free_port()}",
            f"StateSaveLocation={base / 'state'}",
            f"SlurmdSpoolDir={base / 'spool'}",
            f"SlurmctldPidFile={base / 'slurmctld.pid'}",
            f"SlurmdPidFile={base / 'slurmd.pid'}",
            f"SlurmctldLogFile={base / 'log' / 'slurmctld.log'}",
            f"SlurmdLogFile={base / 'log' / 'slurmd.log'}",
            "SlurmctldDebug=info",
            "SlurmdDebug=info",
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "MpiDefault=none",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            "JobCompType=jobcomp/none",
            "SchedulerType=sched/backfill",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_Core_Memory",
            "ReturnToService=2",
            # squeue/scontrol keep finished jobs this long; the executor polls with squeue.
            "MinJobAge=600",
            "InactiveLimit=0",
            "KillWait=5",
            node_line,
            f"PartitionName={PARTITION} Nodes={node} Default=YES MaxTime=INFINITE State=UP",
            "",
        ]
    )


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _stop_process(pid: int | None, grace_seconds: float = 15) -> None:
    if pid is None:
        return
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace_seconds
    while time.monotonic() < deadline:
        if not Path(f"/proc/{pid}").exists():
            return
        time.sleep(0.2)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


@dataclass
class Cluster:
    base: Path
    node: str
    ctld_log: Path

    def job_record(self, job_id: str) -> dict[str, str]:
        """`scontrol show job` as a dict (the controller's own record of the job)."""
        out = _run(["scontrol", "show", "job", "--oneliner", job_id]).stdout
        return dict(re.findall(r"(\w+)=(\S*)", out))


def _wait_until_idle(node: str, timeout: float = 45) -> str:
    deadline = time.monotonic() + timeout
    state = ""
    while time.monotonic() < deadline:
        state = _run(["sinfo", "--noheader", "--nodes", node, "--format", "%T"]).stdout.strip()
        if state == "idle":
            return state
        time.sleep(1)
    return state


class ClusterUnavailable(RuntimeError):
    """Why no single-node cluster can be had here (the tests skip with it, the benchmark
    records it)."""


@contextlib.contextmanager
def exclusive_machine_lock(wait_seconds: float = MACHINE_LOCK_WAIT_SECONDS):
    """Exclusive use of this machine's SLURM set-up (tests and benchmark take turns)."""
    with MACHINE_LOCK.open("w") as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ClusterUnavailable(
                        f"another SLURM test session held {MACHINE_LOCK} too long"
                    ) from None
                time.sleep(2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _log_tails(base: Path, chars: int) -> str:
    return "; ".join(
        f"{p.name}: {p.read_text()[-chars:]}" for p in sorted((base / "log").glob("*"))
    )


@contextlib.contextmanager
def single_node_cluster(prefix: str = "gvcneg-slurm-test-"):
    """A single-node SLURM cluster on localhost (munged, slurmctld, slurmd; partition
    ``debug``), stopped and /etc/slurm/slurm.conf restored on exit. Used by this module's
    fixture and by bench/scale.py. Raises :class:`ClusterUnavailable` with the reason where
    one cannot be started (not root, lock held, daemons already running, install failed)."""
    if os.geteuid() != 0:
        raise ClusterUnavailable(
            f"needs root to install and start SLURM (running as uid {os.geteuid()})"
        )
    with exclusive_machine_lock():
        live = _running_processes(DAEMON_NAMES + ("munged",))
        if any(name.startswith(DAEMON_NAMES) for name in live):
            raise ClusterUnavailable(
                f"SLURM daemons already run on this machine ({live}); not reconfiguring them"
            )
        if _missing_programs():
            reason = _install_slurm()
            if reason:
                raise ClusterUnavailable(reason)

        # Not under pytest's tmp_path: munged wants every directory above its socket
        # searchable by all users, and pytest's base directory is private (mode 700).
        base = Path(tempfile.mkdtemp(prefix=prefix))
        for sub in ("munge", "state", "spool", "log"):
            (base / sub).mkdir()
        os.chmod(base, 0o755)
        os.chmod(base / "munge", 0o711)
        node = socket.gethostname().split(".")[0]

        started: list[Path] = []  # pid files of daemons started here
        backup = base / "slurm.conf.backup"
        had_conf = SLURM_CONF.exists()
        created_etc_slurm = not SLURM_CONF.parent.exists()
        try:
            try:
                if had_conf:
                    shutil.copy2(SLURM_CONF, backup)
                SLURM_CONF.parent.mkdir(parents=True, exist_ok=True)
                SLURM_CONF.write_text(_slurm_conf(base, _node_line(), node))
                _start_daemons(base, started)
                state = _wait_until_idle(node)
                if state != "idle":
                    raise RuntimeError(
                        f"node {node} is {state!r}, not idle, after start-up. "
                        f"{_log_tails(base, 600)}"
                    )
            except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
                raise ClusterUnavailable(
                    f"the SLURM daemons could not be started: {error}"
                ) from error
            yield Cluster(base=base, node=node, ctld_log=base / "log" / "slurmctld.log")
        finally:
            if started:  # cancel what is still queued on the test cluster
                _run(["scancel", "--user", "root"])
            for pid_file in reversed(started):
                _stop_process(_read_pid(pid_file))
            if had_conf:
                shutil.copy2(backup, SLURM_CONF)
            else:
                SLURM_CONF.unlink(missing_ok=True)
                if created_etc_slurm:
                    shutil.rmtree(SLURM_CONF.parent, ignore_errors=True)
            shutil.rmtree(base, ignore_errors=True)


def _start_daemons(base: Path, started: list[Path]) -> None:
    """munge key, munged, slurmctld, slurmd; each started daemon's pid file goes into
    ``started`` as soon as it appears, so a failure later still stops it."""
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
        (["slurmctld", "-f", str(SLURM_CONF)], base / "slurmctld.pid"),
        (["slurmd", "-f", str(SLURM_CONF)], base / "slurmd.pid"),
    ]
    for cmd, pid_file in steps:
        result = _run(cmd, timeout=60)
        if pid_file is not None:
            deadline = time.monotonic() + 10
            while _read_pid(pid_file) is None and time.monotonic() < deadline:
                time.sleep(0.1)
            if _read_pid(pid_file) is not None:
                started.append(pid_file)
        if result.returncode != 0:
            raise RuntimeError(
                f"`{' '.join(cmd)}` exited {result.returncode}: {result.stderr.strip()} "
                f"{_log_tails(base, 400)}"
            )


@pytest.fixture(scope="module")
def slurm_cluster():
    """A single-node SLURM cluster on localhost, torn down after the module's tests."""
    with contextlib.ExitStack() as stack:
        try:
            cluster = stack.enter_context(single_node_cluster())
        except ClusterUnavailable as reason:
            pytest.skip(str(reason))
        yield cluster


# --------------------------------------------------------------------------- helpers


def run_snakemake(
    workdir: Path, profile: Path, *args: str, snakefile: Path = REPO / "Snakefile"
) -> subprocess.CompletedProcess:
    """Run snakemake in `workdir` (never in the repository); stdout+stderr kept in a log."""
    workdir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLURM_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}{os.pathsep}{SBIN_PATH}"
    env.setdefault("GVCNEG_DATA_MIRRORS", str(REPO.parent / "shared" / "data"))
    cmd = [
        sys.executable,
        "-m",
        "snakemake",
        "--snakefile",
        str(snakefile),
        "--directory",
        str(workdir),
        "--profile",
        str(profile),
        *args,
    ]
    result = subprocess.run(
        cmd,
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=DAG_TIMEOUT_SECONDS,
        check=False,
    )
    n = len(list(workdir.glob("snakemake-run-*.txt")))
    (workdir / f"snakemake-run-{n}.txt").write_text(result.stdout + result.stderr)
    return result


def submitted_jobs(output: str) -> list[tuple[str, str]]:
    """(SLURM job id, rule) of every job the executor submitted, from snakemake's log."""
    jobs = []
    for job_id, log in SUBMITTED.findall(output):
        rule = next((p[len("rule_") :] for p in Path(log).parts if p.startswith("rule_")), "")
        jobs.append((job_id, rule))
    return jobs


def planned_jobs(output: str) -> list[str]:
    """Rule of every job in snakemake's "Job stats" table (one entry per job)."""
    table = output.split("Job stats:", 1)[1].split("\n\n", 1)[0]
    jobs = []
    for line in table.splitlines()[3:]:
        rule, _, count = line.rpartition(" ")
        if rule.strip() and rule.strip() != "total":
            jobs += [rule.strip()] * int(count)
    return jobs


def result_files(workdir: Path) -> dict[str, Path]:
    """Every output under results/ except the run's own logs, benchmark timings and
    manifest."""
    results = workdir / "results"
    return {
        str(p.relative_to(results)): p
        for p in results.rglob("*")
        if p.is_file()
        and p.relative_to(results).parts[0] not in ("logs", "benchmarks")
        and p.name != "manifest.json"  # the run's own record: its stamp names the profile
    }


# --------------------------------------------------------------------------- tests


def test_dag_target_runs_through_slurm_with_outputs_equal_to_a_local_run(slurm_cluster, tmp_path):
    slurm_dir, local_dir = tmp_path / "slurm", tmp_path / "local"

    on_cluster = run_snakemake(slurm_dir, SLURM_PROFILE, *DAG_TARGETS)
    output = on_cluster.stdout + on_cluster.stderr
    assert on_cluster.returncode == 0, output[-4000:]

    # The scheduler's own records: every job snakemake submitted is known to slurmctld,
    # completed with exit code 0, under this run's id and in this working directory.
    jobs = submitted_jobs(output)
    assert jobs, f"no job was submitted to SLURM:\n{output[-3000:]}"
    run_id = re.search(r"SLURM run ID: (\S+)", output).group(1)
    ctld_log = slurm_cluster.ctld_log.read_text()
    for job_id, rule in jobs:
        record = slurm_cluster.job_record(job_id)
        assert record.get("JobState") == "COMPLETED", (rule, record)
        assert record.get("ExitCode") == "0:0", (rule, record)
        assert record.get("JobName") == run_id, (rule, record)
        assert record.get("Partition") == PARTITION, (rule, record)
        assert Path(record.get("WorkDir", "")).resolve() == slurm_dir.resolve(), record
        assert f"JobId={job_id} " in ctld_log or f"JobId={job_id}\n" in ctld_log
    # Every job of the DAG (Figure 1, the grid chunk) was a SLURM job: none ran locally.
    assert sorted(rule for _, rule in jobs) == sorted(planned_jobs(output)), output[-3000:]

    local = run_snakemake(local_dir, LOCAL_PROFILE, "--cores", "2", *DAG_TARGETS)
    assert local.returncode == 0, (local.stdout + local.stderr)[-4000:]
    assert not submitted_jobs(local.stdout + local.stderr)

    cluster_files, local_files = result_files(slurm_dir), result_files(local_dir)
    assert set(cluster_files) == set(local_files)
    for target in DAG_TARGETS:
        assert target.removeprefix("results/") in cluster_files
    different = [
        name
        for name in sorted(cluster_files)
        if not filecmp.cmp(cluster_files[name], local_files[name], shallow=False)
    ]
    assert not different, f"SLURM and local outputs differ: {different}"


def test_failed_cluster_job_reports_its_logs_keeps_no_partial_output_and_resumes(
    slurm_cluster, tmp_path
):
    snakefile = FAILURE_WORKFLOW / "Snakefile"
    workdir = tmp_path / "failure"

    failed = run_snakemake(workdir, SLURM_PROFILE, "--config", "fail=true", snakefile=snakefile)
    output = failed.stdout + failed.stderr
    assert failed.returncode != 0, output[-3000:]
    jobs = dict((rule, job_id) for job_id, rule in submitted_jobs(output))
    assert set(jobs) == {"upstream", "fails_on_request"}, output[-3000:]

    # Reported with its log paths: the rule's log and the SLURM job log, both kept.
    assert "Error in rule fails_on_request" in output
    slurm_log = workdir / ".snakemake" / "slurm_logs" / "rule_fails_on_request"
    slurm_log = slurm_log / f"{jobs['fails_on_request']}.log"
    assert "logs/fails_on_request.log" in output
    assert str(slurm_log) in output
    assert slurm_log.is_file()
    assert "failing on purpose" in (workdir / "logs" / "fails_on_request.log").read_text()
    record = slurm_cluster.job_record(jobs["fails_on_request"])
    assert record.get("JobState") == "FAILED", record
    assert slurm_cluster.job_record(jobs["upstream"]).get("JobState") == "COMPLETED"

    # No partial output kept (the job had written one before failing); finished work kept.
    assert not (workdir / "out" / "final.txt").exists()
    upstream = workdir / "out" / "upstream.txt"
    assert upstream.read_text() == "upstream-built\n"
    built_at = upstream.stat().st_mtime_ns

    # Re-running resumes: only the failed job is submitted again.
    resumed = run_snakemake(workdir, SLURM_PROFILE, snakefile=snakefile)
    output = resumed.stdout + resumed.stderr
    assert resumed.returncode == 0, output[-3000:]
    assert [rule for _, rule in submitted_jobs(output)] == ["fails_on_request"]
    assert upstream.stat().st_mtime_ns == built_at
    assert (workdir / "out" / "final.txt").read_text() == "upstream-built\n"
