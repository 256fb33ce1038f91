"""The README's exhibit table and pipeline graph are generated from the registry and the DAG,
and are current."""

from pathlib import Path

import pytest
import yaml
from dag_run import copy_repository

from gvcneg.devtools.figure_map import (
    GRAPH_END,
    GRAPH_START,
    PIPELINE_SVG,
    current_block,
    dag_outputs,
    exhibit_table,
    label,
    pipeline_graph,
    pipeline_mermaid,
    pipeline_svg,
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
    rules = pipeline_graph(REPO, tmp_path)
    graph = pipeline_mermaid(REPO, tmp_path, rules)
    assert "flowchart LR" in graph and "deremer2023_figures" in graph
    assert current_block(readme, GRAPH_START, GRAPH_END) == graph, "run `make exhibits`"
    # The same graph drawn (no system Graphviz needed), beside the README.
    svg = pipeline_svg(rules, REPO)
    assert svg.startswith("<svg") and svg.count('class="node"') == len(rules["nodes"])
    assert (REPO / PIPELINE_SVG).read_text() == svg, "run `make exhibits`"
    assert f"]({PIPELINE_SVG.as_posix()})" in readme


@pytest.mark.slow  # plans the whole DAG twice (Snakemake)
def test_supplying_the_ttd_file_changes_no_line_of_the_readme(tmp_path):
    """A checkout whose paths.yaml supplies the chapter-8 files (which add rules to the
    default DAG) still generates the README the repository holds."""
    clone = copy_repository(tmp_path / "clone")
    user = tmp_path / "user"
    user.mkdir()
    paths = yaml.safe_load((clone / "paths.yaml").read_text())
    paths["paths"]["user_data"] = {}
    for source, name in [
        ("wto-ttd", "ttd_database.xlsx"),
        ("wto-ttd-texts", "ttd_texts.csv"),
        ("oecd-wto-batis", "batis_bpm6.csv"),
        ("baci-crm", "crm_bilateral_trade.csv"),
    ]:
        (user / name).write_text("")
        paths["paths"]["user_data"][source] = str(user / name)
    (clone / "paths.yaml").write_text(yaml.safe_dump(paths))
    readme = (REPO / "README.md").read_text()
    workdir = tmp_path / "run"
    workdir.mkdir()
    assert exhibit_table(dag_outputs(clone, workdir), clone) == current_block(readme)
    graph = pipeline_mermaid(clone, workdir)
    assert graph == current_block(readme, GRAPH_START, GRAPH_END)
