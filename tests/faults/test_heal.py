"""Runs that heal themselves: after an interruption (SIGTERM or kill -9, at any stage of a rule
family, with or without a code edit before it) or a damaged file, one run as `make replicate`
does it (the run guard, then Snakemake) gives results equal to a clean run's: its manifest
compared with the shared clean run's says "no difference" (`make verify`'s comparison).

Each test works on its own copy of the finished small-config run (tests/dag_run.py). Where a
job must be caught mid-run, its script is edited to wait (``GVCNEG_FAULT_HOLD``): at its start
(nothing written yet) or at its end (every output written, Snakemake not yet told). The edit
is itself "a code edit before the interruption": the healed run must run the edited script.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from dag_run import clone_run, jobs_planned

from gvcneg.devtools import run_guard
from gvcneg.report.manifest import MANIFEST, compare

pytestmark = pytest.mark.slow

HOLD = "GVCNEG_FAULT_HOLD"
SNIPPET = (
    "import os as _fault_os, time as _fault_time  # fault test: wait here to be interrupted\n"
    f"if _fault_os.environ.get({HOLD!r}):\n"
    f"    open(_fault_os.environ[{HOLD!r}], 'w').close()\n"
    "    _fault_time.sleep(600)\n"
)


@pytest.fixture
def clone(small_dag, tmp_path):
    return clone_run(small_dag, tmp_path)


def reference(small_dag) -> dict:
    return json.loads((small_dag.workdir / "results" / MANIFEST).read_text())


def assert_equal_to_a_clean_run(run, small_dag, result):
    assert result.returncode == 0, result.stdout[-4000:]
    current = json.loads((run.workdir / "results" / MANIFEST).read_text())
    assert compare(current, reference(small_dag)) == []
    assert not (run.workdir / "results" / "RUN_FAILED.json").exists()
    assert jobs_planned(run.snakemake("--dry-run")) == set()
    provenance = json.loads((run.workdir / "results" / "provenance.json").read_text())
    named = {o["path"] if isinstance(o, dict) else o for o in provenance["outputs"]}
    gone = sorted(p for p in named if not (run.workdir / p).exists())
    assert not gone, f"provenance.json names files that do not exist: {gone[:5]}"


def edit_script(run, script: str, at: str) -> None:
    path = run.repo / "workflow" / "scripts" / script
    text = path.read_text()
    path.write_text(SNIPPET + text if at == "start" else text + "\n" + SNIPPET)


def interrupt(run, tmp_path: Path, how: signal.Signals, *args: str) -> None:
    """Start a guarded run, wait until the held job waits, then send ``how`` to the run's
    process group, Snakemake and its jobs, as a terminal's Ctrl-C (SIGINT), a scheduler's or
    system's stop (SIGTERM) or a power cut (SIGKILL) reaches them. (SIGTERM to Snakemake
    alone only makes it finish the running jobs and stop, which leaves nothing to heal.)"""
    marker = tmp_path / "holding"
    proc = subprocess.Popen(
        run.command(*args, guarded=True),
        cwd=run.workdir,
        env=run.environment({HOLD: str(marker)}),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.time() + 300
        while not marker.exists():
            assert proc.poll() is None, "the run ended before the held job started"
            assert time.time() < deadline, "the held job never started"
            time.sleep(0.2)
        os.killpg(proc.pid, how)
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    deadline = time.time() + 60
    while run_guard.lock_holders(run.workdir) and time.time() < deadline:
        time.sleep(0.2)


INT, TERM, KILL = signal.SIGINT, signal.SIGTERM, signal.SIGKILL
# (rule family, script, what to force so that its job runs, where it waits, signal): every
# family once; each signal both at a start (nothing written) and at an end (all written).
STAGES = [
    (
        "theory chunk",
        "mattoo_olarreaga2000/grid_chunk.py",
        "mattoo_olarreaga2000_grid_chunk",
        "start",
        TERM,
    ),  # noqa: E501
    (
        "theory chunk",
        "mattoo_olarreaga2000/grid_chunk.py",
        "mattoo_olarreaga2000_grid_chunk",
        "end",
        KILL,
    ),  # noqa: E501
    (
        "theory gather",
        "deremer2023/remark_grid_gather.py",
        "deremer2023_remark_grid_gather",
        "end",
        INT,
    ),  # noqa: E501
    (
        "data fetch",
        "data/fetch_source_file.py",
        "data-cache/oecd-stri/stri_oecdstat_2014_2024.xlsx",
        "end",
        KILL,
    ),  # noqa: E501
    ("data assembly", "nbt2015/stri_eu.py", "nbt2015_stri_eu", "start", INT),
    ("estimation", "gvcdr2025_ch7/fig_7_14.py", "gvcdr2025_ch7_fig_7_14", "end", TERM),
    ("ledger", "ledger/build.py", "ledger", "end", TERM),
    ("provenance", "provenance.py", "provenance", "start", KILL),
    ("report", "render_report.py", "report", "start", TERM),
]


@pytest.mark.parametrize(
    ("family", "script", "force", "at", "how"),
    STAGES,
    ids=[f"{s[0]}-{s[3]}-{s[4].name}" for s in STAGES],
)
def test_an_interrupted_run_with_a_code_edit_heals_in_one_run(
    clone, small_dag, tmp_path, family, script, force, at, how
):
    """The review's case 1: a rule script was edited, the run stopped while that job ran;
    Snakemake deleted the job's outputs and the next run did nothing, keeping the old code's
    numbers downstream."""
    edit_script(clone, script, at)
    interrupt(clone, tmp_path, how, "--forcerun", force)
    healed = clone.replicate()
    assert "removed it" in healed.stdout or how != KILL, healed.stdout[-3000:]
    assert_equal_to_a_clean_run(clone, small_dag, healed)


def test_deleted_grid_chunks_are_rebuilt_not_reported_as_success(clone, small_dag):
    """The review's case 2: killed chunks' files deleted (with Snakemake's record of them, as
    a SIGTERM leaves it, and without); the next run returned 0 and wrote a manifest without
    them while provenance.json still named them."""
    grid = clone.workdir / "results" / "mattoo_olarreaga2000" / "grid"
    chunks = sorted(grid.glob("chunk_*.csv"))
    assert len(chunks) >= 2
    chunks[0].unlink()
    chunks[1].unlink()
    metadata = clone.workdir / ".snakemake" / "metadata"
    records = [p for p in metadata.iterdir() if chunks[1].name in p.name]
    for record in records:
        record.unlink()
    healed = clone.replicate()
    assert "missing" in healed.stdout
    assert chunks[0].exists() and chunks[1].exists()
    assert_equal_to_a_clean_run(clone, small_dag, healed)


def test_no_run_reports_success_with_a_declared_output_missing(clone):
    """Plain Snakemake (no guard) runs a job and succeeds while a chunk file is gone: the
    Snakefile's onsuccess check turns that into a failure naming the file, and no manifest
    describes the results."""
    chunk = clone.workdir / "results" / "mattoo_olarreaga2000" / "grid" / "chunk_0.csv"
    chunk.unlink()
    run = clone.snakemake("--forcerun", "nbt2015_figure_1")
    assert run.returncode != 0
    assert "chunk_0.csv" in run.stdout
    assert not (clone.workdir / "results" / MANIFEST).exists()
    failed = json.loads((clone.workdir / "results" / "RUN_FAILED.json").read_text())
    assert any(p.endswith("chunk_0.csv") for p in failed["missing_outputs"])


def test_an_emptied_intermediate_is_named_and_rebuilt(clone, small_dag):
    """An emptied intermediate with a newer mtime failed every run with a pandas error that
    did not name the file. Plain Snakemake now fails naming the file and the command that
    rebuilds it; a run through the guard rebuilds it."""
    damaged = clone.workdir / "results" / "nbt2015" / "data" / "oecd_stri.csv"
    damaged.write_text("")
    plain = clone.snakemake()
    assert plain.returncode != 0
    assert "results/nbt2015/data/oecd_stri.csv is empty" in plain.stdout
    assert "make replicate" in plain.stdout and "--forcerun" in plain.stdout
    healed = clone.replicate()
    assert "empty" in healed.stdout
    assert_equal_to_a_clean_run(clone, small_dag, healed)


@pytest.mark.parametrize("damage", ["truncated", "appended", "garbage"])
def test_an_intermediate_changed_after_its_job_wrote_it_is_rebuilt(clone, small_dag, damage):
    path = clone.workdir / "results" / "mattoo_olarreaga2000" / "baseline_solved.csv"
    text = path.read_text()
    path.write_text(
        {"truncated": text[: len(text) // 3], "appended": text + "1,2,3\n", "garbage": "\x00\xff"}[
            damage
        ]
    )
    healed = clone.replicate()
    assert "changed after its job wrote it" in healed.stdout
    assert_equal_to_a_clean_run(clone, small_dag, healed)


def test_touching_or_checking_out_code_unchanged_reruns_nothing(clone):
    """The review: a `git checkout` re-ran 17 jobs (Snakemake compares a script's mtime).
    Rewriting every script and module with its own content (what a checkout of another
    branch and back does) must plan nothing."""
    later = time.time() + 10
    for path in (clone.repo / "workflow").rglob("*.py"):
        path.write_bytes(path.read_bytes())
        os.utime(path, (later, later))
    assert jobs_planned(clone.snakemake("--dry-run")) == set()
    assert jobs_planned(clone.replicate("--dry-run")) == set()


def test_a_real_script_edit_still_reruns_its_job(clone):
    path = clone.repo / "workflow" / "scripts" / "nbt2015" / "figure_1.py"
    path.write_text(path.read_text() + "\n# an edit\n")
    assert "nbt2015_figure_1" in jobs_planned(clone.snakemake("--dry-run"))
