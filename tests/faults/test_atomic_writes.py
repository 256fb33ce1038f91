"""Writers on a full disk, and the rule that every result goes through one atomic writer.

A disk that fills up is simulated with the file-size limit (``RLIMIT_FSIZE``) of a child
process: a write past the limit fails with EFBIG, as a write to a full disk fails with ENOSPC,
part-way through the file. The previous result must survive whole, and no partial or
temporary file may be left behind.
"""

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / "workflow"


def run_with_file_size_limit(code: str, limit: int, cwd: Path) -> subprocess.CompletedProcess:
    prelude = textwrap.dedent(
        f"""\
        import resource, signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead
        resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
        """
    )
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        # no bytecode written under the limit: Python does not check a short .pyc write
        env={"PYTHONPATH": str(WORKFLOW), "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"},
    )


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.startswith(".") or "tmp" in p.name)


def test_a_manifest_written_on_a_full_disk_leaves_the_previous_one_whole(tmp_path):
    results = tmp_path / "results"
    (results / "doc").mkdir(parents=True)
    for i in range(200):  # enough files for a manifest well past the limit
        (results / "doc" / f"file_{i:03d}.csv").write_text(f"x\n{i}\n")
    previous = '{"previous": true}\n'
    (results / "manifest.json").write_text(previous)
    done = run_with_file_size_limit(
        f"""
        from pathlib import Path
        from gvcneg.report.manifest import write_manifest
        write_manifest(Path({str(results)!r}), {{"date": "now"}})
        """,
        limit=4096,
        cwd=tmp_path,
    )
    assert done.returncode != 0
    assert "File too large" in done.stderr or "Errno 27" in done.stderr, done.stderr[-2000:]
    assert (results / "manifest.json").read_text() == previous
    assert leftovers(results) == []


@pytest.mark.parametrize("writer", ["save_csv", "save_table", "save_figure", "write_text"])
def test_every_result_writer_on_a_full_disk_keeps_the_previous_file(tmp_path, writer):
    calls = {
        "save_csv": "io.save_csv(big, out / 'a.csv')",
        "save_table": "io.save_table(big, out / 'a.csv', out / 'a.md', out / 'a.html')",
        "save_figure": (
            "fig, ax = io._pyplot().subplots(); ax.plot(range(5000));"
            "io.save_figure(fig, big, out / 'a.png', out / 'a.svg', out / 'a.csv')"
        ),
        "write_text": "io.write_text(out / 'a.csv', 'y\\n' * 100000)",
    }
    out = tmp_path / "out"
    out.mkdir()
    for name in ("a.csv", "a.md", "a.html", "a.png", "a.svg"):
        (out / name).write_text("previous\n")
    done = run_with_file_size_limit(
        f"""
        from pathlib import Path
        import pandas as pd
        from gvcneg import io
        out = Path({str(out)!r})
        big = pd.DataFrame({{"x": range(100000)}})
        {calls[writer]}
        """,
        limit=20_000,
        cwd=tmp_path,
    )
    assert done.returncode != 0, "the writer did not hit the limit"
    for path in out.iterdir():
        if not path.name.startswith("."):
            text = path.read_bytes()
            # each file is the previous one, or a complete new one written before the limit hit
            assert text == b"previous\n" or path.suffix in (".md", ".html", ".png", ".svg")
    assert leftovers(out) == [], "a temporary file was left behind"


def test_run_failed_record_is_written_atomically(tmp_path):
    from gvcneg.report import runstate

    results = tmp_path / "results"
    (results / "report").mkdir(parents=True)
    (results / "report" / "gvcneg_report.html").write_text("<html/>")
    runstate.on_error(results, REPO, {}, missing=["results/x.csv"])
    record = json.loads((results / runstate.FAILED).read_text())
    assert record["missing_outputs"] == ["results/x.csv"]
    assert (results / runstate.STALE).exists() and not (results / runstate.REPORT).exists()


def test_success_with_a_declared_output_missing_is_a_failure(tmp_path):
    """Snakemake reports success when every job it ran succeeded; the Snakefile's onsuccess
    hook then finds a declared output missing: the run fails, no manifest describes it."""
    from gvcneg.report import runstate

    results = tmp_path / "results"
    results.mkdir()
    (results / "manifest.json").write_text("{}")
    with pytest.raises(runstate.DeclaredOutputMissing, match="results/grid/chunk_1.csv"):
        runstate.on_success(results, REPO, {}, missing=["results/grid/chunk_1.csv"])
    assert not (results / "manifest.json").exists()
    assert (results / runstate.FAILED).exists()


# Writers that may write directly, each with the reason. Everything else in workflow/ that
# writes a file goes through gvcneg.io (atomic_path / write_text / save_*).
DIRECT_WRITERS_ALLOWED = {
    "gvcneg/io.py": "the helper itself",
    "gvcneg/logs.py": "a job's log, streamed while the job runs",
    "scripts/provenance.py": "a config copy in a temporary directory for a nested dry run",
    "gvcneg/report/pipeline.py": "an SVG rendered into an in-memory buffer",
    "gvcneg/documents.py": "developer tool: regenerates blocks of repository sources",
    "gvcneg/devtools/figure_map.py": "developer tool: regenerates README blocks",
    "gvcneg/devtools/conda_envs.py": "developer tool: regenerates envs/*.yaml",
    "gvcneg/empirics/gvcdr2025_ch8/ttd_template.py": "writes user templates (sources/templates)",
}
WRITE_CALL = re.compile(
    r"\.to_csv\(|\.to_parquet\(|\.to_excel\(|\.write_text\(|\.write_bytes\(|savefig\(|"
    r"json\.dump\(|open\([^)]*[\"'][wa]b?[\"']"
)


def test_every_result_writer_goes_through_the_atomic_helper():
    offenders = []
    for path in sorted(WORKFLOW.rglob("*.py")):
        relative = path.relative_to(WORKFLOW).as_posix()
        if relative in DIRECT_WRITERS_ALLOWED:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            code = line.split("#", 1)[0]
            if WRITE_CALL.search(code) and not re.search(r"\btmp\b|\btemp\b", code):
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert not offenders, "write through gvcneg.io.atomic_path/write_text:\n" + "\n".join(offenders)


def test_a_writer_killed_mid_write_leaves_debris_the_run_guard_removes(tmp_path):
    """SIGKILL stops a writer inside atomic_path before it can delete its temporary file; with
    no run alive the guard deletes such files (and only those) before Snakemake starts."""
    import subprocess
    import sys

    from gvcneg.devtools.run_guard import remove_leftover_temporaries
    from gvcneg.io import leftover_temporaries

    target = tmp_path / "results" / "doc" / "table.csv"
    target.parent.mkdir(parents=True)
    target.write_text("old,complete\n")
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import os, signal, sys\n"
            "from gvcneg.io import atomic_path\n"
            f"with atomic_path({str(target)!r}) as tmp:\n"
            "    tmp.write_text('half')\n"
            "    os.kill(os.getpid(), signal.SIGKILL)\n",
        ]
    )
    writer.wait(timeout=60)
    assert writer.returncode == -9
    debris = leftover_temporaries(tmp_path / "results")
    assert len(debris) == 1 and debris[0].name.startswith(".table.csv.")
    assert target.read_text() == "old,complete\n"  # the result itself is untouched
    keep = tmp_path / "results" / "doc" / ".notes.tmp"  # not an atomic_path name
    keep.write_text("x")
    said = remove_leftover_temporaries(tmp_path)
    assert "removed 1 temporary file" in said and "table.csv" in said
    assert leftover_temporaries(tmp_path / "results") == [] and keep.exists()
    assert remove_leftover_temporaries(tmp_path) == ""
