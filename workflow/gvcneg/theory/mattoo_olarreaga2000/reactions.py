"""Reaction functions, Nash equilibria and the bound equilibrium of period T (sections 2-3).

Static reaction (a government that ignores the next round, as under an ex-ante credit rule,
equation (5') of the paper): ``dV^A/dt_A (t, t_B) = 0``.

Intertemporal reaction under no credit (equation (5)): in round T+1 tariffs are cut to
``alpha`` times the period-T tariffs, so A maximises ``V^A(t, t_B) + delta V^A(alpha t,
alpha t_B)``. With a quadratic objective the first-order condition gives the static reaction
function with its intercept scaled by the *negotiating-currency factor*
``(1 + delta alpha) / (1 + delta alpha^2) > 1`` (same slope): a higher tariff today buys a
higher tariff after the round. :func:`reaction_closed_forms` derives both with sympy from the
primitives; the linear forms below are what the solvers use, and the tests check one against
the other and both against numerical maximisation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import sympy as sp

from gvcneg.theory.mattoo_olarreaga2000 import specification as spec
from gvcneg.theory.mattoo_olarreaga2000.specification import Quadratic


@lru_cache(maxsize=1)
def generic_reaction_forms() -> dict[str, sp.Expr]:
    """A's reaction functions for a generic quadratic objective (coefficient symbols).

    ``V(t, y) = c0 + cA t + cB y + qAA t^2/2 + qAB t y + qBB y^2/2``; static: dV/dt = 0;
    intertemporal (no credit): d/dt [V(t, y) + delta V(alpha t, alpha y)] = 0.
    """
    c0, cA, cB, qAA, qAB, qBB = sp.symbols("c0 cA cB qAA qAB qBB", real=True)
    t, y = sp.symbols("t y", real=True)

    def V(x_, y_):
        return c0 + cA * x_ + cB * y_ + qAA * x_**2 / 2 + qAB * x_ * y_ + qBB * y_**2 / 2

    static = sp.solve(sp.diff(V(t, y), t), t)[0]
    tomorrow = V(spec.alpha * t, spec.alpha * y)
    intertemporal = sp.solve(sp.diff(V(t, y) + spec.delta * tomorrow, t), t)[0]
    return {"static": static, "intertemporal": intertemporal}


@lru_cache(maxsize=1)
def reaction_closed_forms() -> dict[tuple[str, str], sp.Expr]:
    """Closed-form reaction functions {(country, kind): own tariff as f(other tariff)}.

    kind is ``static`` (equation (5')) or ``intertemporal`` (no credit, equation (5)). The
    generic forms are evaluated at the coefficients of our specification; for B the roles of
    the two tariffs are swapped.
    """
    coeffs = spec.coefficient_expressions()
    names = sp.symbols("c0 cA cB qAA qAB qBB", real=True)
    y = sp.Symbol("y", real=True)
    out = {}
    for country, other in (("A", spec.t_B), ("B", spec.t_A)):
        c = coeffs[country]
        own_first = (c["c0"], c["cA"], c["cB"], c["qAA"], c["qAB"], c["qBB"])
        if country == "B":  # B's own tariff is t_B: swap the roles of the coefficients
            own_first = (c["c0"], c["cB"], c["cA"], c["qBB"], c["qAB"], c["qAA"])
        subs = dict(zip(names, own_first, strict=True)) | {y: other}
        for kind, expr in generic_reaction_forms().items():
            out[(country, kind)] = sp.cancel(expr.subs(subs))
    return out


@lru_cache(maxsize=1)
def reaction_slope_closed_forms() -> dict[tuple[str, str], sp.Expr]:
    """d(own tariff)/d(other tariff) of each closed-form reaction function."""
    out = {}
    for (country, kind), expr in reaction_closed_forms().items():
        other = spec.t_B if country == "A" else spec.t_A
        out[(country, kind)] = sp.factor(sp.cancel(sp.diff(expr, other)))
    return out


@lru_cache(maxsize=8)
def reaction_function_callable(country: str, kind: str):
    """The closed form as a numpy function of (other tariff, lambda, mu, kappa, a, alpha, delta)."""
    other = spec.t_B if country == "A" else spec.t_A
    weight = spec.a_A if country == "A" else spec.a_B
    expr = reaction_closed_forms()[(country, kind)]
    args = (other, spec.lam, spec.mu, spec.kappa, weight, spec.alpha, spec.delta)
    return sp.lambdify(args, expr, "numpy")


def negotiating_currency_factor(retention, discount):
    """(1 + delta alpha) / (1 + delta alpha^2): scales the reaction intercept under no credit."""
    retention = np.asarray(retention, dtype=float)
    return (1 + discount * retention) / (1 + discount * retention**2)


@dataclass(frozen=True)
class LinearReaction:
    """own tariff = intercept + slope * other tariff."""

    intercept: np.ndarray
    slope: np.ndarray

    def __call__(self, other):
        return self.intercept + self.slope * other


def reaction_of_A(V_A: Quadratic, factor=1.0) -> LinearReaction:
    """A's reaction; ``factor`` = 1 (static) or the negotiating-currency factor (no credit)."""
    return LinearReaction(-V_A.cA * factor / V_A.qAA, -V_A.qAB / V_A.qAA)


def reaction_of_B(V_B: Quadratic, factor=1.0) -> LinearReaction:
    return LinearReaction(-V_B.cB * factor / V_B.qBB, -V_B.qAB / V_B.qBB)


def nash_equilibrium(r_A: LinearReaction, r_B: LinearReaction):
    """Intersection of two linear reaction functions, equation (4) (unbound tariffs)."""
    t_A = (r_A.intercept + r_A.slope * r_B.intercept) / (1 - r_A.slope * r_B.slope)
    return t_A, r_B(t_A)


def bound_equilibrium(r_A: LinearReaction, r_B: LinearReaction, cap_A, cap_B, tol=1e-12):
    """Non-cooperative equilibrium when no tariff may exceed its binding (section 3.1).

    Each government plays min(reaction, binding). With |slope_A * slope_B| < 1 the map is a
    contraction, so exactly one of four cases holds: both at the binding, one at the binding
    and the other on its reaction function, or both below (the unbound Nash equilibrium).
    Returns (t_A, t_B, case) with case 0..3 in that order; NaN where no case is consistent.
    """
    cap_A, cap_B = np.asarray(cap_A, dtype=float), np.asarray(cap_B, dtype=float)
    shape = np.broadcast(cap_A, cap_B, r_A.intercept, r_B.intercept).shape
    nash_A, nash_B = nash_equilibrium(r_A, r_B)
    x_a = r_A(cap_B)  # A on its reaction function, B at its binding
    y_b = r_B(cap_A)  # B on its reaction function, A at its binding
    candidates = [
        (cap_A, cap_B, (r_A(cap_B) >= cap_A - tol) & (r_B(cap_A) >= cap_B - tol)),
        (x_a, cap_B, (x_a < cap_A) & (r_B(x_a) >= cap_B - tol)),
        (cap_A, y_b, (y_b < cap_B) & (r_A(y_b) >= cap_A - tol)),
        (nash_A, nash_B, (nash_A < cap_A) & (nash_B < cap_B)),
    ]
    out_A = np.full(shape, np.nan)
    out_B = np.full(shape, np.nan)
    case = np.full(shape, -1)
    for index, (x, y, ok) in enumerate(candidates):
        take = np.broadcast_to(ok, shape) & (case < 0)
        out_A = np.where(take, np.broadcast_to(x, shape), out_A)
        out_B = np.where(take, np.broadcast_to(y, shape), out_B)
        case = np.where(take, index, case)
    return out_A, out_B, case
