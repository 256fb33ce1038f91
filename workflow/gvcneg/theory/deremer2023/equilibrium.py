"""Nash tariffs, the reciprocity-stable efficient tariffs of conditions (5)-(6) and equation (7),
and the public-preferred reciprocal tariffs (section 3.3)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp
from scipy import optimize

from gvcneg.theory.deremer2023 import model
from gvcneg.theory.deremer2023.model import CountryPair


class SolveError(RuntimeError):
    """A numerical solve did not converge or left the non-prohibitive region."""


@dataclass(frozen=True)
class TariffPair:
    tau_x: float  # Home's import tariff on x
    tau_y: float  # Foreign's import tariff on y (tau_y* in the paper)


def _nash_closed_form_expr():
    """The importer's best response solves f'(tau; gamma_M) = 0 (a linear equation)."""
    (solution,) = sp.solve(sp.diff(model.importer_objective_expr(), model.TAU), model.TAU)
    return sp.simplify(solution)


NASH_TARIFF_EXPR = _nash_closed_form_expr()
_nash_closed_form = sp.lambdify(model.GAMMA, NASH_TARIFF_EXPR, "numpy")


def nash_tariff_closed_form(gamma_M: float) -> float:
    """Closed-form best-response (= Nash) tariff; depends on the importer's gamma_M only."""
    return float(_nash_closed_form(gamma_M))


def nash_tariffs(weights: CountryPair) -> TariffPair:
    """Non-cooperative tariffs: each importer maximises its own objective over its own tariff
    (solved numerically; tariffs do not interact across goods in this model)."""

    def best_response(gamma_M: float) -> float:
        return optimize.brentq(
            lambda t: model.importer_objective_d1(t, gamma_M), -1.0, 1.0, xtol=1e-14
        )

    return TariffPair(best_response(weights.home.gamma_M), best_response(weights.foreign.gamma_M))


def equation_7(gamma_M: float, gamma_E: float) -> float:
    """Equation (7): the symmetric reciprocity-stable efficient tariff, as printed in the paper."""
    return 4 * (2 * gamma_M + 1 - 3 * gamma_E) / (59 - 9 * gamma_E - 8 * gamma_M)


def reciprocity_conditions(tau, weights: CountryPair) -> np.ndarray:
    """Conditions (6): each government is indifferent to a reciprocal change (5).

    Home:    dG/dtau_x  + r dG/dtau_y*  = 0
    Foreign: dG*/dtau_x + r dG*/dtau_y* = 0,  r = d tau_y*/d tau_x of equation (5).
    """
    tau_x, tau_y = tau
    r = model.reciprocity_ratio(tau_x, tau_y)
    gx, gy = model.home_gradient(tau_x, tau_y, weights)
    sx, sy = model.foreign_gradient(tau_x, tau_y, weights)
    return np.array([gx + r * gy, sx + r * sy])


def efficiency_frontier_condition(tau_x, tau_y, weights: CountryPair):
    """Tangency of the iso-objective curves: G_x G*_y - G_y G*_x = 0 on the frontier EF."""
    gx, gy = model.home_gradient(tau_x, tau_y, weights)
    sx, sy = model.foreign_gradient(tau_x, tau_y, weights)
    return gx * sy - gy * sx


def _in_domain(tau) -> bool:
    """Positive local prices (tau > -1) and non-prohibitive tariffs (tau < 1/6)."""
    return bool(np.all(np.asarray(tau) > -1.0) and np.all(np.asarray(tau) < MAX_TARIFF))


MAX_TARIFF = float(model.PROHIBITIVE_TARIFF)


def solve_reciprocity_stable_tariffs(weights: CountryPair, tol: float = 1e-13) -> TariffPair:
    """The stable efficient point: conditions (6) solved numerically for any weights.

    Starts from equation (7) at the average weights (the exact answer when symmetric); if that
    start does not converge, from a fixed lattice of starts in the non-prohibitive region. The
    solution must be unique there, or the solve fails loudly.
    """
    gm = 0.5 * (weights.home.gamma_M + weights.foreign.gamma_M)
    ge = 0.5 * (weights.home.gamma_E + weights.foreign.gamma_E)
    lattice = np.linspace(-0.9, 0.15, 8)
    starts = [np.full(2, equation_7(gm, ge))] + [np.array([a, b]) for a in lattice for b in lattice]
    found: list[np.ndarray] = []
    for start in starts:
        solution = optimize.root(
            reciprocity_conditions, start, args=(weights,), method="hybr", tol=tol
        )
        residual = np.max(np.abs(reciprocity_conditions(solution.x, weights)))
        if solution.success and residual < 1e-10 and _in_domain(solution.x):
            if not any(np.allclose(solution.x, other, atol=1e-8) for other in found):
                found.append(solution.x)
            if start is starts[0]:
                break
    if not found:
        raise SolveError(f"conditions (6) have no non-prohibitive solution for {weights}")
    if len(found) > 1:
        raise SolveError(f"conditions (6) have several solutions for {weights}: {found}")
    tau_x, tau_y = found[0]
    return TariffPair(float(tau_x), float(tau_y))


def solve_public_preferred_tariffs(public: CountryPair) -> TariffPair:
    """tau^W: the reciprocal tariffs the two publics would negotiate (conditions (6) with the
    public's objectives W, W* of equation (2))."""
    return solve_reciprocity_stable_tariffs(public)


def outcome_table_rows(case: str, objective: str, tariffs: TariffPair, gov, public) -> list[dict]:
    """One row per country describing an equilibrium: tariffs, prices, volumes, objectives."""
    rows = []
    for country, tau_own, tau_partner in (
        ("Home", tariffs.tau_x, tariffs.tau_y),
        ("Foreign", tariffs.tau_y, tariffs.tau_x),
    ):
        if country == "Home":
            g = model.home_objective(tariffs.tau_x, tariffs.tau_y, gov)
            w = model.home_objective(tariffs.tau_x, tariffs.tau_y, public)
        else:
            g = model.foreign_objective(tariffs.tau_x, tariffs.tau_y, gov)
            w = model.foreign_objective(tariffs.tau_x, tariffs.tau_y, public)
        rows.append(
            {
                "case": case,
                "equilibrium": objective,
                "country": country,
                "import_tariff": tau_own,
                "partner_import_tariff": tau_partner,
                "local_import_price": float(model.importer_price(tau_own)),
                "world_price_of_import": float(model.world_price(tau_own)),
                "import_volume": float(model.import_volume(tau_own)),
                "government_objective": float(g),
                "public_welfare": float(w),
            }
        )
    return rows
