"""The exact condition for tau^W > tau^G against numerical solves; where the paper's 3/2 rule
is and is not sufficient (section 3.3)."""

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from gvcneg.theory.deremer2023 import exact_condition as ec
from gvcneg.theory.deremer2023.equilibrium import (
    equation_7,
    solve_public_preferred_tariffs,
    solve_reciprocity_stable_tariffs,
)
from gvcneg.theory.deremer2023.model import CountryPair


def _numerical_gap(gm, ge, dm, de):
    stable = solve_reciprocity_stable_tariffs(CountryPair.symmetric(gm, ge))
    public = solve_public_preferred_tariffs(CountryPair.symmetric(gm - dm, ge - de))
    return public.tau_x - stable.tau_x


def test_model_stable_tariff_is_equation_7():
    derived = ec.symmetric_stable_tariff_expr()
    printed = sp.sympify("4*(2*gamma_M_G + 1 - 3*gamma_E_G)/(59 - 9*gamma_E_G - 8*gamma_M_G)")
    printed = printed.subs({sp.Symbol("gamma_M_G"): ec.GM, sp.Symbol("gamma_E_G"): ec.GE})
    assert sp.simplify(derived - printed) == 0


@settings(max_examples=40, deadline=None)
@given(st.floats(1.01, 1.65), st.floats(1.01, 1.65), st.floats(0.0, 0.3), st.floats(0.01, 0.3))
def test_closed_form_difference_equals_numerical_solves(gm, ge, dm, de):
    if not (-1 < equation_7(gm - dm, ge - de) < 1 / 6):
        return  # public-preferred point prohibitive: no interior solution to compare
    closed = float(ec.PUBLIC_MINUS_GOVERNMENT(gm, ge, dm, de))
    assert closed == pytest.approx(_numerical_gap(gm, ge, dm, de), abs=1e-10)


def test_exact_ratio_is_three_halves_exactly_where_the_stable_tariff_is_zero():
    ratio_minus_rule = sp.simplify(ec.exact_ratio_expr() - ec.PAPER_FACTOR)
    numerator, _ = sp.fraction(sp.factor(ratio_minus_rule))
    tariff_numerator, _ = sp.fraction(ec.symmetric_stable_tariff_expr())
    # the two numerators are proportional: the ratio equals 3/2 iff tau^G = 0
    assert sp.simplify(numerator / tariff_numerator).is_number


def test_counterexample_at_figure_1_weights_meets_the_rule_but_public_wants_lower_tariffs():
    point = ec.counterexample(1.2, 1.1, 0.1)
    assert point is not None and point.exact_ratio < 1.5
    assert ec.paper_condition(point.gap_M, point.gap_E)
    assert _numerical_gap(1.2, 1.1, point.gap_M, point.gap_E) < 0


def test_rule_is_sufficient_where_stable_tariff_is_negative():
    gm, ge = 1.2, 1.3
    assert equation_7(gm, ge) < 0
    assert ec.counterexample(gm, ge, 0.1) is None
    for dm in np.linspace(0.0, 0.999 * 1.5 * 0.1, 7):
        assert _numerical_gap(gm, ge, dm, 0.1) > 0


def test_region_table_marks_the_wedge_between_the_bounds():
    region = ec.region_in_gaps(1.2, 1.1, np.linspace(0, 0.3, 61), np.linspace(0.01, 0.2, 20))
    wrong = region[region["rule_wrong"]]
    assert len(wrong) > 0
    ratio = float(ec.EXACT_RATIO(1.2, 1.1))
    assert (wrong["gap_M"] >= ratio * wrong["gap_E"] - 1e-12).all()
    assert (wrong["gap_M"] < 1.5 * wrong["gap_E"]).all()
