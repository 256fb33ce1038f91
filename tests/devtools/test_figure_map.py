"""The README's figure/table map is generated from the DAG and is current."""

from pathlib import Path

import pytest

from gvcneg.devtools.figure_map import current_block, dag_outputs, figure_map, label

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


def test_readme_map_is_generated_from_the_current_dag(tmp_path):
    block = figure_map(dag_outputs(REPO, tmp_path))
    assert "deremer2023_figure_1" in block
    assert current_block((REPO / "README.md").read_text()) == block, "run `make figure-map`"
