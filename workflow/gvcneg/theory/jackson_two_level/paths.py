"""Comparative-statics paths along Home's ratification threshold (the data of the figures)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from gvcneg.theory.jackson_two_level.model import (
    TwoLevelGame,
    bargaining_outcome,
    deal_exists,
    home_constraint_binds,
    negotiator_payoff,
    unconstrained_nash_depth,
    win_set_overlap,
)
from gvcneg.theory.jackson_two_level.uncertainty import (
    ThresholdBelief,
    agreement_probability,
    expected_payoffs,
    monte_carlo_agreement_probability,
    signed_depth,
)


def threshold_grid(spec: dict) -> np.ndarray:
    """Home thresholds ``t_H`` from the config's ``{min, max, points}`` (rounded to 12 digits)."""
    return np.round(np.linspace(spec["min"], spec["max"], spec["points"]), 12)


def solve_constraint_path(
    game: TwoLevelGame, home_thresholds: np.ndarray, foreign_threshold: float
) -> pd.DataFrame:
    """Win-sets, the Nash outcome and payoffs as Home's constraint ``t_H`` tightens (certainty)."""
    t_home = np.asarray(home_thresholds, dtype=float)
    lower, upper = win_set_overlap(t_home, foreign_threshold)
    outcome = bargaining_outcome(game, t_home, foreign_threshold)
    exists = deal_exists(t_home, foreign_threshold)
    return pd.DataFrame(
        {
            "home_threshold": t_home,
            "foreign_threshold": foreign_threshold,
            "overlap_lower": lower,
            "overlap_upper": upper,
            "deal_exists": exists.astype(int),
            "home_constraint_binds": (home_constraint_binds(game, t_home) & exists).astype(int),
            "unconstrained_nash_depth": unconstrained_nash_depth(game),
            "outcome_depth": outcome,
            "home_payoff": np.where(exists, negotiator_payoff(outcome, game.home), 0.0),
            "foreign_payoff": np.where(exists, negotiator_payoff(outcome, game.foreign), 0.0),
            "home_ideal_depth": game.home.ideal_depth,
            "foreign_ideal_depth": game.foreign.ideal_depth,
        }
    )


def solve_defection_paths(
    game: TwoLevelGame,
    home_thresholds: np.ndarray,
    beliefs: list[ThresholdBelief],
    draws: list[np.ndarray],
) -> pd.DataFrame:
    """Agreement probability (closed form and Monte Carlo) and expected payoffs along ``t_H``,
    one block per belief about Foreign's threshold."""
    t_home = np.asarray(home_thresholds, dtype=float)
    blocks = []
    for belief, sample in zip(beliefs, draws, strict=True):
        prob = agreement_probability(game, t_home, belief)
        prob_mc = monte_carlo_agreement_probability(game, t_home, belief, sample)
        home_value, foreign_value = expected_payoffs(game, t_home, belief)
        blocks.append(
            pd.DataFrame(
                {
                    "distribution": belief.distribution,
                    "belief_mean": belief.mean,
                    "belief_spread": belief.spread,
                    "home_threshold": t_home,
                    "signed_depth": signed_depth(game, t_home, belief),
                    "agreement_probability": prob,
                    "agreement_probability_mc": prob_mc,
                    "mc_draws": sample.size,
                    "mc_standard_error": np.sqrt(prob * (1.0 - prob) / sample.size),
                    "involuntary_defection_probability": 1.0 - prob,
                    "home_expected_payoff": home_value,
                    "foreign_expected_payoff": foreign_value,
                }
            )
        )
    return pd.concat(blocks, ignore_index=True)
