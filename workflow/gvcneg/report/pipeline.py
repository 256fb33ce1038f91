"""The pipeline as a picture: Snakemake's rule graph, coloured by document and by status, and
per-job run time and memory from ``results/benchmarks/``.

The graph comes from ``snakemake --rulegraph`` (never drawn by hand). It is drawn with
Graphviz's dot layout by ``graphviz-pure`` (a pip-installed port of dot, pinned in the lock, so
no system Graphviz is needed), for the report and as docs/pipeline.svg for the README.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd

NODE = re.compile(r'^\s*(?P<id>\d+)\s*\[\s*label\s*=\s*"(?P<label>[^"]+)"')
EDGE = re.compile(r"^\s*(?P<a>\d+)\s*->\s*(?P<b>\d+)")
# Fills of the rules that belong to no document; each document's own fill is its `colour:` in
# documents.yaml (document_colours).
SHARED_COLOURS = {"data": "#e4e4e4", "pipeline": "#ffffff"}
DATA_RULES = ("fetch_source_file", "data_registry_table", "country_metadata")
STATUS_STYLE = {  # border colour and style
    "up to date": ("#2e7d32", "solid"),
    "would re-run": ("#c62828", "bold"),
    "awaiting data": ("#757575", "dashed"),
}


def rulegraph(snakefile: Path, workdir: Path, configfiles: list[Path]) -> dict:
    """Nodes (rule names) and edges (producer -> consumer) of the default target's DAG."""
    from gvcneg.report.provenance import snakemake_executable

    cmd = [
        snakemake_executable(),
        "--rulegraph", "dot", "--nolock",
        "--snakefile", str(snakefile), "--directory", str(workdir),
        "--configfile", *map(str, configfiles),
    ]  # fmt: skip
    env = {**os.environ, "GVCNEG_NESTED_SNAKEMAKE": "1"}
    text = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=workdir, env=env)
    return parse_rulegraph(text.stdout)


def parse_rulegraph(dot: str) -> dict:
    labels, edges = {}, []
    for line in dot.splitlines():
        if m := NODE.match(line):
            labels[m["id"]] = m["label"]
        elif m := EDGE.match(line):
            edges.append((m["a"], m["b"]))
    return {
        "nodes": sorted(labels.values()),
        "edges": sorted({(labels[a], labels[b]) for a, b in edges if a in labels and b in labels}),
    }


def document_colours(repo: Path) -> dict[str, str]:
    """Fill by group: each document of the manifest (its ``colour:``, in manifest order), then
    the shared data and pipeline rules."""
    from gvcneg.documents import load_documents

    return {d.id: d.colour for d in load_documents(repo)} | SHARED_COLOURS


def document_of(rule: str, colours: dict[str, str]) -> str:
    """The group a rule is drawn in: the document whose id prefixes its name (``<id>_...``),
    the data rules, or the pipeline."""
    for document in colours:
        if document not in SHARED_COLOURS and rule.startswith(f"{document}_"):
            return document
    if rule in DATA_RULES:
        return "data"
    return "pipeline"


def to_dot(
    graph: dict, status: dict[str, str], awaiting: dict[str, list[str]], colours: dict[str, str]
) -> str:
    """Graphviz source: fill = document (``colours``: :func:`document_colours`), border =
    status; one dashed node per missing source listing what awaits it."""
    lines = [
        "digraph pipeline {",
        '  graph [rankdir=LR, bgcolor="white", fontname="sans-serif", fontsize=10];',
        '  node [shape=box, style="rounded,filled", fontname="sans-serif", fontsize=9];',
        '  edge [color="#9e9e9e", arrowsize=0.6];',
    ]
    by_document: dict[str, list[str]] = {}
    for rule in graph["nodes"]:
        by_document.setdefault(document_of(rule, colours), []).append(rule)
    for document, rules in sorted(by_document.items()):
        lines.append(f'  subgraph "cluster_{document}" {{')
        lines.append(f'    label="{document}"; style="rounded"; color="#cccccc";')
        for rule in rules:
            colour, style = STATUS_STYLE[status.get(rule, "up to date")]
            lines.append(
                f'    "{rule}" [fillcolor="{colours[document]}", color="{colour}", '
                f'style="rounded,filled,{style}", tooltip="{status.get(rule, "up to date")}"];'
            )
        lines.append("  }")
    for source, items in sorted(awaiting.items()):
        colour, style = STATUS_STYLE["awaiting data"]
        label = f"awaiting data: {source}\\n" + "\\n".join(items[:6])
        if len(items) > 6:
            label += f"\\n... {len(items) - 6} more"
        lines.append(
            f'  "awaiting:{source}" [label="{label}", fillcolor="#f5f5f5", color="{colour}", '
            f'style="rounded,filled,{style}"];'
        )
    for a, b in graph["edges"]:
        lines.append(f'  "{a}" -> "{b}";')
    lines.append("}")
    return "\n".join(lines) + "\n"


def dot_executable() -> str | None:
    """The Graphviz ``dot`` the picture is drawn with: ``graphviz-pure`` (a port of dot in one
    binary, pinned in requirements.lock, the same bytes on every machine) from this
    environment, else on PATH; a system ``dot`` only where that is missing."""
    beside = Path(sys.executable).with_name("graphviz-pure")
    if beside.exists():
        return str(beside)
    return shutil.which("graphviz-pure") or shutil.which("dot")


def to_svg(dot_source: str) -> str | None:
    """SVG of a Graphviz source (see :func:`dot_executable`); None where no dot can be had."""
    dot = dot_executable()
    if not dot:
        return None
    out = subprocess.run([dot, "-Tsvg"], input=dot_source, capture_output=True, text=True)
    if out.returncode != 0:
        return None
    svg = out.stdout
    return svg[svg.index("<svg") :]


def to_mermaid(graph: dict, colours: dict[str, str]) -> str:
    """Mermaid flowchart of the rule graph, coloured by document (for the README)."""
    ids = {rule: f"r{i}" for i, rule in enumerate(graph["nodes"])}
    lines = ["flowchart LR"]
    for document, colour in colours.items():
        lines.append(f"  classDef {document} fill:{colour},stroke:#555")
    for rule, ident in ids.items():
        lines.append(f"  {ident}[{rule}]:::{document_of(rule, colours)}")
    for a, b in graph["edges"]:
        lines.append(f"  {ids[a]} --> {ids[b]}")
    return "\n".join(lines) + "\n"


def rule_status(summary: list[dict]) -> dict[str, str]:
    """ "would re-run" for a rule with any output Snakemake plans to update, else up to date."""
    status = {}
    for row in summary:
        pending = row.get("plan", "no update") != "no update" or row.get("status") == "missing"
        if pending:
            status[row["rule"]] = "would re-run"
        else:
            status.setdefault(row["rule"], "up to date")
    return status


def benchmarks(results: Path) -> pd.DataFrame:
    """One row per benchmark file: job (its path), seconds, max RSS in MB."""
    rows = []
    root = Path(results) / "benchmarks"
    for path in sorted(root.rglob("*.tsv")):
        frame = pd.read_csv(path, sep="\t")
        if frame.empty:
            continue
        rows.append(
            {
                "job": path.relative_to(root).with_suffix("").as_posix(),
                "seconds": float(frame["s"].iloc[-1]),
                "max_rss_mb": float(pd.to_numeric(frame["max_rss"], errors="coerce").iloc[-1]),
            }
        )
    return pd.DataFrame(rows, columns=["job", "seconds", "max_rss_mb"])


def benchmark_chart(frame: pd.DataFrame, top: int = 25) -> str:
    """An inline SVG bar chart of the slowest jobs' run time and peak memory."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    shown = frame.sort_values("seconds", ascending=True).tail(top)
    fig, (left, right) = plt.subplots(
        1, 2, figsize=(9, 0.22 * len(shown) + 1), sharey=True, layout="constrained"
    )
    left.barh(shown["job"], shown["seconds"], color="#5b8db8")
    left.set_xlabel("wall time (s)")
    right.barh(shown["job"], shown["max_rss_mb"].fillna(0), color="#b8865b")
    right.set_xlabel("peak memory (MB)")
    left.tick_params(axis="y", labelsize=7)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]
