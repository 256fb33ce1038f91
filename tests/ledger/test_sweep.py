"""Verdicts across a specification sweep: holds per specification from the published
comparison, k/n labels over the document's readings only, inert choices not counted,
specifications without a value counted, the choices that flip a fragile verdict named, the
specifications beyond the document reported apart (sensitivity)."""

import math

import pandas as pd
import pytest

from gvcneg.ledger.sweep import (
    FAILS_EVERYWHERE,
    FRAGILE,
    ROBUST,
    describe_subset,
    inert_choices,
    label,
    robustness,
    verdict_sweep,
)
from gvcneg.sweeps import BEYOND, DOCUMENT, specification_grid

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
        "1/2 fragile; 1 of 3 specifications give no value; fails when a=1"
    )
    assert labels.loc["doc.majority", "no_value"] == 1
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
    assert labels.loc["doc.negative", "robustness"] == "2/4 fragile; fails when fy=2024"


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


def test_a_specification_that_does_not_compute_the_quantity_counts_as_no_value():
    sweep = pd.DataFrame(
        {
            "family": "f",
            "specification": ["a~1", "a~2", "a~2", "a~3"],
            "quantity": ["slope", "slope", "other", "other"],
            "value": [-1.0, -2.0, 0.0, 0.0],
        }
    )
    verdicts = verdict_sweep(sweep, TARGETS, {"f": "a~1"})
    slope = verdicts[verdicts["claim"] == "doc.negative"].set_index("choices")
    assert list(slope.index) == ["a~1", "a~2", "a~3"]
    assert math.isnan(slope.loc["a~3", "value"])
    labels = robustness(verdicts).set_index("id")
    assert labels.loc["doc.negative", "robustness"] == (
        "2/2 robust; 1 of 3 specifications give no value"
    )


def test_a_choice_that_changes_nothing_for_a_claim_is_not_counted_and_is_named():
    # income status changes nothing for the slope; cov changes it.
    names = [f"status~{s};cov~{c}" for s in (2025, 2024, 2026) for c in ("HC1", "HC3")]
    values = [-1.0 if c == "HC1" else -0.5 for s in (2025, 2024, 2026) for c in ("HC1", "HC3")]
    sweep = pd.DataFrame(
        {"family": "f", "specification": names, "quantity": "slope", "value": values}
    )
    verdicts = verdict_sweep(sweep, TARGETS, {"f": names[0]})
    assert inert_choices(verdicts[verdicts["claim"] == "doc.negative"]) == ["status"]
    labels = robustness(verdicts).set_index("id")
    assert labels.loc["doc.negative", "robustness"] == "2/2 robust; changes nothing: status"


def test_specifications_beyond_the_document_are_sensitivity_only():
    names = [f"gini~{g}" for g in ("wid_pretax", "wid_posttax", "swiid", "pip")]
    sweep = pd.DataFrame(
        {"family": "f", "specification": names, "quantity": "slope", "value": [-1, -2, 3, 4]}
    )
    beyond = {"f": {"gini": ["swiid", "pip"]}}
    verdicts = verdict_sweep(sweep, TARGETS, {"f": names[0]}, beyond)
    assert verdicts["basis"].tolist() == [DOCUMENT, DOCUMENT, BEYOND, BEYOND]
    labels = robustness(verdicts).set_index("id")
    # SWIID and PIP fail, but they are not the document's source: robust on its readings.
    assert labels.loc["doc.negative", "robustness"] == "2/2 robust"
    assert labels.loc["doc.negative", "label"] == ROBUST
    assert labels.loc["doc.negative", "sensitivity"] == (
        "0/2 hold beyond the document — gini=swiid: 0/1; gini=pip: 0/1"
    )


def test_a_fragile_verdict_that_fails_only_in_a_combination_names_the_combination():
    names, values = [], []
    for fy in (2025, 2024):
        for g in ("pre", "post"):
            for b in (True, False):
                names.append(f"fy~{fy};g~{g};b~{b}")
                values.append(1.0 if (fy == 2024 and g == "pre") else -1.0)
    sweep = pd.DataFrame(
        {"family": "f", "specification": names, "quantity": "slope", "value": values}
    )
    labels = robustness(verdict_sweep(sweep, TARGETS, {"f": names[0]})).set_index("id")
    # b changes nothing; the two flipping choices are named together.
    assert labels.loc["doc.negative", "robustness"] == (
        "3/4 fragile; fails when fy=2024 & g=pre; changes nothing: b"
    )


def test_describe_subset_covers_exactly_the_flagged_specifications():
    choices = pd.DataFrame(
        {"x": ["1", "1", "2", "2", "3", "3"], "y": ["a", "b", "a", "b", "a", "b"]}
    )
    flagged = pd.Series([True, True, False, True, False, False])
    assert describe_subset(choices, flagged) == "x=1, or x=2 & y=b"
