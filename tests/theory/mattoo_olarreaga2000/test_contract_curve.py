"""The contract curve: tangency, Pareto efficiency (numerical check) and its slope formula."""

import numpy as np
import pytest
from scipy import optimize

from gvcneg.theory.mattoo_olarreaga2000 import contract_curve as cc
from gvcneg.theory.mattoo_olarreaga2000 import specification as spec


@pytest.fixture(params=[(0.75, 1.5, 0.5, 2.5, 1.5), (0.5, 2.5, 0.0, 2.0, 2.0)])
def governments(request):
    lam, mu, kappa, a_A, a_B = request.param
    economy = spec.Economy(lam, mu, kappa)
    return spec.objective_coefficients(economy, a_A, "A"), spec.objective_coefficients(
        economy, a_B, "B"
    )


def _curve(V_A, V_B):
    angle = np.linspace(0.3, 1.2, 9)
    s = cc.ray_intersection(V_A, V_B, np.cos(angle), np.sin(angle))
    return s * np.cos(angle), s * np.sin(angle)


def test_iso_value_curves_are_tangent_on_the_curve(governments):
    V_A, V_B = governments
    x, y = _curve(V_A, V_B)
    assert np.all(np.isfinite(x))
    assert np.allclose(cc.tangency_gap(V_A, V_B, x, y), 0, atol=1e-12)
    assert np.all(cc.gradients_opposed(V_A, V_B, x, y))


def test_points_on_the_curve_are_pareto_efficient(governments):
    """Maximising V^A subject to V^B >= V^B(point) from elsewhere returns the point."""
    V_A, V_B = governments
    x, y = _curve(V_A, V_B)
    for x0, y0 in zip(x[::3], y[::3], strict=True):
        floor = float(V_B.value(x0, y0))
        result = optimize.minimize(
            lambda t: -float(V_A.value(t[0], t[1])),
            x0=[x0 * 0.8, y0 * 1.1],
            constraints=[
                {"type": "ineq", "fun": lambda t, f=floor: float(V_B.value(t[0], t[1])) - f}
            ],
            method="SLSQP",
            options={"ftol": 1e-14, "maxiter": 500},
        )
        assert result.success
        assert float(V_A.value(*result.x)) == pytest.approx(float(V_A.value(x0, y0)), abs=1e-9)
        assert result.x == pytest.approx([x0, y0], abs=1e-4)


def test_slope_formula_matches_finite_differences(governments):
    V_A, V_B = governments
    angle = np.array([0.7, 0.7 + 1e-6])
    s = cc.ray_intersection(V_A, V_B, np.cos(angle), np.sin(angle))
    x, y = s * np.cos(angle), s * np.sin(angle)
    numeric = (x[1] - x[0]) / (y[1] - y[0])
    assert float(cc.contract_curve_slope(V_A, V_B, x[0], y[0])) == pytest.approx(numeric, rel=1e-4)


def test_symmetric_governments_meet_the_diagonal_with_slope_minus_one():
    economy = spec.Economy(0.75, 1.5, 0.5)
    V_A = spec.objective_coefficients(economy, 1.5, "A")
    V_B = spec.objective_coefficients(economy, 1.5, "B")
    s = cc.ray_intersection(V_A, V_B, 1.0, 1.0)
    assert float(cc.contract_curve_slope(V_A, V_B, s, s)) == pytest.approx(-1.0)
    # At a given t_B the curve may be met twice (it folds near the kink); the returned root
    # (the smaller one) is a tangency point on the efficient branch.
    x = cc.contract_curve_tA(V_A, V_B, s, 1.0)
    assert float(x) <= float(s) + 1e-12
    assert float(cc.tangency_gap(V_A, V_B, x, s)) == pytest.approx(0.0, abs=1e-12)
    assert bool(cc.gradients_opposed(V_A, V_B, x, s))
