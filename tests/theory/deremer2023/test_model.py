"""The primitives of section 3.3 follow from market clearing; derivatives are exact."""

import numpy as np
import pytest
import sympy as sp

from gvcneg.theory.deremer2023 import model


def test_world_price_solves_market_clearing():
    # Importer: demand 1 - p, import-competing supply p/2 (profits p^2/4).
    # Exporter: demand 1 - p*, export supply p* (profits p^2/2). No arbitrage: p = p* + tau.
    p_star, tau = sp.symbols("p_star tau")
    p = p_star + tau
    clearing = sp.Eq((1 - p) + (1 - p_star), p / 2 + p_star)
    (solution,) = sp.solve(clearing, p_star)
    assert sp.simplify(solution - model.world_price_expr(tau)) == 0
    assert sp.simplify(solution - (4 - 3 * tau) / 7) == 0


@pytest.mark.parametrize("tau", [-0.05, 0.0, 0.03, 0.1])
@pytest.mark.parametrize("gamma", [1.0, 1.2, 1.5])
def test_derivatives_match_finite_differences(tau, gamma):
    h = 1e-6
    for f, d1, d2 in (
        (model.importer_objective, model.importer_objective_d1, model.importer_objective_d2),
        (model.exporter_objective, model.exporter_objective_d1, model.exporter_objective_d2),
    ):
        fd1 = (f(tau + h, gamma) - f(tau - h, gamma)) / (2 * h)
        fd2 = (f(tau + h, gamma) - 2 * f(tau, gamma) + f(tau - h, gamma)) / h**2
        assert d1(tau, gamma) == pytest.approx(fd1, abs=1e-8)
        assert d2(tau, gamma) == pytest.approx(fd2, abs=1e-3)


def test_import_volume_vanishes_at_prohibitive_tariff():
    assert model.import_volume(float(model.PROHIBITIVE_TARIFF)) == pytest.approx(0.0, abs=1e-15)
    assert model.export_volume(float(model.PROHIBITIVE_TARIFF)) == pytest.approx(0.0, abs=1e-15)
    # Trade balances good by good: the importer's imports are the exporter's exports.
    taus = np.linspace(-0.2, 0.16, 7)
    np.testing.assert_allclose(model.import_volume(taus), model.export_volume(taus), atol=1e-15)


def test_reciprocity_ratio_is_equation_5():
    # Equation (5): M_x dp_x^w/dtau_x / (M_y dp_y^w/dtau_y*), with the slopes from sympy.
    tx, ty = 0.02, 0.05
    slope = model.WORLD_PRICE_SLOPE
    expected = model.import_volume(tx) * slope / (model.import_volume(ty) * slope)
    assert model.reciprocity_ratio(tx, ty) == pytest.approx(expected)
