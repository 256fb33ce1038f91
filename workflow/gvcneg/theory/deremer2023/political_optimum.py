"""Section 3.3's claim that the stable point is the political optimum, so banning export policy
costs nothing.

The paper: "In this case [symmetric political parameters], the stable point is in fact the same
as the symmetric efficient point in the limited-instrument setting", and "The level of total
trade barriers and local prices are the same as in the political optimum in Bagwell and
Staiger (2001) when both import policies and export policies are available, so the same level
of welfare is obtained even without the export policies. So here banning export policies has no
inefficiency consequences."

Political optimum (Bagwell and Staiger): each government sets the local price of each good as
if it had no effect on the world price, with an import tariff (importer) *and* an export
tax/subsidy (exporter) per good:

    importer: d/dp  [CS(p)  + γ_M Π_M(p)  + (p - p^w) M(p)]   = 0  at fixed p^w
    exporter: d/dp* [CS(p*) + γ_E Π_E(p*) + (p^w - p*) E(p*)] = 0  at fixed p^w
    market clearing M(p) = E(p*)

solved here by sympy from the model's own primitives. The comparison with the stable point is
a check that can fail: with asymmetric weights the two points differ (see the falsifiability
table).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp

from gvcneg.theory.deremer2023 import model
from gvcneg.theory.deremer2023.equilibrium import solve_reciprocity_stable_tariffs
from gvcneg.theory.deremer2023.model import CountryPair
from gvcneg.theory.deremer2023.power import frontier_point

P_IMP, P_EXP, P_W, G_M, G_E = sp.symbols("p p_star p_w gamma_M gamma_E", real=True)


def _importer_good_objective():
    return (
        model.consumer_surplus_expr(P_IMP)
        + G_M * model.import_competing_profit_expr(P_IMP)
        + (P_IMP - P_W) * model.import_demand_expr(P_IMP)
    )


def _exporter_good_objective():
    return (
        model.consumer_surplus_expr(P_EXP)
        + G_E * model.export_profit_expr(P_EXP)
        + (P_W - P_EXP) * model.export_supply_expr(P_EXP)
    )


def _political_optimum_solution():
    equations = [
        sp.diff(_importer_good_objective(), P_IMP),
        sp.diff(_exporter_good_objective(), P_EXP),
        model.import_demand_expr(P_IMP) - model.export_supply_expr(P_EXP),
    ]
    (solution,) = sp.solve(equations, [P_IMP, P_EXP, P_W], dict=True)
    return {k: sp.factor(v) for k, v in solution.items()}


_SOLUTION = _political_optimum_solution()
_PRICES = sp.lambdify((G_M, G_E), [_SOLUTION[P_IMP], _SOLUTION[P_EXP], _SOLUTION[P_W]], "numpy")
_IMPORTER_VALUE = sp.lambdify((P_IMP, P_W, G_M), _importer_good_objective(), "numpy")
_EXPORTER_VALUE = sp.lambdify((P_EXP, P_W, G_E), _exporter_good_objective(), "numpy")
TOTAL_BARRIER_EXPR = sp.factor(_SOLUTION[P_IMP] - _SOLUTION[P_EXP])


@dataclass(frozen=True)
class GoodOptimum:
    """One good at the political optimum with import and export policies."""

    importer_price: float
    exporter_price: float
    world_price: float

    @property
    def import_tariff(self) -> float:
        return self.importer_price - self.world_price

    @property
    def export_tax(self) -> float:  # negative = export subsidy
        return self.world_price - self.exporter_price

    @property
    def total_barrier(self) -> float:
        return self.importer_price - self.exporter_price


def political_optimum_good(gamma_M_importer: float, gamma_E_exporter: float) -> GoodOptimum:
    p, p_star, p_w = (float(v) for v in _PRICES(gamma_M_importer, gamma_E_exporter))
    return GoodOptimum(p, p_star, p_w)


def political_optimum(weights: CountryPair) -> tuple[GoodOptimum, GoodOptimum]:
    """Goods x (Home imports) and y (Foreign imports) at the political optimum."""
    h, f = weights.home, weights.foreign
    return (
        political_optimum_good(h.gamma_M, f.gamma_E),
        political_optimum_good(f.gamma_M, h.gamma_E),
    )


def government_objectives_with_export_policy(weights: CountryPair) -> tuple[float, float]:
    """G and G* at the political optimum (both instruments; world prices as solved)."""
    good_x, good_y = political_optimum(weights)
    h, f = weights.home, weights.foreign
    home = _IMPORTER_VALUE(good_x.importer_price, good_x.world_price, h.gamma_M) + _EXPORTER_VALUE(
        good_y.exporter_price, good_y.world_price, h.gamma_E
    )
    foreign = _IMPORTER_VALUE(
        good_y.importer_price, good_y.world_price, f.gamma_M
    ) + _EXPORTER_VALUE(good_x.exporter_price, good_x.world_price, f.gamma_E)
    return float(home), float(foreign)


@dataclass(frozen=True)
class OptimumComparison:
    """Largest absolute gaps between the stable point and the two benchmarks."""

    stable_vs_limited_instrument_efficient: float  # tariffs: stable vs argmax G + G*
    stable_vs_political_optimum_prices: float  # local prices and total barriers
    export_policy_ban_cost: float  # max |G(stable) - G(political optimum)| over governments


def compare_stable_point(weights: CountryPair) -> OptimumComparison:
    stable = solve_reciprocity_stable_tariffs(weights)
    efficient = frontier_point(1.0, weights)
    good_x, good_y = political_optimum(weights)
    gaps = []
    for tau, good in ((stable.tau_x, good_x), (stable.tau_y, good_y)):
        gaps += [
            tau - good.total_barrier,
            float(model.importer_price(tau)) - good.importer_price,
            float(model.world_price(tau)) - good.exporter_price,
        ]
    with_policy = government_objectives_with_export_policy(weights)
    without = (
        float(model.home_objective(stable.tau_x, stable.tau_y, weights)),
        float(model.foreign_objective(stable.tau_x, stable.tau_y, weights)),
    )
    return OptimumComparison(
        stable_vs_limited_instrument_efficient=float(
            max(abs(stable.tau_x - efficient.tau_x), abs(stable.tau_y - efficient.tau_y))
        ),
        stable_vs_political_optimum_prices=float(np.max(np.abs(gaps))),
        export_policy_ban_cost=float(
            max(abs(a - b) for a, b in zip(with_policy, without, strict=True))
        ),
    )
