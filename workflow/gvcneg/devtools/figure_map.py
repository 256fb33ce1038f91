"""The README's map from each document's figures and tables to the rule and output files.

Built from the DAG itself (``snakemake --summary``), so it cannot drift from the workflow:
``make figure-map`` rewrites the block between the markers in README.md and a test checks that
the block is current.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

START, END = "<!-- figure-map:start -->", "<!-- figure-map:end -->"
ITEM = re.compile(
    r"^results/(?P<doc>[a-z0-9_]+)/(?P<kind>figures|tables)/(?P<stem>[^/]+)\.(?P<ext>\w+)$"
)


def dag_outputs(repo: Path, workdir: Path) -> list[tuple[str, str]]:
    """(output file, rule) for every output of the default target's DAG."""
    cmd = [str(Path(sys.executable).with_name("snakemake")), "--summary", "--snakefile",
           str(repo / "Snakefile"), "--directory", str(workdir)]  # fmt: skip
    text = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=repo).stdout
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


def _natural(key) -> list:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", "/".join(key))]


def figure_map(outputs: list[tuple[str, str]]) -> str:
    items: dict[tuple[str, str, str], dict] = {}
    for path, rule in outputs:
        match = ITEM.match(path)
        if not match:
            continue
        key = (match["doc"], match["kind"], match["stem"])
        entry = items.setdefault(key, {"rule": rule, "exts": set()})
        entry["exts"].add(match["ext"])
    lines = ["| document | item | rule | output |", "|---|---|---|---|"]
    for (doc, kind, stem), entry in sorted(items.items(), key=lambda kv: _natural(kv[0])):
        exts = ",".join(sorted(entry["exts"]))
        lines.append(
            f"| {doc} | {label(stem)} | `{entry['rule']}` | `results/{doc}/{kind}/{stem}.{{{exts}}}` |"
        )
    return "\n".join(lines) + "\n"


def replace_block(readme: str, block: str) -> str:
    before, rest = readme.split(START, 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n{block}{END}{after}"


def current_block(readme: str) -> str:
    return readme.split(START, 1)[1].split(END, 1)[0].lstrip("\n")


if __name__ == "__main__":
    import tempfile

    repo = Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    with tempfile.TemporaryDirectory() as tmp:
        block = figure_map(dag_outputs(repo, Path(tmp)))
    readme = repo / "README.md"
    readme.write_text(replace_block(readme.read_text(), block))
    print(f"figure map: {block.count(chr(10)) - 2} items")
