"""The fetch rule inside Snakemake: a bad input stops the rule with the data layer's message,
nothing downstream runs, and no partial file is left in the cache."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from gvcneg.data.registry import SOURCES_DIR

RULES = SOURCES_DIR.parent / "workflow" / "rules" / "data.smk"
SNAKEMAKE = Path(sys.executable).with_name("snakemake")
GOOD = b"iso3,year,value\nSWE,2013,1\n"
SHA = hashlib.sha256(GOOD).hexdigest()

pytestmark = pytest.mark.slow


def workflow(tmp_path: Path) -> Path:
    """A tiny workflow: the real data.smk over the real registry plus a toy source, and one
    rule that consumes the toy file through source_file()."""
    repo = tmp_path / "repo"
    shutil.copytree(SOURCES_DIR, repo / "sources")
    toy = {
        "name": "toy-source",
        "title": "Toy",
        "publisher": "Tests",
        "upstream_url": "https://example.org",
        "vintage": "2015",
        "license": "CC0",
        "citation": "Toy (2015)",
        "status": "available",
        "files": [
            {"name": "toy.csv", "format": "csv", "sha256": SHA, "url": "http://127.0.0.1:9/toy.csv"}
        ],
        "used_by": ["tests"],
    }
    (repo / "sources" / "toy-source.yaml").write_text(yaml.safe_dump(toy))
    snakefile = tmp_path / "Snakefile"
    snakefile.write_text(
        textwrap.dedent(
            f"""
            from pathlib import Path
            config["paths"] = {{"results": "results", "data_cache": "data-cache",
                                "data_mirrors": [], "user_data": {{}}}}
            REPO = Path({str(repo)!r})
            RESULTS = Path("results")
            REPORT_INPUTS = []
            def res(document, *parts):
                return str(RESULTS.joinpath(document, *parts))
            def logfile(document, name):
                return str(RESULTS.joinpath("logs", document, f"{{name}}.log"))
            def benchfile(document, name):
                return str(RESULTS.joinpath("benchmarks", document, f"{{name}}.tsv"))
            import os
            from gvcneg.import_graph import code_files
            def repo_file(*parts):
                return os.path.relpath(REPO.joinpath(*parts))
            def code_inputs(script, also=()):
                workflow_dir = Path({str(SOURCES_DIR.parent)!r}) / "workflow"
                return [str(f) for f in code_files(workflow_dir / "scripts" / script, workflow_dir)]
            ENVS = {{"empirics": {str(SOURCES_DIR.parent / "envs" / "empirics.yaml")!r}}}
            include: {str(RULES)!r}
            rule downstream:
                input: source_file("toy-source", "toy.csv")
                output: "results/downstream.csv"
                shell: "cp {{input}} {{output}}"
            """
        )
    )
    return snakefile


def run(snakefile: Path, workdir: Path, mirror: Path):
    env = {**os.environ, "GVCNEG_DATA_MIRRORS": str(mirror)}
    return subprocess.run(
        [
            str(SNAKEMAKE),
            "-s",
            str(snakefile),
            "--directory",
            str(workdir),
            "--cores",
            "1",
            "results/downstream.csv",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_bad_checksum_stops_the_rule_and_nothing_downstream_runs(tmp_path):
    snakefile = workflow(tmp_path)
    workdir, mirror = tmp_path / "work", tmp_path / "mirror"
    (mirror / "toy-source").mkdir(parents=True)
    bad = GOOD.replace(b"1\n", b"2\n")
    (mirror / "toy-source" / "toy.csv").write_bytes(bad)

    result = run(snakefile, workdir, mirror)
    output = result.stdout + result.stderr
    log = (
        workdir / "results" / "logs" / "data" / "fetch" / "toy-source" / "toy.csv.log"
    ).read_text()
    assert result.returncode != 0
    for text in (output, log):
        assert "checksum mismatch" in text
        assert SHA in text and hashlib.sha256(bad).hexdigest() in text
    assert not (workdir / "results" / "downstream.csv").exists()
    assert not (workdir / "data-cache" / "toy-source" / "toy.csv").exists()
    assert list((workdir / "data-cache").rglob("*.partial")) == []

    # Fixing the mirror copy lets the same DAG complete.
    (mirror / "toy-source" / "toy.csv").write_bytes(GOOD)
    result = run(snakefile, workdir, mirror)
    assert result.returncode == 0, result.stderr
    assert (workdir / "results" / "downstream.csv").read_bytes() == GOOD


def test_missing_file_without_network_stops_with_paths_tried(tmp_path):
    snakefile = workflow(tmp_path)
    workdir, mirror = tmp_path / "work", tmp_path / "empty-mirror"
    result = run(snakefile, workdir, mirror)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "toy-source" in output and "not found" in output
    assert str(mirror / "toy-source" / "toy.csv") in output
    assert not (workdir / "results" / "downstream.csv").exists()
