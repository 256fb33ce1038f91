"""Uncertainty about Foreign's threshold: closed-form agreement probability against a seeded
Monte Carlo, monotonicity in Home's constraint, the leverage/defection trade-off."""

import numpy as np
import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gvcneg.theory.jackson_two_level.model import bargaining_outcome, unconstrained_nash_depth
from gvcneg.theory.jackson_two_level.uncertainty import (
    ThresholdBelief,
    agreement_probability,
    beliefs_from_config,
    best_home_threshold,
    expected_payoffs,
    monte_carlo_agreement_probability,
    named_rng,
    optimal_tightening,
    signed_depth,
    threshold_draws,
)

from .strategies import games, unit

THRESHOLDS = np.linspace(0.0, 1.0, 101)
SEED = 20251123


@pytest.mark.parametrize("distribution", ["normal", "uniform"])
@pytest.mark.parametrize("spread", [0.02, 0.1])
def test_closed_form_matches_seeded_monte_carlo(baseline_game, distribution, spread):
    belief = ThresholdBelief(distribution, 0.4, spread)
    n = 40_000
    (draws,) = threshold_draws([belief], n, SEED)
    exact = agreement_probability(baseline_game, THRESHOLDS, belief)
    simulated = monte_carlo_agreement_probability(baseline_game, THRESHOLDS, belief, draws)
    se = np.sqrt(exact * (1 - exact) / n)
    # 5 standard errors per point (plus a floor where the probability is ~0 or ~1).
    assert np.all(np.abs(simulated - exact) <= 5 * se + 1e-3)


def test_uniform_cdf_is_the_integral_of_its_density():
    x, m, a, s = sympy.symbols("x mu a s", real=True)
    density = 1 / (2 * a)
    cdf = sympy.integrate(density, (s, m - a, x))
    belief = ThresholdBelief("uniform", 0.4, 0.1)
    for value in (0.31, 0.4, 0.45):
        expected = float(cdf.subs({x: value, m: 0.4, a: 0.1}))
        assert belief.cdf(value) == pytest.approx(expected)
    assert belief.cdf(0.2) == 0 and belief.cdf(0.6) == 1


def test_named_streams_are_reproducible_and_distinct():
    a1 = named_rng(SEED, "a").normal(size=5)
    a2 = named_rng(SEED, "a").normal(size=5)
    b = named_rng(SEED, "b").normal(size=5)
    assert np.array_equal(a1, a2)
    assert not np.array_equal(a1, b)


def test_each_belief_gets_its_own_draws():
    beliefs = [ThresholdBelief("normal", 0.4, s) for s in (0.05, 0.1)]
    first, second = threshold_draws(beliefs, 1000, SEED)
    assert np.std(first) == pytest.approx(0.05, rel=0.1)
    assert np.std(second) == pytest.approx(0.1, rel=0.1)
    assert not np.allclose(first / 0.05, second / 0.1)


@settings(max_examples=150, deadline=None)
@given(games(), unit, st.floats(0.005, 0.3), st.sampled_from(["normal", "uniform"]), unit, unit)
def test_tightening_lowers_the_agreement_probability(game, mean, spread, dist, a, b):
    """P(agreement) is weakly increasing in t_H, i.e. falls as Home's constraint tightens."""
    belief = ThresholdBelief(dist, mean, spread)
    tight, loose = sorted((a, b))
    p_tight = agreement_probability(game, tight, belief)
    p_loose = agreement_probability(game, loose, belief)
    assert p_tight <= p_loose + 1e-15
    moved = signed_depth(game, tight, belief) < signed_depth(game, loose, belief) - 1e-6
    if moved and 1e-6 < p_loose < 1 - 1e-6 and dist == "normal":
        assert p_tight < p_loose


@settings(max_examples=150, deadline=None)
@given(games(), unit, unit)
def test_vanishing_uncertainty_gives_the_certainty_outcome(game, mean, t_home):
    """As the belief's spread goes to 0 the signed deal is the certainty outcome; it is ratified
    for sure inside the expected win-set, never if the win-sets do not overlap, and with
    probability 1/2 where Foreign's expected constraint binds (signed exactly at the mean)."""
    assume(abs(t_home - mean) > 1e-3 and abs(unconstrained_nash_depth(game) - mean) > 1e-3)
    belief = ThresholdBelief("normal", mean, 1e-6)
    certain = bargaining_outcome(game, t_home, mean)
    prob = agreement_probability(game, t_home, belief)
    if mean > t_home:
        assert prob == pytest.approx(0.0, abs=1e-12)
    elif certain > mean:
        assert signed_depth(game, t_home, belief) == pytest.approx(certain)
        assert prob == pytest.approx(1.0)
    else:
        assert signed_depth(game, t_home, belief) == pytest.approx(mean)
        assert prob == pytest.approx(0.5)


def test_tying_hands_has_an_interior_optimum_that_shrinks_with_uncertainty(baseline_game):
    """Putnam's trade-off at the baseline: some tightening pays, but less the more uncertain
    Foreign's win-set is; the optimum accepts a positive risk of involuntary defection."""
    grid = np.round(np.linspace(0.2, 1.0, 161), 12)
    beliefs = [ThresholdBelief("normal", 0.35, s) for s in (0.025, 0.05, 0.1)]
    table = optimal_tightening(baseline_game, grid, beliefs)
    best = table["best_home_threshold"].to_numpy()
    x_n = unconstrained_nash_depth(baseline_game)
    assert np.all((best > 0.35) & (best < x_n))
    assert np.all(np.diff(best) > 0)
    assert np.all(table["home_expected_payoff_at_best"] > table["home_expected_payoff_slack"])
    assert np.all(table["agreement_probability_at_best"] < 1.0)


def test_best_threshold_maximizes_expected_payoff(baseline_game):
    grid = np.linspace(0.2, 1.0, 81)
    belief = ThresholdBelief("normal", 0.35, 0.05)
    best, value = best_home_threshold(baseline_game, grid, belief)
    home, _ = expected_payoffs(baseline_game, grid, belief)
    assert value == pytest.approx(home.max())
    assert home[np.isclose(grid, best)][0] == pytest.approx(value)


def test_beliefs_from_config_uses_foreign_threshold_as_mean():
    section = {
        "foreign_threshold": 0.3,
        "uncertainty": {"distribution": "uniform", "spreads": [0.1, 0.2], "monte_carlo_draws": 10},
    }
    beliefs = beliefs_from_config(section)
    assert [(b.distribution, b.mean, b.spread) for b in beliefs] == [
        ("uniform", 0.3, 0.1),
        ("uniform", 0.3, 0.2),
    ]


def test_unknown_distribution_is_rejected():
    with pytest.raises(ValueError, match="distribution"):
        ThresholdBelief("lognormal", 0.3, 0.1)
