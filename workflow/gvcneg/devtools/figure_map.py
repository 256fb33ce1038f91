"""The README's exhibit table and pipeline picture, generated from the registry and the DAG.

The exhibit table lists every figure and table of every document (``documents.yaml``,
including those awaiting data) and every other figure or table the DAG writes, with its
status, the rule that makes it and its files; the picture is Snakemake's rule graph, drawn as
``docs/pipeline.svg`` (Graphviz's dot layout by the pinned ``graphviz-pure``, the report's
picture without the run's status) and as Mermaid. ``make exhibits`` rewrites both blocks in
README.md and the SVG, and a test checks that they are current. The DAG is planned without the
user's own files (paths.user_data), so supplying one (the TTD database) changes no line of the
README.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from gvcneg.report import exhibits as ex
from gvcneg.report.pipeline import document_colours, parse_rulegraph, to_dot, to_mermaid, to_svg

START, END = "<!-- exhibits:start -->", "<!-- exhibits:end -->"
GRAPH_START, GRAPH_END = "<!-- pipeline-graph:start -->", "<!-- pipeline-graph:end -->"
ITEM = re.compile(
    r"^results/(?P<doc>[a-z0-9_]+)/(?P<kind>figures|tables)/(?P<stem>[^/]+)\.(?P<ext>\w+)$"
)
REPORT = "results/report/gvcneg_report.html"


def _snakemake(repo: Path, workdir: Path, *args: str) -> str:
    cmd = [str(Path(sys.executable).with_name("snakemake")), *args, "--snakefile",
           str(repo / "Snakefile"), "--directory", str(workdir)]  # fmt: skip
    # the repository's plan, not this user's: files supplied in paths.yaml change no README line
    env = {**os.environ, "GVCNEG_NESTED_SNAKEMAKE": "1", "GVCNEG_PLAN_WITHOUT_USER_DATA": "1"}
    return subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=repo, env=env).stdout


def dag_outputs(repo: Path, workdir: Path) -> list[tuple[str, str]]:
    """(output file, rule) for every output of the default target's DAG."""
    text = _snakemake(repo, workdir, "--summary")
    rows = [line.split("\t") for line in text.splitlines()[1:] if "\t" in line]
    return [(row[0], row[2]) for row in rows]


def label(stem: str) -> str:
    """fig_7_4 -> Figure 7.4; table_8_a_5 -> Table 8.A.5; fig_7_7_estimates -> Figure 7.7
    (estimates); other stems with spaces."""
    match = re.match(r"^(fig|table)_(\d+(?:_(?:[a-z]|\d+)(?=_|$))*)(?:_(.+))?$", stem)
    if not match:
        return stem.replace("_", " ")
    number = ".".join(p.upper() if p.isalpha() else p for p in match.group(2).split("_"))
    text = f"{'Figure' if match.group(1) == 'fig' else 'Table'} {number}"
    return f"{text} ({match.group(3).replace('_', ' ')})" if match.group(3) else text


def exhibit_table(outputs: list[tuple[str, str]], repo: Path) -> str:
    """Markdown: document | exhibit | status | rule | files (| escaped for the pipe table)."""
    files: dict[str, dict] = {}
    for path, rule in outputs:
        match = ITEM.match(path)
        if match:
            key = f"{match['doc']}/{match['kind']}/{match['stem']}"
            files.setdefault(key, {"rule": rule, "exts": set()})["exts"].add(match["ext"])
    built = set(files)
    names = ex.document_names(repo)
    registry = ex.with_supplementary(ex.load_registry(repo), built, names)
    lines = ["| document | exhibit | status | rule | files (shown in the report at) |",
             "|---|---|---|---|---|"]  # fmt: skip
    for row in ex.exhibit_rows(registry, built):
        rules, paths = [], []
        for output in row["outputs"]:
            entry = files[f"{row['document']}/{output}"]
            rules.append(f"`{entry['rule']}`")
            paths.append(
                f"`results/{row['document']}/{output}.{{{','.join(sorted(entry['exts']))}}}`"
            )
        where = f" (`#{row['anchor']}`)" if row["anchor"] else ""
        cells = [
            row["document_name"],
            row["exhibit"],
            row["status"],
            ", ".join(dict.fromkeys(rules)) or "—",
            (", ".join(paths) + where) if paths else "—",
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


PIPELINE_SVG = Path("docs", "pipeline.svg")


def pipeline_graph(repo: Path, workdir: Path) -> dict:
    return parse_rulegraph(_snakemake(repo, workdir, "--rulegraph", "dot"))


def pipeline_mermaid(repo: Path, workdir: Path, graph: dict | None = None) -> str:
    graph = graph or pipeline_graph(repo, workdir)
    return "```mermaid\n" + to_mermaid(graph, document_colours(repo)) + "```\n"


def pipeline_svg(graph: dict, repo: Path) -> str:
    """The rule graph as the report draws it, coloured by document (no run status)."""
    svg = to_svg(to_dot(graph, {}, {}, document_colours(repo)))
    if svg is None:
        raise RuntimeError("no dot renderer: install the lock (graphviz-pure)")
    return svg


def replace_block(readme: str, block: str, start: str = START, end: str = END) -> str:
    before, rest = readme.split(start, 1)
    _, after = rest.split(end, 1)
    return f"{before}{start}\n{block}{end}{after}"


def current_block(readme: str, start: str = START, end: str = END) -> str:
    return readme.split(start, 1)[1].split(end, 1)[0].lstrip("\n")


if __name__ == "__main__":
    import tempfile

    repo = Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    with tempfile.TemporaryDirectory() as tmp:
        table = exhibit_table(dag_outputs(repo, Path(tmp)), repo)
        rules = pipeline_graph(repo, Path(tmp))
        graph = pipeline_mermaid(repo, Path(tmp), rules)
    (repo / PIPELINE_SVG).write_text(pipeline_svg(rules, repo))
    readme = repo / "README.md"
    text = replace_block(readme.read_text(), table)
    text = replace_block(text, graph, GRAPH_START, GRAPH_END)
    readme.write_text(text)
    print(f"exhibit table: {table.count(chr(10)) - 2} rows; rule graph written")
