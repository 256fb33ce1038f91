"""``results/provenance.json``: for every output, the rule, code, inputs and raw sources behind it.

Built from the DAG Snakemake itself records (``snakemake --detailed-summary``: each output's
rule, log and input files), the rules' scripts, the functions those scripts import from the
package, and the source registry's checksums. The report renders it once, and every ledger row
and figure links to its entry, so a reviewer goes from a number to its code and its input
checksums in one click.
"""

from __future__ import annotations

import ast
import csv
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from gvcneg.data.fetch import sha256_of as sha256

DATA_FILE = re.compile(r"(?:^|/)(?P<source>[A-Za-z0-9._-]+)/(?P<file>[^/]+)$")


def detailed_summary(snakefile: Path, workdir: Path, configfiles: list[Path]) -> list[dict]:
    """Snakemake's own record of the DAG: one dict per output file (rule, log, inputs, ...)."""
    cmd = [
        snakemake_executable(),
        "--detailed-summary",
        "--nolock",
        "--cores", "1",
        "--snakefile", str(snakefile),
        "--directory", str(workdir),
        "--configfile", *map(str, configfiles),
    ]  # fmt: skip
    env = {**os.environ, "GVCNEG_NESTED_SNAKEMAKE": "1"}
    text = subprocess.run(
        cmd, capture_output=True, text=True, check=True, cwd=workdir, env=env
    ).stdout
    return parse_summary(text)


def snakemake_executable() -> str:
    """The Snakemake of this environment (the venv's, or a conda env's on PATH)."""
    beside = Path(sys.executable).with_name("snakemake")
    return str(beside) if beside.exists() else (shutil.which("snakemake") or "snakemake")


def parse_summary(text: str) -> list[dict]:
    lines = [line for line in text.splitlines() if "\t" in line]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))

    def split(value):
        return [] if value in ("-", "", None) else value.split(",")

    return [
        {
            "output": row["output_file"],
            "rule": row["rule"],
            "date": None if row["date"] == "-" else row["date"],
            "log": split(row["log-file(s)"]),
            "inputs": split(row["input-file(s)"]),
            "status": row["status"],
            "plan": row.get("plan", ""),
        }
        for row in rows
    ]


def script_functions(script: Path) -> list[str]:
    """``module.function`` for every name the rule script imports from the package."""
    tree = ast.parse(Path(script).read_text())
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("gvcneg"):
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return sorted(set(names))


def _relative(path: str, repo: Path) -> str:
    try:
        return Path(path).resolve().relative_to(repo).as_posix()
    except ValueError:
        return path


def build_provenance(
    summary: list[dict],
    repo: Path,
    workdir: Path,
    data_cache: str,
    rule_scripts: dict[str, str],
    registry_sha256: dict[tuple[str, str], str | None],
    stamp: dict,
    results: str = "results",
) -> dict:
    """Provenance of every built output under ``results`` (see the module docstring).

    ``registry_sha256`` maps (source, file) to the checksum the source registry pins;
    ``rule_scripts`` maps each rule to its script path (relative to the repository).
    """
    repo, workdir = Path(repo).resolve(), Path(workdir).resolve()
    by_output = {row["output"]: row for row in summary}
    cache_prefix = data_cache.rstrip("/") + "/"
    checksum = _InputChecksums(repo, workdir, cache_prefix, registry_sha256)
    entries = {}
    for row in summary:
        output = row["output"]
        if not output.startswith(results.rstrip("/") + "/") or row["date"] is None:
            continue
        if not (workdir / output).exists():
            continue
        raw = sorted(_raw_sources(by_output, cache_prefix, output, set()))
        entries[output] = _entry(
            row, repo, workdir, rule_scripts.get(row["rule"], ""), raw, registry_sha256, checksum
        )
    return {"stamp": stamp, "outputs": entries}


def _raw_sources(by_output: dict, cache_prefix: str, output: str, seen: set) -> set[str]:
    """The data-cache files an output rests on, through every intermediate output."""
    found = set()
    for item in by_output.get(output, {}).get("inputs", []):
        if item in seen:
            continue
        seen.add(item)
        if item.startswith(cache_prefix):
            found.add(item)
        elif item in by_output:
            found |= _raw_sources(by_output, cache_prefix, item, seen)
    return found


class _InputChecksums:
    """An input's checksum: the registry's for a raw source file (the fetch rule verified the
    copy against it), else the file's own; None for a file that is not there. Each file is
    hashed once per provenance record, however many outputs name it."""

    def __init__(self, repo: Path, workdir: Path, cache_prefix: str, registry_sha256: dict):
        self.repo, self.workdir, self.cache_prefix = repo, workdir, cache_prefix
        self.registry_sha256 = registry_sha256
        self.hashes: dict[str, str | None] = {}

    def __call__(self, item: str) -> str | None:
        key = _relative(item, self.repo)
        if key not in self.hashes:
            match = DATA_FILE.search(item) if item.startswith(self.cache_prefix) else None
            pinned = self.registry_sha256.get((match["source"], match["file"])) if match else None
            path = self.workdir / item if (self.workdir / item).is_file() else self.repo / key
            self.hashes[key] = pinned or (sha256(path) if path.is_file() else None)
        return self.hashes[key]


def _entry(
    row: dict,
    repo: Path,
    workdir: Path,
    script: str,
    raw_sources: list[str],
    registry_sha256: dict,
    checksum: _InputChecksums,
) -> dict:
    """One output's record: its rule, script, the package code it ran, inputs and sources."""
    output = row["output"]
    code = [_relative(i, repo) for i in row["inputs"] if _relative(i, repo).endswith(".py")]
    functions = script_functions(repo / script) if script and (repo / script).exists() else []
    sources = []
    for item in raw_sources:
        match = DATA_FILE.search(item)
        key = (match["source"], match["file"]) if match else (item, "")
        sources.append(
            {
                "source": key[0],
                "file": key[1],
                "sha256": registry_sha256.get(key)
                or (sha256(workdir / item) if (workdir / item).exists() else None),
                "pinned_in_registry": bool(registry_sha256.get(key)),
            }
        )
    modules = sorted(
        {c for c in code if c.startswith("workflow/gvcneg/")}
        | {module_file(f.rsplit(".", 1)[0], repo) for f in functions}
    )
    inputs = [_relative(i, repo) for i in row["inputs"] if not _relative(i, repo).endswith(".py")]
    return {
        "id": anchor_id(output),
        "output": output,
        "sha256": sha256(workdir / output),
        "rule": row["rule"],
        "script": script,
        "functions": functions,
        "modules": modules,
        "inputs": inputs,
        # Direct inputs and code, each with its checksum at the time of this record.
        "input_sha256": {i: checksum(i) for i in inputs},
        "code_sha256": {c: checksum(c) for c in ([script] if script else []) + modules},
        "sources": sources,
        "log": row["log"],
        "built": row["date"],
    }


def module_file(module: str, repo: Path) -> str:
    """``gvcneg.x.y`` -> ``workflow/gvcneg/x/y.py`` (or its package's ``__init__.py``)."""
    path = Path("workflow", *module.split("."))
    if (repo / path.with_suffix(".py")).exists():
        return path.with_suffix(".py").as_posix()
    return (path / "__init__.py").as_posix()


def anchor_id(output: str) -> str:
    """The report's element id of one output's provenance entry."""
    return "prov-" + re.sub(r"[^A-Za-z0-9]+", "-", output).strip("-").lower()


def entry_for(provenance: dict, output: str) -> dict | None:
    return provenance["outputs"].get(output)
