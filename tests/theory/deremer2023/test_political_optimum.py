"""Section 3.3: the stable point is the political optimum with export policies (symmetric
countries), and the same comparison fails with asymmetric ones."""

import pytest
import sympy as sp

from gvcneg.theory.deremer2023 import political_optimum as po
from gvcneg.theory.deremer2023.exact_condition import symmetric_stable_tariff_expr
from gvcneg.theory.deremer2023.model import CountryPair, Weights


def test_total_barrier_of_political_optimum_is_equation_7_symbolically():
    stable = symmetric_stable_tariff_expr(po.G_M, po.G_E)
    assert sp.simplify(po.TOTAL_BARRIER_EXPR - stable) == 0


@pytest.mark.parametrize("gm, ge", [(1.2, 1.1), (1.05, 1.65), (1.65, 1.05), (1.4, 1.3)])
def test_symmetric_stable_point_equals_both_benchmarks(gm, ge):
    comparison = po.compare_stable_point(CountryPair.symmetric(gm, ge))
    assert comparison.stable_vs_limited_instrument_efficient < 1e-12
    assert comparison.stable_vs_political_optimum_prices < 1e-12
    assert comparison.export_policy_ban_cost < 1e-12


def test_asymmetric_governments_break_the_coincidence():
    comparison = po.compare_stable_point(CountryPair(Weights(1.2, 1.1), Weights(1.3, 1.15)))
    assert comparison.stable_vs_political_optimum_prices > 1e-4
    assert comparison.export_policy_ban_cost > 1e-6


def test_political_optimum_uses_an_export_subsidy_when_exporters_have_influence():
    good = po.political_optimum_good(1.2, 1.1)
    assert good.export_tax < 0 < good.import_tariff
    assert good.total_barrier == pytest.approx(good.import_tariff + good.export_tax)
