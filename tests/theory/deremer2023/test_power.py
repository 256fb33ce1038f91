"""Section 4: frontier points, comparative statics and Remark 2's decomposition."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gvcneg.theory.deremer2023 import equilibrium as eq
from gvcneg.theory.deremer2023 import power
from gvcneg.theory.deremer2023.model import CountryPair, Weights

GOV = CountryPair(Weights(1.3, 1.15), Weights(1.1, 1.05))
PUBLIC = CountryPair(Weights(1.3, 1.0), Weights(1.1, 1.0))


def test_rules_based_point_maximises_weighted_objective_at_lambda_R():
    stable = eq.solve_reciprocity_stable_tariffs(GOV)
    lam = power.rules_based_lambda(stable, GOV)
    point = power.frontier_point(lam, GOV)
    assert point.tau_x == pytest.approx(stable.tau_x, abs=1e-10)
    assert point.tau_y == pytest.approx(stable.tau_y, abs=1e-10)


def test_comparative_statics_match_finite_differences_along_frontier():
    stable = eq.solve_reciprocity_stable_tariffs(GOV)
    shift = power.power_shift(stable, GOV, PUBLIC)
    h = 1e-6
    up = power.frontier_point(shift.lambda_R + h, GOV)
    down = power.frontier_point(shift.lambda_R - h, GOV)
    assert shift.dtau_x_dlambda == pytest.approx((up.tau_x - down.tau_x) / (2 * h), rel=1e-5)
    assert shift.dtau_y_dlambda == pytest.approx((up.tau_y - down.tau_y) / (2 * h), rel=1e-5)


def test_printed_formula_equals_implicit_function_theorem_when_symmetric():
    gov = CountryPair.symmetric(1.2, 1.1)
    stable = eq.solve_reciprocity_stable_tariffs(gov)
    shift = power.power_shift(stable, gov, CountryPair.symmetric(1.2, 1.0))
    assert shift.lambda_R == pytest.approx(1.0)
    assert shift.dtau_x_dlambda_printed == pytest.approx(shift.dtau_x_dlambda)


@settings(max_examples=50, deadline=None)
@given(st.floats(1.05, 1.7), st.floats(1.05, 1.7), st.floats(0.0, 0.4), st.floats(0.01, 0.5))
def test_decomposition_sums_to_home_gain_and_remark_2_signs(gm, ge, gap_m, gap_e):
    gov = CountryPair.symmetric(gm, ge)
    public = CountryPair.symmetric(gm - gap_m, ge - gap_e)
    try:
        stable = eq.solve_reciprocity_stable_tariffs(gov)
    except eq.SolveError:
        return
    s = power.power_shift(stable, gov, public)
    parts = s.terms_of_trade + s.import_rent + s.export_rent + s.import_volume_effect
    assert parts == pytest.approx(s.home_government_gain, abs=1e-12)
    # Section 4 and Remark 2 (weights > 1): the power shift raises Home's tariff, lowers
    # Foreign's, and Home gains terms of trade, import rents and export rents.
    assert s.dtau_x_dlambda > 0 > s.dtau_y_dlambda
    assert s.terms_of_trade > 0 and s.import_rent > 0 and s.export_rent > 0
    # Moving along the frontier: Home gains exactly what Foreign loses, weighted by lambda^R.
    assert s.home_government_gain * s.lambda_R == pytest.approx(-s.foreign_government_gain)
