"""The chapter-8 report's clustering text is read from the outputs, not typed."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch8.inference import CLUSTERING_LABELS, CLUSTERINGS
from gvcneg.empirics.gvcdr2025_ch8.reporting import clustering_summary, table_clusterings


def test_every_clustering_has_a_label():
    assert set(CLUSTERING_LABELS) == set(CLUSTERINGS)


def test_table_clusterings_are_the_se_columns_not_the_dyad_se():
    table = pd.DataFrame(
        columns=["term", "coef", "se", "pvalue", "se_pair", "se_exporter+importer"]
    )
    assert table_clusterings(table) == ["pair", "exporter+importer"]


def test_clustering_summary_names_each_clustering_with_its_own_numbers():
    placebo = pd.DataFrame(
        {
            "estimator": ["PPML exp+imp+year effects (Tables 8.3/8.A.5)"] * 2 + ["pooled logit"],
            "clustering": ["dyad", "pair", "pair"],
            "coverage_95": [0.78, 0.87, 0.5],
            "critical_abs_t_5pct": [2.89, 2.57, 9.0],
        }
    )
    text = clustering_summary(placebo)
    assert "`dyad` (directed dyad, the chapter's): coverage 0.78, |t| needed at 5% 2.89" in text
    assert "`pair` (unordered country pair" in text and "2.57" in text
    assert "9.00" not in text  # the logit's row is not the gravity tables'
