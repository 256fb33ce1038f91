"""The sympy-derived quadratic objective against an independent numerical implementation."""

import numpy as np
import pytest
import sympy as sp

from gvcneg.theory.mattoo_olarreaga2000 import specification as spec
from gvcneg.theory.mattoo_olarreaga2000.numeric_economy import government_value

PARAMS = [(0.75, 1.5, 0.5, 1.5), (0.4, 2.5, -0.2, 2.0), (0.5, 1.5, 0.0, 3.0)]


@pytest.mark.parametrize(("lam", "mu", "kappa", "a"), PARAMS)
@pytest.mark.parametrize("country", ["A", "B"])
def test_quadratic_coefficients_match_numerical_objective(lam, mu, kappa, a, country):
    V = spec.objective_coefficients(spec.Economy(lam, mu, kappa), a, country)
    rng = np.random.default_rng(7)
    upper = float(spec.prohibitive_tariff(lam, mu))
    for t_A, t_B in rng.uniform(0, 0.9 * upper, size=(5, 2)):
        numeric = government_value(country, t_A, t_B, lam, mu, kappa, a)
        assert float(V.value(t_A, t_B)) == pytest.approx(numeric, abs=1e-9)


def test_objective_is_exactly_quadratic():
    for V in spec.objective_expressions().values():
        assert sp.Poly(V, spec.t_A, spec.t_B).total_degree() == 2


def test_equation_2_sign_conditions_at_the_political_optimum():
    """dP/dt_A > 0, and dW/dt_A < 0 where the political gain alone would put the tariff."""
    P = spec.political_gain_expressions()["A"]
    W = spec.welfare_expressions()["A"]
    values = {spec.lam: 0.75, spec.mu: 1.5, spec.kappa: 0.5, spec.t_B: 0.16}
    upper = float(spec.prohibitive_tariff(0.75, 1.5))
    for t in np.linspace(0.01, 0.95 * upper, 7):
        assert float(sp.diff(P, spec.t_A).subs(values | {spec.t_A: t})) > 0 or t > 0.16
    # W is maximised at the optimal (terms-of-trade) tariff; above it dW/dt < 0.
    opt = sp.solve(sp.diff(W, spec.t_A).subs(values), spec.t_A)[0]
    assert 0 < float(opt) < upper
    assert float(sp.diff(W, spec.t_A).subs(values | {spec.t_A: float(opt) + 0.02})) < 0


def test_terms_of_trade_motive_own_tariff_lowers_world_price_of_imports():
    p = spec.market_prices()
    assert sp.simplify(sp.diff(p["p1_B"], spec.t_A)).subs({spec.lam: 0.75, spec.mu: 1.5}) < 0
    # and the partner's tariff hurts: dW^A/dt_B < 0 at free trade
    dW = sp.diff(spec.welfare_expressions()["A"], spec.t_B)
    assert float(dW.subs({spec.lam: 0.75, spec.mu: 1.5, spec.t_A: 0, spec.t_B: 0})) < 0


def test_interaction_switch():
    strength = {"complements": 0.5, "substitutes": 0.2}
    assert spec.signed_reciprocity("complements", strength) == 0.5
    assert spec.signed_reciprocity("independent", strength) == 0.0
    assert spec.signed_reciprocity("substitutes", strength) == -0.2
    with pytest.raises(ValueError, match="tariff interaction"):
        spec.signed_reciprocity("neither", strength)
