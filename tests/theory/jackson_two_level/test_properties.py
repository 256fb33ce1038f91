"""The grid checks behind the ledger's claims hold for the model and fail for broken models."""

import numpy as np
import pytest

from gvcneg.theory.jackson_two_level import model, properties
from gvcneg.theory.jackson_two_level.properties import (
    build_property_grid,
    check_agreement_probability_falls,
    check_deal_iff_overlap,
    check_schelling_conjecture,
    claim_shares,
    evaluate_property_grid,
)
from gvcneg.theory.jackson_two_level.uncertainty import ThresholdBelief

T_HOME = np.linspace(0.0, 1.0, 41)
DEPTH = np.linspace(0.0, 1.0, 101)


def test_grid_is_the_full_cartesian_product(small_grid_config):
    grid = build_property_grid(small_grid_config)
    assert len(grid) == 2 * 2 * 2 * 2 * 2
    assert not grid.duplicated(subset=properties.GAME_PARAMETERS).any()


def test_every_claim_holds_on_the_grid(small_grid_config):
    evaluated = evaluate_property_grid(build_property_grid(small_grid_config), small_grid_config)
    assert (evaluated["schelling_pairs"] > 0).all()
    assert claim_shares(evaluated) == {
        "schelling_conjecture_share": 1.0,
        "agreement_probability_falls_share": 1.0,
        "deal_iff_winsets_overlap_share": 1.0,
    }


def test_checks_count_the_comparisons(baseline_game):
    pairs, holds = check_schelling_conjecture(baseline_game, T_HOME, 0.35)
    # thresholds 0.35, 0.375, ... 1.0 have a deal: 27 thresholds, 26 adjacent pairs
    assert (pairs, holds) == (26, 26)
    cases, ok = check_deal_iff_overlap(baseline_game, DEPTH, 5)
    assert cases == 21 * 21 and ok == cases


def test_overlap_check_fails_if_constraints_are_ignored(baseline_game, monkeypatch):
    """A model that ignores ratification (always x_N) must fail the win-set claim."""
    monkeypatch.setattr(
        properties,
        "bargaining_outcome",
        lambda game, t_h, t_f: np.full(np.shape(t_h), model.unconstrained_nash_depth(game)),
    )
    cases, ok = check_deal_iff_overlap(baseline_game, DEPTH, 5)
    assert ok < cases


def test_overlap_check_fails_if_the_outcome_is_not_nash(baseline_game, monkeypatch):
    """The midpoint of the overlap is ratifiable but not the Nash solution."""

    def midpoint(game, t_h, t_f):
        lower, upper = model.win_set_overlap(t_h, t_f)
        return (lower + upper) / 2

    monkeypatch.setattr(properties, "bargaining_outcome", midpoint)
    cases, ok = check_deal_iff_overlap(baseline_game, DEPTH, 5)
    assert ok < cases


def test_schelling_check_fails_if_tightening_helped_foreign(baseline_game):
    def helps_foreign(game, t_h, t_f):
        return np.where(np.asarray(t_h) >= t_f, 1.0 - np.asarray(t_h), np.nan)

    pairs, holds = check_schelling_conjecture(baseline_game, T_HOME, 0.35, outcome=helps_foreign)
    assert holds < pairs


def test_probability_check_fails_if_probability_rose_with_tightening(baseline_game):
    pairs, holds = check_agreement_probability_falls(
        baseline_game,
        T_HOME,
        ThresholdBelief("normal", 0.35, 0.05),
        probability=lambda game, t, belief: 1.0 - np.asarray(t),
    )
    assert holds == 0 and pairs == T_HOME.size - 1


@pytest.mark.parametrize("distribution", ["normal", "uniform"])
def test_probability_check_holds_for_both_beliefs(baseline_game, distribution):
    pairs, holds = check_agreement_probability_falls(
        baseline_game, T_HOME, ThresholdBelief(distribution, 0.35, 0.05)
    )
    assert pairs == holds == T_HOME.size - 1
