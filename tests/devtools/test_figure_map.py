"""The README's exhibit table and pipeline graph are generated from the registry and the DAG,
and are current."""

from pathlib import Path

import pytest

from gvcneg.devtools.figure_map import (
    GRAPH_END,
    GRAPH_START,
    current_block,
    dag_outputs,
    exhibit_table,
    label,
    pipeline_mermaid,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("fig_1", "Figure 1"),
        ("fig_7_4", "Figure 7.4"),
        ("table_8_a_5", "Table 8.A.5"),
        ("fig_7_7_estimates", "Figure 7.7 (estimates)"),
        ("fig_remark_grid", "fig remark grid"),
    ],
)
def test_labels_follow_the_documents_numbering(stem, expected):
    assert label(stem) == expected


@pytest.mark.slow  # plans the whole DAG twice (Snakemake)
def test_readme_exhibit_table_and_graph_are_generated_from_the_current_dag(tmp_path):
    readme = (REPO / "README.md").read_text()
    table = exhibit_table(dag_outputs(REPO, tmp_path), REPO)
    assert "`deremer2023_figures`" in table and "awaiting data: wto-ttd" in table
    assert current_block(readme) == table, "run `make exhibits`"
    graph = pipeline_mermaid(REPO, tmp_path)
    assert "flowchart LR" in graph and "deremer2023_figures" in graph
    assert current_block(readme, GRAPH_START, GRAPH_END) == graph, "run `make exhibits`"
