"""The adapter's reading of Snakemake's DAG and metadata (``stale_outputs``), pinned on a
three-rule workflow: it reads private Snakemake objects, so a Snakemake upgrade that changes
them fails here first."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gvcneg.devtools.workflow_rules import stale_outputs

pytestmark = pytest.mark.slow  # several Snakemake runs

SNAKEMAKE = Path(sys.executable).with_name("snakemake")
TRIGGERS = ["--rerun-triggers", "mtime", "params", "input", "software-env"]
SNAKEFILE = textwrap.dedent(
    """\
    rule all:
        input: "c.txt"

    rule a:
        output: "a.txt"
        params: word="{word}"
        shell: "echo {params.word} > {output}"

    rule b:
        input: "a.txt"
        output: "b.txt"
        shell: "cat {input} > {output}"

    rule c:
        input: "b.txt"
        output: "c.txt"
        shell: "cat {input} {input} > {output}"
    """
)


@pytest.fixture
def workflow(tmp_path):
    (tmp_path / "Snakefile").write_text(SNAKEFILE.replace("{word}", "one"))
    run(tmp_path)
    return tmp_path


def run(workdir: Path, *args: str, guarded: bool = False) -> subprocess.CompletedProcess:
    command = [str(SNAKEMAKE), "--cores", "1", *TRIGGERS, *args]
    if guarded:
        command = [sys.executable, "-m", "gvcneg.devtools.run_guard", str(workdir), "--", *command]
    done = subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def stale(workdir: Path) -> dict[str, str]:
    here = os.getcwd()
    os.chdir(workdir)
    try:
        return {s.path: s.problem for s in stale_outputs(["--cores", "1", *TRIGGERS])}
    finally:
        os.chdir(here)


def test_a_finished_run_has_nothing_stale(workflow):
    assert stale(workflow) == {}


def test_a_missing_intermediate_is_found_and_rebuilt_by_the_guard(workflow):
    (workflow / "a.txt").unlink()
    # what the guard exists for: Snakemake alone plans nothing (c.txt looks up to date)
    assert "Nothing to be done" in run(workflow, "--dry-run").stdout
    assert stale(workflow) == {"a.txt": "missing, while the jobs that read it look up to date"}
    healed = run(workflow, guarded=True)
    assert "a.txt (rule a): missing" in healed.stderr
    assert (workflow / "a.txt").read_text() == "one\n"
    assert stale(workflow) == {}


@pytest.mark.parametrize(
    ("damage", "problem"),
    [("", "empty"), ("other\n", "changed after its job wrote it")],
)
def test_a_damaged_intermediate_is_found(workflow, damage, problem):
    (workflow / "b.txt").write_text(damage)
    os.utime(workflow / "b.txt", (1, 1))  # older than its consumer: Snakemake sees nothing
    assert problem in stale(workflow)["b.txt"]
    run(workflow, guarded=True)
    assert (workflow / "c.txt").read_text() == "one\none\n"


def test_changed_code_and_params_of_an_unplanned_job_are_found(workflow):
    """Snakemake compares recorded code and params only for jobs it examines; a consumer of a
    changed job's output is examined too, so here the changes are seen directly."""
    (workflow / "Snakefile").write_text(
        SNAKEFILE.replace("{word}", "one").replace("cat {input} > {output}", "cp {input} {output}")
    )
    assert "other code" in stale(workflow)["b.txt"]
    (workflow / "Snakefile").write_text(SNAKEFILE.replace("{word}", "two"))
    found = stale(workflow)
    assert "a.txt" not in found  # Snakemake plans it itself (params trigger)


def test_a_killed_job_leaves_an_incomplete_output_that_is_found(workflow):
    metadata = workflow / ".snakemake" / "incomplete"
    metadata.mkdir(parents=True, exist_ok=True)
    from base64 import urlsafe_b64encode

    (metadata / urlsafe_b64encode(b"b.txt").decode()).write_text("")
    assert "incomplete" in stale(workflow)["b.txt"]
