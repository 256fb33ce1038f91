"""Uncertainty about Foreign's win-set: agreement probability and involuntary defection.

Putnam (1988): a smaller domestic win-set strengthens a negotiator's hand but raises the risk
that a signed deal is not ratified ("involuntary defection"). Specification (ours):

* Foreign's ratification threshold ``T_F`` is not known when the deal is signed (it is settled
  at the ratification vote, e.g. after lobbying); both negotiators share the belief
  ``T_F ~ N(mu, sigma^2)`` or ``T_F ~ U[mu - a, mu + a]``. Home's threshold ``t_H`` is known.
* Signing rule (certainty equivalent): the negotiators sign the Nash bargain over Home's
  win-set and Foreign's *expected* win-set ``[mu, 1]``; when these do not overlap they sign the
  deepest deal Home can ratify. Hence ``x_s(t_H) = clamp(x_N, min(mu, t_H), t_H)``, which
  reduces to the certainty outcome as the uncertainty vanishes.
* The deal is ratified iff ``T_F <= x_s``: ``P(agreement) = F(x_s)`` with ``F`` the belief's
  CDF (closed form); ``1 - F(x_s)`` is the probability of involuntary defection by Foreign.
* Expected payoff of negotiator ``i``: ``F(x_s) U_i(x_s)`` (no deal pays 0).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import special

from gvcneg.theory.jackson_two_level.model import (
    GameSpecificationError,
    TwoLevelGame,
    negotiator_payoff,
    unconstrained_nash_depth,
)

DISTRIBUTIONS = ("normal", "uniform")


@dataclass(frozen=True)
class ThresholdBelief:
    """Belief about Foreign's ratification threshold: normal (spread = sd) or uniform
    (spread = half-width) around ``mean``."""

    distribution: str
    mean: float
    spread: float

    def __post_init__(self):
        if self.distribution not in DISTRIBUTIONS:
            raise GameSpecificationError(
                f"distribution {self.distribution!r} not in {DISTRIBUTIONS}"
            )
        if not self.spread > 0:
            raise GameSpecificationError(f"spread = {self.spread} must be > 0")

    def cdf(self, depth):
        """``P(T_F <= x)``: the closed-form probability that Foreign's ratifier accepts ``x``."""
        depth = np.asarray(depth, dtype=float)
        if self.distribution == "normal":
            # the normal CDF as scipy.stats.norm.cdf computes it (standardise, then ndtr),
            # without importing scipy.stats (half a second of every job's start-up)
            return special.ndtr((depth - self.mean) / self.spread)
        return np.clip((depth - (self.mean - self.spread)) / (2.0 * self.spread), 0.0, 1.0)

    def sample(self, rng: np.random.Generator, size: int) -> np.ndarray:
        if self.distribution == "normal":
            return rng.normal(self.mean, self.spread, size)
        return rng.uniform(self.mean - self.spread, self.mean + self.spread, size)


def named_rng(seed: int, name: str) -> np.random.Generator:
    """A random stream derived from the config seed and a name (independent per use)."""
    key = zlib.crc32(name.encode("utf-8"))
    return np.random.default_rng(np.random.SeedSequence(entropy=seed, spawn_key=(key,)))


def signed_depth(game: TwoLevelGame, home_threshold, belief: ThresholdBelief):
    """Depth of the signed deal: ``clamp(x_N, min(mu, t_H), t_H)`` (certainty-equivalent rule)."""
    t_home = np.minimum(np.asarray(home_threshold, dtype=float), 1.0)
    lower = np.clip(np.minimum(belief.mean, t_home), 0.0, None)
    return np.clip(unconstrained_nash_depth(game), lower, t_home)


def agreement_probability(game: TwoLevelGame, home_threshold, belief: ThresholdBelief):
    """Closed form ``P(agreement) = F(x_s(t_H))``."""
    return belief.cdf(signed_depth(game, home_threshold, belief))


def expected_payoffs(game: TwoLevelGame, home_threshold, belief: ThresholdBelief):
    """Expected payoffs ``F(x_s) U_i(x_s)`` of the Home and Foreign negotiators."""
    depth = signed_depth(game, home_threshold, belief)
    prob = belief.cdf(depth)
    return prob * negotiator_payoff(depth, game.home), prob * negotiator_payoff(depth, game.foreign)


def monte_carlo_agreement_probability(
    game: TwoLevelGame, home_threshold, belief: ThresholdBelief, draws: np.ndarray
):
    """Share of simulated thresholds ``T_F`` that ratify the signed deal (common draws for
    every ``t_H``, so the simulated curve is itself monotone)."""
    depth = np.atleast_1d(signed_depth(game, home_threshold, belief))
    ordered = np.sort(np.asarray(draws, dtype=float))
    return np.searchsorted(ordered, depth, side="right") / ordered.size


def best_home_threshold(game: TwoLevelGame, home_thresholds, belief: ThresholdBelief):
    """Home threshold on the grid that maximizes the Home negotiator's expected payoff
    (Putnam's "tying hands"); ties go to the slackest threshold."""
    thresholds = np.asarray(home_thresholds, dtype=float)
    value, _ = expected_payoffs(game, thresholds, belief)
    best = np.flatnonzero(value >= value.max() - 1e-12)
    index = best[np.argmax(thresholds[best])]
    return float(thresholds[index]), float(value[index])


def optimal_tightening(
    game: TwoLevelGame, home_thresholds, beliefs: list[ThresholdBelief]
) -> pd.DataFrame:
    """Per belief: the Home threshold that maximizes Home's expected payoff, against the slack
    constraint (the trade-off between bargaining leverage and involuntary defection)."""
    thresholds = np.asarray(home_thresholds, dtype=float)
    slack = float(thresholds.max())
    rows = []
    for belief in beliefs:
        best, value = best_home_threshold(game, thresholds, belief)
        slack_home, _ = expected_payoffs(game, slack, belief)
        rows.append(
            {
                "distribution": belief.distribution,
                "belief_mean": belief.mean,
                "belief_spread": belief.spread,
                "best_home_threshold": best,
                "signed_depth_at_best": float(signed_depth(game, best, belief)),
                "agreement_probability_at_best": float(agreement_probability(game, best, belief)),
                "home_expected_payoff_at_best": value,
                "slack_home_threshold": slack,
                "signed_depth_slack": float(signed_depth(game, slack, belief)),
                "agreement_probability_slack": float(agreement_probability(game, slack, belief)),
                "home_expected_payoff_slack": float(slack_home),
            }
        )
    return pd.DataFrame(rows)


def beliefs_from_config(section: dict) -> list[ThresholdBelief]:
    """One belief about Foreign's threshold per configured spread (mean = ``foreign_threshold``)."""
    spec = section["uncertainty"]
    return [
        ThresholdBelief(spec["distribution"], section["foreign_threshold"], spread)
        for spread in spec["spreads"]
    ]


def threshold_draws(beliefs: list[ThresholdBelief], size: int, seed: int) -> list[np.ndarray]:
    """Simulated Foreign thresholds, one independent named stream per belief."""
    return [
        belief.sample(
            named_rng(
                seed,
                f"jackson_two_level/foreign_threshold/{belief.distribution}/"
                f"{belief.mean!r}/{belief.spread!r}",
            ),
            size,
        )
        for belief in beliefs
    ]
