"""The two-level game under certainty: closed-form Nash solution, win-sets, the outcome."""

import numpy as np
import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import optimize

from gvcneg.theory.jackson_two_level import model
from gvcneg.theory.jackson_two_level.model import (
    GameSpecificationError,
    Negotiator,
    TwoLevelGame,
    bargaining_outcome,
    deal_exists,
    nash_product,
    negotiator_payoff,
    unconstrained_nash_depth,
)

from .strategies import games, unit

FINE = np.linspace(0.0, 1.0, 20001)


def test_closed_form_is_the_stationary_point_of_the_log_nash_product():
    """sympy: the first-order condition on the Pareto set [theta_H, theta_F] gives x_N."""
    x, h, f, lh, lf, w = sympy.symbols("x theta_H theta_F lambda_H lambda_F w", positive=True)
    log_nash = w * sympy.log(1 - lh * (x - h)) + (1 - w) * sympy.log(1 - lf * (f - x))
    (solution,) = sympy.solve(sympy.diff(log_nash, x), x)
    closed = w * f + (1 - w) * h + (1 - w) / lh - w / lf
    assert sympy.simplify(solution - closed) == 0


@settings(max_examples=200, deadline=None)
@given(games())
def test_closed_form_maximizes_the_nash_product(game):
    """Closed form against a bounded numerical maximization over the whole issue space."""
    numeric = optimize.minimize_scalar(
        lambda x: -np.log(nash_product(x, game) + 1e-300),
        bounds=(0.0, 1.0),
        method="bounded",
        options={"xatol": 1e-10},
    )
    closed = unconstrained_nash_depth(game)
    assert nash_product(closed, game) >= nash_product(numeric.x, game) - 1e-9
    assert closed == pytest.approx(numeric.x, abs=1e-5)
    assert game.home.ideal_depth <= closed <= game.foreign.ideal_depth


def test_symmetric_game_splits_the_difference():
    game = TwoLevelGame(Negotiator(0.2, 0.7), Negotiator(0.6, 0.7), 0.5)
    assert unconstrained_nash_depth(game) == pytest.approx(0.4)


def test_more_bargaining_power_moves_the_solution_toward_home():
    weak, strong = (TwoLevelGame(Negotiator(0.2, 0.8), Negotiator(0.9, 0.8), w) for w in (0.3, 0.7))
    assert unconstrained_nash_depth(strong) < unconstrained_nash_depth(weak)


@settings(max_examples=200, deadline=None)
@given(games(), unit, unit)
def test_deal_exists_iff_win_sets_overlap(game, t_home, t_foreign):
    """A deal exists iff some depth lies in both win-sets (searched on a fine grid)."""
    t_home, t_foreign = np.round(t_home, 3), np.round(t_foreign, 3)
    grid = np.round(FINE, 6)
    both = (grid <= t_home) & (grid >= t_foreign)
    assert bool(deal_exists(t_home, t_foreign)) == bool(both.any())
    outcome = bargaining_outcome(game, t_home, t_foreign)
    assert np.isnan(outcome) == (not both.any())


@settings(max_examples=200, deadline=None)
@given(games(), unit, unit)
def test_outcome_is_the_nash_solution_over_the_overlap(game, a, b):
    """The clamp of x_N equals the argmax of the Nash product over the overlap (fine grid)."""
    t_foreign, t_home = sorted((a, b))
    outcome = bargaining_outcome(game, t_home, t_foreign)
    assert t_foreign <= outcome <= t_home
    feasible = FINE[(FINE >= t_foreign) & (FINE <= t_home)]
    assume(feasible.size > 0)
    assert nash_product(outcome, game) >= nash_product(feasible, game).max() - 1e-12


@settings(max_examples=200, deadline=None)
@given(games(), unit, unit, unit)
def test_tightening_home_constraint_moves_outcome_toward_home(game, t_foreign, a, b):
    """Schelling conjecture: t_H' < t_H (both with a deal) gives x*(t_H') <= x*(t_H), with
    equality iff the tighter constraint does not bind; Foreign never gains."""
    tight, loose = sorted((a, b))
    assume(t_foreign <= tight)
    x_tight = bargaining_outcome(game, tight, t_foreign)
    x_loose = bargaining_outcome(game, loose, t_foreign)
    assert x_tight <= x_loose
    assert (x_tight < x_loose) == (tight < x_loose)
    assert negotiator_payoff(x_tight, game.foreign) <= negotiator_payoff(x_loose, game.foreign)
    if tight >= game.home.ideal_depth:
        assert negotiator_payoff(x_tight, game.home) >= negotiator_payoff(x_loose, game.home)


def test_outcome_follows_a_binding_constraint_one_for_one(baseline_game):
    x_n = unconstrained_nash_depth(baseline_game)
    t = np.array([x_n - 0.1, x_n - 0.05])
    assert np.diff(bargaining_outcome(baseline_game, t, 0.0)) == pytest.approx([0.05])
    assert bargaining_outcome(baseline_game, x_n + 0.2, 0.0) == pytest.approx(x_n)


def test_every_deal_beats_no_deal_for_both_negotiators():
    game = TwoLevelGame(Negotiator(0.0, 1.0), Negotiator(1.0, 1.0), 0.5)
    assert negotiator_payoff(FINE, game.home).min() >= 0
    assert negotiator_payoff(FINE, game.foreign).min() >= 0


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Negotiator(1.2, 0.5), "ideal_depth"),
        (lambda: Negotiator(0.5, 1.5), "depth_weight"),
        (lambda: TwoLevelGame(Negotiator(0.7, 0.5), Negotiator(0.3, 0.5), 0.5), "reluctant"),
        (lambda: TwoLevelGame(Negotiator(0.3, 0.5), Negotiator(0.7, 0.5), 1.0), "bargaining"),
    ],
)
def test_parameters_outside_the_domain_are_rejected_by_name(make, message):
    with pytest.raises(GameSpecificationError, match=message):
        make()


def test_from_config_reads_the_config_section():
    section = {
        "negotiators": {
            "home": {"ideal_depth": 0.25, "depth_weight": 0.5},
            "foreign": {"ideal_depth": 0.75, "depth_weight": 0.6},
        },
        "home_bargaining_power": 0.4,
    }
    game = TwoLevelGame.from_config(section)
    assert game.home == Negotiator(0.25, 0.5)
    assert game.foreign == Negotiator(0.75, 0.6)
    assert game.home_bargaining_power == 0.4


def test_parameters_table_reports_the_closed_form(baseline_game):
    table = model.model_parameters_table(baseline_game, 0.35)
    row = table.set_index("symbol").loc["x_N", "value"]
    assert row == pytest.approx(unconstrained_nash_depth(baseline_game))


@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_win_sets_are_the_ratifiers_acceptance_sets(t_home, t_foreign):
    _, top = model.win_set_home(t_home)
    bottom, _ = model.win_set_foreign(t_foreign)
    assert top == t_home and bottom == t_foreign
