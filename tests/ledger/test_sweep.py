"""Verdicts across a specification sweep: holds per specification from the published
comparison, k/n labels, and the main specification marked."""

import math

import pandas as pd
import pytest

from gvcneg.ledger.sweep import (
    FAILS_EVERYWHERE,
    FRAGILE,
    ROBUST,
    label,
    robustness,
    verdict_sweep,
)
from gvcneg.sweeps import specification_grid

TARGETS = [
    {
        "id": "doc.majority",
        "quantity": "share",
        "published": {"kind": "interval", "lower": 0.5, "lower_open": True},
    },
    {"id": "doc.negative", "quantity": "slope", "published": {"kind": "sign", "sign": "negative"}},
]


def _sweep():
    return pd.DataFrame(
        {
            "family": "f",
            "specification": ["a~1", "a~2", "a~3", "a~1", "a~2", "a~3"],
            "quantity": ["share"] * 3 + ["slope"] * 3,
            "value": [0.5, 0.6, math.nan, 0.2, 0.1, 0.3],
        }
    )


def test_holds_follows_the_published_bound_and_the_main_specification_is_marked():
    verdicts = verdict_sweep(_sweep(), TARGETS, {"f": "a~1"})
    share = verdicts[verdicts["claim"] == "doc.majority"].set_index("choices")
    assert share.loc["a~1", "holds"] == 0.0  # exactly 1/2 is not a majority
    assert share.loc["a~2", "holds"] == 1.0
    assert math.isnan(share.loc["a~3", "holds"])
    assert share["main"].tolist() == [True, False, False]


def test_robustness_counts_specifications_with_a_value_and_labels_them():
    labels = robustness(verdict_sweep(_sweep(), TARGETS, {"f": "a~1"})).set_index("id")
    assert labels.loc["doc.majority", "robustness"] == (
        "1/2 fragile (1 without a value); fails whenever a=1"
    )
    assert labels.loc["doc.negative", "robustness"] == "0/3 fails everywhere"


def test_the_choices_that_flip_a_fragile_verdict_are_named():
    sweep = pd.DataFrame(
        {
            "family": "f",
            "specification": ["fy~2025;g~a", "fy~2025;g~b", "fy~2024;g~a", "fy~2024;g~b"],
            "quantity": "slope",
            "value": [-1.0, -2.0, 1.0, 3.0],
        }
    )
    labels = robustness(verdict_sweep(sweep, TARGETS, {"f": "fy~2025;g~a"})).set_index("id")
    assert labels.loc["doc.negative", "robustness"] == "2/4 fragile; fails whenever fy=2024"


def test_labels():
    assert label(4, 4) == ROBUST
    assert label(1, 4) == FRAGILE
    assert label(0, 4) == FAILS_EVERYWHERE
    with pytest.raises(ValueError):
        label(0, 0)


def test_specification_grid_puts_the_main_specification_first_and_covers_the_product():
    grid = specification_grid({"fy": [2025, 2024, "end_year"], "balanced": [True, False]})
    assert grid.iloc[0].to_dict() == {"fy": 2025, "balanced": True}
    assert len(grid) == 6
    assert not grid.duplicated().any()
    with pytest.raises(ValueError):
        specification_grid({"fy": []})
