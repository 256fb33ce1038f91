"""The rule graph is drawn from the lock alone: graphviz-pure (pinned), no system Graphviz."""

import re
import shutil

from gvcneg.report import pipeline

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
    svg = pipeline.to_svg(pipeline.to_dot(GRAPH, {"ledger": "would re-run"}, {}))
    assert svg.startswith("<svg")
    titles = re.findall(r'<g id="node\d+" class="node">\s*<title>([^<]+)</title>', svg)
    assert sorted(titles) == GRAPH["nodes"]
    edges = re.findall(r'<g id="edge\d+" class="edge">\s*<title>([^<]+)</title>', svg)
    assert sorted(e.replace("&#45;&gt;", "->") for e in edges) == sorted(
        f"{a}->{b}" for a, b in GRAPH["edges"]
    )
    # The status is drawn: the rule that would re-run has the red border.
    assert pipeline.STATUS_STYLE["would re-run"][0] in svg


def test_a_broken_source_gives_no_picture_not_a_crash():
    assert pipeline.to_svg("digraph { this is not dot") is None
