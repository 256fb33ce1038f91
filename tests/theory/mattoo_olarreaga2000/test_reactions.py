"""Reaction functions: closed forms vs numerical maximisation; slopes; the binding constraint."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gvcneg.theory.mattoo_olarreaga2000 import reactions as r
from gvcneg.theory.mattoo_olarreaga2000 import specification as spec
from gvcneg.theory.mattoo_olarreaga2000.numeric_economy import numerical_best_response

CASES = [(0.75, 1.5, 0.5, 2.5), (0.5, 2.5, -0.2, 1.5), (0.4, 1.5, 0.0, 2.0)]


@pytest.mark.parametrize(("lam", "mu", "kappa", "a"), CASES)
@pytest.mark.parametrize("country", ["A", "B"])
@pytest.mark.parametrize(("kind", "retention"), [("static", None), ("intertemporal", 0.7)])
def test_closed_form_equals_numerical_best_response(lam, mu, kappa, a, country, kind, retention):
    closed = r.reaction_function_callable(country, kind)
    for other in (0.0, 0.08, 0.15):
        expected = numerical_best_response(country, other, lam, mu, kappa, a, retention=retention)
        got = float(closed(other, lam, mu, kappa, a, 0.7, 1.0))
        assert got == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize(
    ("kappa", "sign"), [(0.5, 1), (1.0, 1), (0.0, 0), (-0.2, -1)], ids=["c", "c2", "i", "s"]
)
def test_reaction_slope_sign_follows_interaction(kappa, sign):
    """Complements: upward sloping; independent: flat; substitutes: downward (numerically too)."""
    lam, mu, a = 0.75, 1.5, 2.0
    slope_expr = r.reaction_slope_closed_forms()[("A", "static")]
    slope = float(slope_expr.subs({spec.lam: lam, spec.mu: mu, spec.kappa: kappa, spec.a_A: a}))
    numeric = (
        numerical_best_response("A", 0.12, lam, mu, kappa, a)
        - numerical_best_response("A", 0.10, lam, mu, kappa, a)
    ) / 0.02
    assert np.sign(round(slope, 12)) == sign
    assert numeric == pytest.approx(slope, abs=1e-5)
    linear = r.reaction_of_A(spec.objective_coefficients(spec.Economy(lam, mu, kappa), a, "A"))
    assert float(linear.slope) == pytest.approx(slope, rel=1e-12, abs=1e-15)


def test_intertemporal_reaction_is_the_static_one_shifted_up():
    V = spec.objective_coefficients(spec.Economy(0.75, 1.5, 0.5), 2.0, "A")
    factor = r.negotiating_currency_factor(0.7, 1.0)
    assert factor > 1
    static, inter = r.reaction_of_A(V), r.reaction_of_A(V, factor)
    assert float(inter.slope) == pytest.approx(float(static.slope))
    assert float(inter(0.1)) > float(static(0.1))


reaction = st.builds(
    r.LinearReaction,
    intercept=st.floats(0.0, 0.3),
    slope=st.floats(-0.8, 0.8),
)


@settings(max_examples=200, deadline=None)
@given(r_A=reaction, r_B=reaction, cap_A=st.floats(0.0, 0.3), cap_B=st.floats(0.0, 0.3))
def test_bound_equilibrium_is_the_capped_fixed_point(r_A, r_B, cap_A, cap_B):
    """Each tariff = min(reaction to the other, its binding): never above the binding."""
    t_A, t_B, case = r.bound_equilibrium(r_A, r_B, cap_A, cap_B)
    assert case >= 0
    assert t_A <= cap_A + 1e-12 and t_B <= cap_B + 1e-12
    assert t_A == pytest.approx(min(r_A(t_B), cap_A), abs=1e-9)
    assert t_B == pytest.approx(min(r_B(t_A), cap_B), abs=1e-9)
