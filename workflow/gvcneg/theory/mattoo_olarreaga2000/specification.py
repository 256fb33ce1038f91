"""The explicit specification behind Mattoo and Olarreaga (2000), equations (1)-(2).

The paper argues with a general objective V^i = P^i + a^i W^i (equation (1)) and the sign
conditions of equation (2). We choose one explicit two-country, two-good economy (the choice is
ours and is documented in the report):

* Good 1 is imported by country A, good 2 by country B; the two markets are mirror images.
  In each market the importer has demand ``1 - p`` and an import-competing supply
  ``lambda * p``; the exporter has demand ``1 - p`` and supply ``mu * p`` (``mu > lambda``).
  Specific tariffs: ``p1_A = p1_B + t_A`` and ``p2_B = p2_A + t_B``; world prices clear both
  markets. A's tariff lowers the world price of its import good: the terms-of-trade motive.
* Welfare ``W^i`` = consumer surplus + producer surplus in both goods + tariff revenue.
* Political gain ``P^A = lambda * p1_A**2 / 2 - (kappa / 2) * (t_A - t_B)**2``: the profits
  of the import-competing industry (so dP/dt > 0 and, at the political optimum, dW/dt < 0,
  equation (2)) and a reciprocity term: a political cost of a tariff gap with the partner
  ("unfair" unreciprocated openness, exporters' fear of retaliation against unmatched
  protection). ``kappa > 0`` makes tariffs strategic complements (the paper's baseline,
  footnote 19), ``kappa = 0`` independent, ``kappa < 0`` strategic substitutes.
* ``V^i = P^i + a^i W^i``.

Because demands and supplies are linear, each ``V^i`` is an exact quadratic in
``(t_A, t_B)``; :func:`objective_coefficients` returns its coefficients (derived here with
sympy), which every solver uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import sympy as sp

t_A, t_B = sp.symbols("t_A t_B", real=True)
lam, mu, kappa = sp.symbols("lambda mu kappa", real=True)
a_A, a_B = sp.symbols("a_A a_B", positive=True)
alpha, delta = sp.symbols("alpha delta", positive=True)

INTERACTIONS = ("complements", "independent", "substitutes")
COEFFICIENTS = ("c0", "cA", "cB", "qAA", "qAB", "qBB")


@dataclass(frozen=True)
class Economy:
    """Primitive parameters of one country pair (scalars or equal-length arrays)."""

    import_supply_slope: float | np.ndarray  # lambda
    export_supply_slope: float | np.ndarray  # mu
    reciprocity: float | np.ndarray  # kappa (> 0 complements, 0 independent, < 0 substitutes)


def signed_reciprocity(interaction: str, strength: dict) -> float:
    """kappa from the config switch: +strength (complements), 0, or -strength (substitutes)."""
    if interaction not in INTERACTIONS:
        raise ValueError(f"tariff interaction {interaction!r} not in {INTERACTIONS}")
    if interaction == "independent":
        return 0.0
    sign = 1.0 if interaction == "complements" else -1.0
    return sign * float(strength[interaction])


def interaction_of(kappa_value: float) -> str:
    """The name of the tariff interaction a value of kappa gives."""
    if kappa_value > 0:
        return "complements"
    return "independent" if kappa_value == 0 else "substitutes"


@lru_cache(maxsize=1)
def market_prices() -> dict[str, sp.Expr]:
    """Local prices of both goods in both countries as functions of the tariffs."""
    p1_B, p2_A = sp.symbols("p1_B p2_A", real=True)
    # Good 1: A imports. World demand = world supply.
    good_1 = sp.Eq((1 - (p1_B + t_A)) + (1 - p1_B), lam * (p1_B + t_A) + mu * p1_B)
    # Good 2: B imports (mirror image).
    good_2 = sp.Eq((1 - (p2_A + t_B)) + (1 - p2_A), lam * (p2_A + t_B) + mu * p2_A)
    world_1 = sp.solve(good_1, p1_B)[0]
    world_2 = sp.solve(good_2, p2_A)[0]
    return {
        "p1_A": sp.simplify(world_1 + t_A),
        "p1_B": sp.simplify(world_1),
        "p2_A": sp.simplify(world_2),
        "p2_B": sp.simplify(world_2 + t_B),
    }


def _consumer_surplus(p):
    return (1 - p) ** 2 / 2


def _producer_surplus(slope, p):
    return slope * p**2 / 2


@lru_cache(maxsize=1)
def welfare_expressions() -> dict[str, sp.Expr]:
    """Social welfare W^A, W^B: surpluses in both goods plus tariff revenue."""
    p = market_prices()
    imports_A = (1 - p["p1_A"]) - lam * p["p1_A"]
    imports_B = (1 - p["p2_B"]) - lam * p["p2_B"]
    welfare_A = (
        _consumer_surplus(p["p1_A"])
        + _producer_surplus(lam, p["p1_A"])
        + t_A * imports_A
        + _consumer_surplus(p["p2_A"])
        + _producer_surplus(mu, p["p2_A"])
    )
    welfare_B = (
        _consumer_surplus(p["p2_B"])
        + _producer_surplus(lam, p["p2_B"])
        + t_B * imports_B
        + _consumer_surplus(p["p1_B"])
        + _producer_surplus(mu, p["p1_B"])
    )
    return {"A": sp.expand(welfare_A), "B": sp.expand(welfare_B)}


@lru_cache(maxsize=1)
def political_gain_expressions() -> dict[str, sp.Expr]:
    """P^A, P^B: import-competing profits minus the reciprocity term (kappa/2)(t_A - t_B)^2."""
    p = market_prices()
    gap = (kappa / 2) * (t_A - t_B) ** 2
    return {
        "A": sp.expand(_producer_surplus(lam, p["p1_A"]) - gap),
        "B": sp.expand(_producer_surplus(lam, p["p2_B"]) - gap),
    }


@lru_cache(maxsize=1)
def objective_expressions() -> dict[str, sp.Expr]:
    """V^i = P^i + a^i W^i, equation (1) of the paper, in our specification."""
    P, W = political_gain_expressions(), welfare_expressions()
    return {"A": sp.expand(P["A"] + a_A * W["A"]), "B": sp.expand(P["B"] + a_B * W["B"])}


@lru_cache(maxsize=1)
def coefficient_expressions() -> dict[str, dict[str, sp.Expr]]:
    """V = c0 + cA t_A + cB t_B + qAA t_A^2/2 + qAB t_A t_B + qBB t_B^2/2, for A and B."""
    out = {}
    for country, V in objective_expressions().items():
        poly = sp.Poly(V, t_A, t_B)
        if poly.total_degree() > 2:
            raise AssertionError("the objective must be quadratic in the tariffs")

        def coeff(i, j, poly=poly):
            return sp.factor(poly.coeff_monomial(t_A**i * t_B**j))

        out[country] = {
            "c0": coeff(0, 0),
            "cA": coeff(1, 0),
            "cB": coeff(0, 1),
            "qAA": 2 * coeff(2, 0),
            "qAB": coeff(1, 1),
            "qBB": 2 * coeff(0, 2),
        }
    return out


@lru_cache(maxsize=1)
def _coefficient_functions():
    exprs = coefficient_expressions()
    return {
        country: sp.lambdify(
            (lam, mu, kappa, a_A if country == "A" else a_B),
            [exprs[country][name] for name in COEFFICIENTS],
            "numpy",
        )
        for country in ("A", "B")
    }


@dataclass(frozen=True)
class Quadratic:
    """One government's objective as a quadratic in (t_A, t_B); arrays broadcast."""

    c0: np.ndarray
    cA: np.ndarray
    cB: np.ndarray
    qAA: np.ndarray
    qAB: np.ndarray
    qBB: np.ndarray

    def value(self, x, y):
        return (
            self.c0
            + self.cA * x
            + self.cB * y
            + 0.5 * self.qAA * x * x
            + self.qAB * x * y
            + 0.5 * self.qBB * y * y
        )

    def d_tA(self, x, y):
        return self.cA + self.qAA * x + self.qAB * y

    def d_tB(self, x, y):
        return self.cB + self.qAB * x + self.qBB * y


def objective_coefficients(economy: Economy, welfare_weight, country: str) -> Quadratic:
    """The quadratic coefficients of V^country at the given primitives (vectorised)."""
    fn = _coefficient_functions()[country]
    args = np.broadcast_arrays(
        np.asarray(economy.import_supply_slope, dtype=float),
        np.asarray(economy.export_supply_slope, dtype=float),
        np.asarray(economy.reciprocity, dtype=float),
        np.asarray(welfare_weight, dtype=float),
    )
    values = [np.broadcast_to(np.asarray(v, dtype=float), args[0].shape) for v in fn(*args)]
    return Quadratic(*values)


def prohibitive_tariff(import_supply_slope, export_supply_slope):
    """The tariff at which the importer's imports reach zero (same in both markets)."""
    p = market_prices()["p1_A"]
    imports = (1 - p) - lam * p
    bound = sp.solve(sp.Eq(imports, 0), t_A)[0]
    return sp.lambdify((lam, mu), bound, "numpy")(
        np.asarray(import_supply_slope, dtype=float), np.asarray(export_supply_slope, dtype=float)
    )
