"""Primitives of DeRemer (2023), section 3.3.

Per good, the importer's tariff ``tau`` fixes all prices (conditions (3)): with consumer surplus
0.5(1-p)^2, export-sector profits p^2/2 and import-competing profits p^2/4 in both countries,
market clearing gives the world price (4 - 3 tau)/7 (as stated in section 3.3), the importer's
local price (4 + 4 tau)/7 and import volume 1 - 1.5 p = (1 - 6 tau)/7.

Because each good's prices depend only on its own tariff, the objectives are separable:

    G(tau_x, tau_y*)  = f(tau_x; gamma_M)  + g(tau_y*; gamma_E)      (Home, equation (1))
    G*(tau_x, tau_y*) = g(tau_x; gamma_E*) + f(tau_y*; gamma_M*)     (Foreign)

with f the importer's objective from its import good (consumer surplus + gamma_M x
import-competing profits + tariff revenue) and g the exporter's objective from its export good
(consumer surplus + gamma_E x export profits). The public's welfare W (equation (2)) is the same
with the public's weights. The expressions are built once with sympy; their derivatives are
exact.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

TAU, GAMMA = sp.symbols("tau gamma", real=True)

#: Tariffs at or above this level are prohibitive (import volume zero).
PROHIBITIVE_TARIFF = sp.Rational(1, 6)


def consumer_surplus_expr(p):
    """CS(p) = 0.5 (1 - p)^2 (demand 1 - p), section 3.3."""
    return sp.Rational(1, 2) * (1 - p) ** 2


def import_competing_profit_expr(p):
    """Profits of the import-competing sector, p^2/4 (supply p/2)."""
    return p**2 / 4


def export_profit_expr(p):
    """Profits of the export sector, p^2/2 (supply p)."""
    return p**2 / 2


def import_demand_expr(p):
    """Import demand at the importer's local price: demand 1 - p minus supply p/2."""
    return (1 - p) - p / 2


def export_supply_expr(p):
    """Export supply at the exporter's local price: supply p minus demand 1 - p."""
    return p - (1 - p)


def world_price_expr(tau=TAU):
    """World (and exporter's local) price, section 3.3: (4 - 3 tau)/7."""
    return (4 - 3 * tau) / 7


def importer_price_expr(tau=TAU):
    """Importer's local price p = p^w + tau (no-arbitrage, conditions (3))."""
    return world_price_expr(tau) + tau


def import_volume_expr(tau=TAU):
    """Import demand at the importer's local price set by ``tau``."""
    return import_demand_expr(importer_price_expr(tau))


def export_volume_expr(tau=TAU):
    """Export supply at the world price set by the partner's tariff."""
    return export_supply_expr(world_price_expr(tau))


def importer_objective_expr(tau=TAU, gamma_M=GAMMA):
    """f: consumer surplus + gamma_M x import-competing profits + tariff revenue."""
    p = importer_price_expr(tau)
    return (
        consumer_surplus_expr(p)
        + gamma_M * import_competing_profit_expr(p)
        + tau * import_volume_expr(tau)
    )


def exporter_objective_expr(tau=TAU, gamma_E=GAMMA):
    """g: consumer surplus + gamma_E x export profits, at the world price set by the partner's tariff."""
    pw = world_price_expr(tau)
    return consumer_surplus_expr(pw) + gamma_E * export_profit_expr(pw)


def _lambdified(expr):
    return sp.lambdify((TAU, GAMMA), sp.expand(expr), "numpy")


_F = importer_objective_expr()
_G = exporter_objective_expr()

importer_objective = _lambdified(_F)
importer_objective_d1 = _lambdified(sp.diff(_F, TAU))
importer_objective_d2 = _lambdified(sp.diff(_F, TAU, 2))
exporter_objective = _lambdified(_G)
exporter_objective_d1 = _lambdified(sp.diff(_G, TAU))
exporter_objective_d2 = _lambdified(sp.diff(_G, TAU, 2))
world_price = sp.lambdify(TAU, world_price_expr(), "numpy")
importer_price = sp.lambdify(TAU, importer_price_expr(), "numpy")
import_volume = sp.lambdify(TAU, import_volume_expr(), "numpy")
export_volume = sp.lambdify(TAU, export_volume_expr(), "numpy")
WORLD_PRICE_SLOPE = float(sp.diff(world_price_expr(), TAU))
IMPORTER_PRICE_SLOPE = float(sp.diff(importer_price_expr(), TAU))
IMPORT_VOLUME_SLOPE = float(sp.diff(import_volume_expr(), TAU))


@dataclass(frozen=True)
class Weights:
    """Political-economy weights of one country's objective on sector profits."""

    gamma_M: float  # import-competing sector
    gamma_E: float  # export sector


@dataclass(frozen=True)
class CountryPair:
    """Weights of Home (imports x, exports y) and Foreign (imports y, exports x)."""

    home: Weights
    foreign: Weights

    @classmethod
    def from_config(cls, section: dict) -> CountryPair:
        return cls(Weights(**section["home"]), Weights(**section["foreign"]))

    @classmethod
    def symmetric(cls, gamma_M: float, gamma_E: float) -> CountryPair:
        return cls(Weights(gamma_M, gamma_E), Weights(gamma_M, gamma_E))


def home_objective(tau_x, tau_y, w: CountryPair):
    """G (or W with the public's weights): Home's objective, equation (1)."""
    return importer_objective(tau_x, w.home.gamma_M) + exporter_objective(tau_y, w.home.gamma_E)


def foreign_objective(tau_x, tau_y, w: CountryPair):
    """G* (or W*): Foreign's objective."""
    return exporter_objective(tau_x, w.foreign.gamma_E) + importer_objective(
        tau_y, w.foreign.gamma_M
    )


def home_gradient(tau_x, tau_y, w: CountryPair):
    """(dG/dtau_x, dG/dtau_y*)."""
    return (
        importer_objective_d1(tau_x, w.home.gamma_M),
        exporter_objective_d1(tau_y, w.home.gamma_E),
    )


def foreign_gradient(tau_x, tau_y, w: CountryPair):
    """(dG*/dtau_x, dG*/dtau_y*)."""
    return (
        exporter_objective_d1(tau_x, w.foreign.gamma_E),
        importer_objective_d1(tau_y, w.foreign.gamma_M),
    )


def reciprocity_ratio(tau_x, tau_y):
    """d tau_y* / d tau_x that keeps trade balanced at world prices, equation (5).

    M_x dp_x^w/dtau_x / (M_y dp_y^w/dtau_y*); the price slopes are equal here, so the ratio is
    the ratio of import volumes.
    """
    return import_volume(tau_x) / import_volume(tau_y)
