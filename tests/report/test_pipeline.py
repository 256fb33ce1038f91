"""The rule graph is drawn from the lock alone: graphviz-pure (pinned), no system Graphviz."""

import re
import shutil
from pathlib import Path

from gvcneg.report import pipeline

REPO = Path(__file__).resolve().parents[2]

GRAPH = {
    "nodes": ["all", "deremer2023_solve", "ledger", "report"],
    "edges": [("deremer2023_solve", "ledger"), ("ledger", "report"), ("report", "all")],
}


def test_the_renderer_is_the_pinned_one_not_a_system_graphviz(monkeypatch):
    # With no `dot` anywhere on PATH, the environment's graphviz-pure still draws.
    monkeypatch.setenv("PATH", "/nonexistent")
    assert shutil.which("dot") is None
    assert pipeline.dot_executable().endswith("graphviz-pure")


def test_every_rule_is_a_node_and_every_edge_is_drawn(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    colours = pipeline.document_colours(REPO)
    svg = pipeline.to_svg(pipeline.to_dot(GRAPH, {"ledger": "would re-run"}, {}, colours))
    assert svg.startswith("<svg")
    titles = re.findall(r'<g id="node\d+" class="node">\s*<title>([^<]+)</title>', svg)
    assert sorted(titles) == GRAPH["nodes"]
    edges = re.findall(r'<g id="edge\d+" class="edge">\s*<title>([^<]+)</title>', svg)
    assert sorted(e.replace("&#45;&gt;", "->") for e in edges) == sorted(
        f"{a}->{b}" for a, b in GRAPH["edges"]
    )
    # The status is drawn: the rule that would re-run has the red border.
    assert pipeline.STATUS_STYLE["would re-run"][0] in svg
    # The fill is the document's own colour from documents.yaml.
    assert 'fill="#cfe3f7"' in svg and colours["deremer2023"] == "#cfe3f7"


def test_each_document_is_drawn_in_its_manifest_colour_and_shared_rules_in_theirs():
    colours = {**pipeline.SHARED_COLOURS, "toy_doc": "#123456"}
    dot = pipeline.to_dot({"nodes": ["toy_doc_solve", "fetch_source_file", "all"], "edges": []},
                          {}, {}, colours)  # fmt: skip
    assert '"toy_doc_solve" [fillcolor="#123456"' in dot
    assert f'"fetch_source_file" [fillcolor="{pipeline.SHARED_COLOURS["data"]}"' in dot
    assert f'"all" [fillcolor="{pipeline.SHARED_COLOURS["pipeline"]}"' in dot
    mermaid = pipeline.to_mermaid({"nodes": ["toy_doc_solve"], "edges": []}, colours)
    assert "classDef toy_doc fill:#123456" in mermaid and "r0[toy_doc_solve]:::toy_doc" in mermaid


def test_a_broken_source_gives_no_picture_not_a_crash():
    assert pipeline.to_svg("digraph { this is not dot") is None
