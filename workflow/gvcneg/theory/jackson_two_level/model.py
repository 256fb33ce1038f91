"""The two-level game under certainty: negotiators, win-sets, and the bargaining outcome.

Specification (ours; the commentary gives the logic of Putnam's two-level game, not a model):

* One issue dimension, the depth of liberalization of the signed deal, ``x`` in [0, 1].
  Home is the reluctant liberalizer (in the commentary's illustration Japan, whose farmers and
  consumers resist opening), Foreign the demandeur (the United States, whose automakers demand
  Japanese concessions).
* Level I (negotiators): negotiator ``i`` has an ideal depth ``theta_i`` (``theta_H < theta_F``)
  and payoff ``U_i(x) = 1 - lambda_i |x - theta_i|`` from a ratified deal, 0 from no deal, with
  ``0 < lambda_i <= 1`` so that every deal in [0, 1] beats no deal for both negotiators: only the
  ratifiers restrict what can be agreed.
* Level II (ratifiers): Home's ratifier (the median member of the legislature, or a veto
  player) ratifies ``x`` iff ``x <= t_H``; Foreign's iff ``x >= t_F``. The win-sets are
  ``W_H = [0, t_H]`` and ``W_F = [t_F, 1]``; a deal exists iff they overlap (``t_F <= t_H``).
* Outcome: the (asymmetric) Nash bargaining solution with Home's bargaining power ``w`` over
  the overlap ``W_H ∩ W_F``. Because ``log U_H + log U_F`` is concave on [0, 1], the constrained
  solution is the projection (clamp) of the unconstrained one onto the overlap.

Unconstrained Nash solution (first-order condition on the Pareto set [theta_H, theta_F])::

    x_N = clamp(w theta_F + (1 - w) theta_H + (1 - w) / lambda_H - w / lambda_F,
                theta_H, theta_F)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


class GameSpecificationError(ValueError):
    """Parameters outside the model's domain (the message names the parameter and the range)."""


@dataclass(frozen=True)
class Negotiator:
    """A chief negotiator (Level I): ideal depth ``theta`` and weight ``lam`` on distance."""

    ideal_depth: float
    depth_weight: float

    def __post_init__(self):
        if not 0.0 <= self.ideal_depth <= 1.0:
            raise GameSpecificationError(f"ideal_depth = {self.ideal_depth} must be in [0, 1]")
        if not 0.0 < self.depth_weight <= 1.0:
            raise GameSpecificationError(
                f"depth_weight = {self.depth_weight} must be in (0, 1] "
                "(so that every deal beats no deal for the negotiator)"
            )


@dataclass(frozen=True)
class TwoLevelGame:
    """Home (reluctant liberalizer) and Foreign (demandeur) negotiators and Home's power ``w``."""

    home: Negotiator
    foreign: Negotiator
    home_bargaining_power: float

    def __post_init__(self):
        if not self.home.ideal_depth < self.foreign.ideal_depth:
            raise GameSpecificationError(
                f"Home's ideal depth ({self.home.ideal_depth}) must be below Foreign's "
                f"({self.foreign.ideal_depth}): Home is the reluctant liberalizer"
            )
        if not 0.0 < self.home_bargaining_power < 1.0:
            raise GameSpecificationError(
                f"home_bargaining_power = {self.home_bargaining_power} must be in (0, 1)"
            )

    @classmethod
    def from_config(cls, section: dict) -> TwoLevelGame:
        """Build the game from the ``jackson_two_level`` config section."""
        neg = section["negotiators"]
        return cls(
            home=Negotiator(neg["home"]["ideal_depth"], neg["home"]["depth_weight"]),
            foreign=Negotiator(neg["foreign"]["ideal_depth"], neg["foreign"]["depth_weight"]),
            home_bargaining_power=section["home_bargaining_power"],
        )


def negotiator_payoff(depth, negotiator: Negotiator):
    """``U_i(x) = 1 - lambda_i |x - theta_i|`` of a ratified deal at depth ``x`` (no deal: 0)."""
    return 1.0 - negotiator.depth_weight * np.abs(
        np.asarray(depth, dtype=float) - negotiator.ideal_depth
    )


def nash_product(depth, game: TwoLevelGame):
    """``U_H(x)^w U_F(x)^(1-w)``, the objective of the asymmetric Nash bargaining solution."""
    w = game.home_bargaining_power
    u_home = np.clip(negotiator_payoff(depth, game.home), 0.0, None)
    u_foreign = np.clip(negotiator_payoff(depth, game.foreign), 0.0, None)
    return u_home**w * u_foreign ** (1.0 - w)


def unconstrained_nash_depth(game: TwoLevelGame) -> float:
    """Closed form of the Nash bargaining solution without ratification constraints."""
    h, f = game.home.ideal_depth, game.foreign.ideal_depth
    lam_h, lam_f = game.home.depth_weight, game.foreign.depth_weight
    w = game.home_bargaining_power
    stationary = w * f + (1.0 - w) * h + (1.0 - w) / lam_h - w / lam_f
    return float(np.clip(stationary, h, f))


def win_set_home(home_threshold):
    """Home's win-set ``[0, t_H]``: the deals Home's ratifier accepts (empty if ``t_H < 0``)."""
    return 0.0, np.minimum(np.asarray(home_threshold, dtype=float), 1.0)


def win_set_foreign(foreign_threshold):
    """Foreign's win-set ``[t_F, 1]``: the deals Foreign's ratifier accepts."""
    return np.maximum(np.asarray(foreign_threshold, dtype=float), 0.0), 1.0


def win_set_overlap(home_threshold, foreign_threshold):
    """Lower and upper end of ``W_H ∩ W_F`` (NaN where the win-sets do not overlap)."""
    _, upper = win_set_home(home_threshold)
    lower, _ = win_set_foreign(foreign_threshold)
    lower, upper = np.broadcast_arrays(np.asarray(lower, float), np.asarray(upper, float))
    empty = lower > upper
    return np.where(empty, np.nan, lower), np.where(empty, np.nan, upper)


def deal_exists(home_threshold, foreign_threshold):
    """A deal that both ratifiers accept exists iff the win-sets overlap."""
    lower, _ = win_set_overlap(home_threshold, foreign_threshold)
    return ~np.isnan(lower)


def bargaining_outcome(game: TwoLevelGame, home_threshold, foreign_threshold):
    """Nash bargaining solution over the win-set overlap; NaN where no deal exists.

    The clamp of the unconstrained solution onto ``[max(t_F, 0), min(t_H, 1)]``.
    """
    lower, upper = win_set_overlap(home_threshold, foreign_threshold)
    return np.clip(unconstrained_nash_depth(game), lower, upper)


def home_constraint_binds(game: TwoLevelGame, home_threshold):
    """Whether Home's ratification constraint cuts off the unconstrained Nash solution."""
    return np.asarray(home_threshold, dtype=float) < unconstrained_nash_depth(game)


def model_parameters_table(game: TwoLevelGame, foreign_threshold: float) -> pd.DataFrame:
    """The parameters of the baseline game with their symbols and roles (for the report)."""
    rows = [
        ("theta_H", "Home negotiator's ideal depth", game.home.ideal_depth),
        ("theta_F", "Foreign negotiator's ideal depth", game.foreign.ideal_depth),
        ("lambda_H", "Home negotiator's weight on distance", game.home.depth_weight),
        ("lambda_F", "Foreign negotiator's weight on distance", game.foreign.depth_weight),
        ("w", "Home's bargaining power (Nash weight)", game.home_bargaining_power),
        ("t_F", "Foreign ratifier's minimum depth (belief mean)", foreign_threshold),
        ("x_N", "Nash solution without ratification (closed form)", unconstrained_nash_depth(game)),
    ]
    return pd.DataFrame(rows, columns=["symbol", "meaning", "value"])
