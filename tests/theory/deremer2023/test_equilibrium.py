"""Nash, reciprocity-stable (conditions (6), equation (7)) and public-preferred tariffs."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gvcneg.theory.deremer2023 import equilibrium as eq
from gvcneg.theory.deremer2023 import model
from gvcneg.theory.deremer2023.model import CountryPair, Weights

gamma_M = st.floats(1.0, 1.7)
gamma_E = st.floats(1.0, 1.7)


@settings(max_examples=60, deadline=None)
@given(gamma_M, gamma_E)
def test_numerical_solve_of_6_equals_equation_7_when_symmetric(gm, ge):
    weights = CountryPair.symmetric(gm, ge)
    closed = eq.equation_7(gm, ge)
    if not -1 < closed < 1 / 6:
        return  # outside the non-prohibitive region the paper considers
    solved = eq.solve_reciprocity_stable_tariffs(weights)
    assert solved.tau_x == pytest.approx(closed, abs=1e-10)
    assert solved.tau_y == pytest.approx(closed, abs=1e-10)


@settings(max_examples=40, deadline=None)
@given(gamma_M, gamma_E, st.floats(0.9, 1.1), st.floats(0.9, 1.1))
def test_asymmetric_solution_satisfies_6_and_lies_on_the_frontier(gm, ge, sm, se):
    weights = CountryPair(Weights(gm, ge), Weights(gm * sm, ge * se))
    try:
        solved = eq.solve_reciprocity_stable_tariffs(weights)
    except eq.SolveError:
        return  # no non-prohibitive solution: reported by the grid, not a test failure
    residual = eq.reciprocity_conditions([solved.tau_x, solved.tau_y], weights)
    np.testing.assert_allclose(residual, 0.0, atol=1e-10)
    assert eq.efficiency_frontier_condition(solved.tau_x, solved.tau_y, weights) == pytest.approx(
        0.0, abs=1e-10
    )


def test_figure_1_stable_point_is_small_and_positive_and_below_nash():
    weights = CountryPair.symmetric(1.2, 1.1)
    stable = eq.solve_reciprocity_stable_tariffs(weights)
    nash = eq.nash_tariffs(weights)
    assert 0 < stable.tau_x < nash.tau_x < 1 / 6


@pytest.mark.parametrize("gm", [1.0, 1.2, 1.5])
def test_nash_tariff_is_a_best_response_and_matches_closed_form(gm):
    weights = CountryPair.symmetric(gm, 1.1)
    nash = eq.nash_tariffs(weights)
    assert nash.tau_x == pytest.approx(eq.nash_tariff_closed_form(gm), abs=1e-12)
    best = model.importer_objective(nash.tau_x, gm)
    for step in (-1e-3, 1e-3):
        assert model.importer_objective(nash.tau_x + step, gm) < best


def test_asymmetric_example_differs_by_country():
    weights = CountryPair(Weights(1.3, 1.15), Weights(1.1, 1.05))
    solved = eq.solve_reciprocity_stable_tariffs(weights)
    assert solved.tau_x != pytest.approx(solved.tau_y, abs=1e-4)


@settings(max_examples=60, deadline=None)
@given(gamma_M, gamma_E, st.floats(0.01, 0.5))
def test_remark_1_public_prefers_higher_tariffs_with_equal_import_weights(gm, ge, gap):
    government = CountryPair.symmetric(gm, ge)
    public = CountryPair.symmetric(gm, ge - gap)
    try:
        g = eq.solve_reciprocity_stable_tariffs(government)
        w = eq.solve_public_preferred_tariffs(public)
    except eq.SolveError:
        return
    assert w.tau_x > g.tau_x


def test_solver_fails_loudly_outside_the_domain():
    # Export weight far below the import weight: equation (7) is prohibitive.
    weights = CountryPair.symmetric(1.7, 0.5)
    assert eq.equation_7(1.7, 0.5) > 1 / 6
    with pytest.raises(eq.SolveError, match="non-prohibitive"):
        eq.solve_reciprocity_stable_tariffs(weights)
