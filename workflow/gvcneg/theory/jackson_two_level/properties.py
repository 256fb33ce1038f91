"""The model's claims checked over a grid of parameters (values for the ledger).

Each function returns one row per grid game with the number of comparisons made and the
number where the claim holds; the ledger value is the share over the whole grid (1 = the
claim holds everywhere on the grid).

* Schelling conjecture: tightening Home's constraint moves the outcome toward Home's side
  (weakly; strictly where the constraint binds), lowers Foreign's payoff, and raises Home's
  negotiator's payoff as long as the constraint is not tighter than Home's own ideal depth.
* Involuntary defection: with Foreign's threshold uncertain, tightening Home's constraint
  weakly lowers the probability of agreement, strictly where the signed deal moves and the
  belief puts mass between the old and new depth.
* Win-sets: a deal both ratifiers accept exists iff the win-sets overlap (checked by brute
  force over a grid of depths), and the outcome is ratified by both and maximizes the Nash
  product over the overlap.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np
import pandas as pd

from gvcneg.theory.jackson_two_level.model import (
    Negotiator,
    TwoLevelGame,
    bargaining_outcome,
    deal_exists,
    nash_product,
    negotiator_payoff,
)
from gvcneg.theory.jackson_two_level.uncertainty import (
    DISTRIBUTIONS,
    ThresholdBelief,
    agreement_probability,
    signed_depth,
)

TOL = 1e-12
GAME_PARAMETERS = [
    "home_ideal_depth",
    "foreign_ideal_depth",
    "home_depth_weight",
    "foreign_depth_weight",
    "home_bargaining_power",
]


def _axis(spec) -> np.ndarray:
    if isinstance(spec, dict):
        return np.round(np.linspace(spec["min"], spec["max"], spec["points"]), 12)
    return np.asarray(spec, dtype=float)


def build_property_grid(grid_config: dict) -> pd.DataFrame:
    """Every combination of the grid's game parameters, one row per game, in a fixed order."""
    axes = [
        _axis(grid_config["home_ideal_depth"]),
        _axis(grid_config["foreign_ideal_depth"]),
        _axis(grid_config["depth_weight"]),
        _axis(grid_config["depth_weight"]),
        _axis(grid_config["home_bargaining_power"]),
    ]
    frame = pd.DataFrame(list(itertools.product(*axes)), columns=GAME_PARAMETERS)
    frame.insert(0, "game_id", np.arange(len(frame)))
    return frame


def game_at(row) -> TwoLevelGame:
    return TwoLevelGame(
        Negotiator(row["home_ideal_depth"], row["home_depth_weight"]),
        Negotiator(row["foreign_ideal_depth"], row["foreign_depth_weight"]),
        row["home_bargaining_power"],
    )


def check_schelling_conjecture(
    game: TwoLevelGame,
    home_thresholds: np.ndarray,
    foreign_threshold: float,
    outcome: Callable = bargaining_outcome,
) -> tuple[int, int]:
    """(comparisons, holds) over adjacent pairs of ``t_H`` where the win-sets overlap at both.

    ``outcome(game, t_H, t_F)`` is the signed depth (the model's: the Nash bargain projected on
    the overlap). A signed deal outside the actual win-sets is not ratified and pays 0, so the
    claim can fail where the outcome does not respond to Home's constraint, e.g. when Foreign
    does not observe it (see ``falsifiability``).
    """
    t = np.sort(np.asarray(home_thresholds, dtype=float))
    x = np.asarray(outcome(game, t, foreign_threshold), dtype=float)
    overlap = deal_exists(t, foreign_threshold)
    with np.errstate(invalid="ignore"):
        ratified = overlap & (x <= t + TOL) & (x >= foreign_threshold - TOL)
    pair = overlap[:-1] & overlap[1:]
    tight, loose = slice(None, -1), slice(1, None)
    both = ratified[tight] & ratified[loose]
    x_tight, x_loose = x[tight], x[loose]
    with np.errstate(invalid="ignore"):
        toward_home = np.where(both, x_tight <= x_loose + TOL, True)
        strict_if_binding = np.where(
            t[tight] < x_loose - TOL, both & (x_tight < x_loose - TOL), True
        )
    u_f = np.where(ratified, negotiator_payoff(np.nan_to_num(x), game.foreign), 0.0)
    foreign_loses = u_f[tight] <= u_f[loose] + TOL
    u_h = np.where(ratified, negotiator_payoff(np.nan_to_num(x), game.home), 0.0)
    home_gains = np.where(t[tight] >= game.home.ideal_depth, u_h[tight] >= u_h[loose] - TOL, True)
    holds = both & toward_home & strict_if_binding & foreign_loses & home_gains
    return int(pair.sum()), int((holds & pair).sum())


def agreement_probability_richer(
    game: TwoLevelGame,
    home_thresholds: np.ndarray,
    belief: ThresholdBelief,
    reverberation: float = 0.0,
    home_spread: float = 0.0,
) -> np.ndarray:
    """P(agreement) in a richer model than the baseline (which has both extras at 0).

    * ``reverberation`` (Putnam's term): Foreign's expected threshold falls by this much per
      unit Home's constraint is tightened from the slackest on the grid (a visibly constrained
      Home softens Foreign's ratifiers).
    * ``home_spread``: two-sided uncertainty; Home's threshold is also unknown at signing,
      T_H ~ the same family as Foreign's belief, centred on t_H; the deal needs T_H >= x_s too.
    """
    t = np.asarray(home_thresholds, dtype=float)
    slack = float(t.max())
    probs = []
    for t_h in t:
        shifted = ThresholdBelief(
            belief.distribution, belief.mean - reverberation * (slack - t_h), belief.spread
        )
        p = float(agreement_probability(game, t_h, shifted))
        if home_spread > 0:
            depth = float(signed_depth(game, t_h, shifted))
            home = ThresholdBelief(belief.distribution, t_h, home_spread)
            p *= 1.0 - float(home.cdf(depth))
        probs.append(p)
    return np.asarray(probs)


def check_agreement_probability_falls(
    game: TwoLevelGame,
    home_thresholds: np.ndarray,
    belief: ThresholdBelief,
    probability: Callable | None = None,
) -> tuple[int, int]:
    """(comparisons, holds) over adjacent pairs of ``t_H``.

    ``probability(game, t_H, belief)`` defaults to the baseline closed form; the falsifiability
    table passes richer or perturbed models through it.
    """
    t = np.sort(np.asarray(home_thresholds, dtype=float))
    prob = (probability or agreement_probability)(game, t, belief)
    depth = signed_depth(game, t, belief)
    tight, loose = slice(None, -1), slice(1, None)
    weakly = prob[tight] <= prob[loose] + TOL
    interior = (prob[loose] > 1e-9) & (prob[loose] < 1.0 - 1e-9)
    moved = depth[tight] < depth[loose] - TOL
    strictly = np.where(interior & moved, prob[tight] < prob[loose], True)
    holds = weakly & strictly
    return int(holds.size), int(holds.sum())


def _range_maxima(values: np.ndarray) -> np.ndarray:
    """``M[i, j] = max(values[i..j])`` for ``i <= j`` (NaN below the diagonal)."""
    n = values.size
    table = np.full((n, n), np.nan)
    for i in range(n):
        table[i, i:] = np.maximum.accumulate(values[i:])
    return table


def check_deal_iff_overlap(
    game: TwoLevelGame, depth_grid: np.ndarray, threshold_step: int, signing_cost: float = 0.0
) -> tuple[int, int]:
    """Brute force over thresholds taken from ``depth_grid`` (every ``threshold_step``-th point):
    a depth both ratifiers accept *and* both negotiators prefer to no deal (net of a signing or
    ratification cost ``signing_cost``, 0 in the baseline) exists iff ``t_F <= t_H``; where it
    does, the outcome lies in both win-sets and its Nash product is the maximum over the
    overlap's grid depths. With a positive cost the claim can fail: the win-sets overlap only
    on deals a negotiator would rather not sign."""
    depth = np.asarray(depth_grid, dtype=float)
    index = np.arange(0, depth.size, threshold_step)
    i_home, i_foreign = (a.ravel() for a in np.meshgrid(index, index, indexing="ij"))
    t_home, t_foreign = depth[i_home], depth[i_foreign]
    # Brute force: is some grid depth in both win-sets?
    signable = (negotiator_payoff(depth, game.home) >= signing_cost) & (
        negotiator_payoff(depth, game.foreign) >= signing_cost
    )
    accepted = (
        (depth[None, :] <= t_home[:, None])
        & (depth[None, :] >= t_foreign[:, None])
        & signable[None, :]
    )
    brute_exists = accepted.any(axis=1)
    model_exists = deal_exists(t_home, t_foreign)
    outcome = bargaining_outcome(game, t_home, t_foreign)
    maxima = _range_maxima(nash_product(depth, game))
    best_on_grid = np.where(brute_exists, maxima[i_foreign, np.maximum(i_home, i_foreign)], np.nan)
    with np.errstate(invalid="ignore"):
        ratified = (outcome <= t_home + TOL) & (outcome >= t_foreign - TOL)
        optimal = nash_product(np.nan_to_num(outcome), game) >= best_on_grid - 1e-10
    holds = (brute_exists == model_exists) & np.where(brute_exists, ratified & optimal, True)
    return int(holds.size), int(holds.sum())


def evaluate_property_grid(grid: pd.DataFrame, grid_config: dict) -> pd.DataFrame:
    """One row per grid game: comparisons made and comparisons where each claim holds."""
    t_home = _axis(grid_config["home_threshold"])
    t_foreign = _axis(grid_config["foreign_threshold"])
    spreads = _axis(grid_config["belief_spread"])
    depth = _axis(grid_config["depth"])
    rows = []
    for _, row in grid.iterrows():
        game = game_at(row)
        schelling = np.sum(
            [check_schelling_conjecture(game, t_home, tf) for tf in t_foreign], axis=0
        )
        falls = np.sum(
            [
                check_agreement_probability_falls(game, t_home, ThresholdBelief(dist, mu, s))
                for dist in DISTRIBUTIONS
                for mu in t_foreign
                for s in spreads
            ],
            axis=0,
        )
        overlap = check_deal_iff_overlap(game, depth, grid_config["threshold_step"])
        rows.append(
            {
                **row.to_dict(),
                "schelling_pairs": schelling[0],
                "schelling_holds": schelling[1],
                "probability_pairs": falls[0],
                "probability_holds": falls[1],
                "overlap_cases": overlap[0],
                "overlap_holds": overlap[1],
            }
        )
    return pd.DataFrame(rows)


def claim_shares(evaluated: pd.DataFrame) -> dict[str, float]:
    """Share of all comparisons on the grid where each claim holds."""
    return {
        claim: evaluated[f"{prefix}_holds"].sum() / evaluated[f"{prefix}_{count}"].sum()
        for claim, prefix, count in (
            ("schelling_conjecture_share", "schelling", "pairs"),
            ("agreement_probability_falls_share", "probability", "pairs"),
            ("deal_iff_winsets_overlap_share", "overlap", "cases"),
        )
    }
