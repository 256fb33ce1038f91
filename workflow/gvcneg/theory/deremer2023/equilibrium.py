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


# --- many points at once --------------------------------------------------------------------

_NEWTON_ITERATIONS = 60
_LATTICE = np.linspace(-0.9, 0.15, 8)


def _conditions_and_jacobian(tx, ty, gm_h, ge_h, gm_f, ge_f):
    """Conditions (6) and their Jacobian for arrays of points (the same formulas as
    :func:`reciprocity_conditions`, elementwise)."""
    m_x, m_y = model.import_volume(tx), model.import_volume(ty)
    r = m_x / m_y
    r_x = model.IMPORT_VOLUME_SLOPE / m_y  # d r / d tau_x
    r_y = -r * model.IMPORT_VOLUME_SLOPE / m_y  # d r / d tau_y
    gx, gy = model.importer_objective_d1(tx, gm_h), model.exporter_objective_d1(ty, ge_h)
    sx, sy = model.exporter_objective_d1(tx, ge_f), model.importer_objective_d1(ty, gm_f)
    f1, f2 = gx + r * gy, sx + r * sy
    j11 = model.importer_objective_d2(tx, gm_h) + r_x * gy
    j12 = r * model.exporter_objective_d2(ty, ge_h) + r_y * gy
    j21 = model.exporter_objective_d2(tx, ge_f) + r_x * sy
    j22 = r * model.importer_objective_d2(ty, gm_f) + r_y * sy
    return f1, f2, j11, j12, j21, j22


def _newton(tx, ty, gammas, iterations: int = _NEWTON_ITERATIONS):
    """Newton's method on conditions (6) for arrays of starts; returns the last iterates and
    their residuals max(|F|) (nan where the iteration broke down). Starts that have converged
    (or broken down) drop out of the iteration."""
    tx, ty = np.array(tx, dtype=float), np.array(ty, dtype=float)
    active = np.arange(tx.size)
    with np.errstate(all="ignore"):
        for _ in range(iterations):
            if not active.size:
                break
            x, y = tx[active], ty[active]
            f1, f2, j11, j12, j21, j22 = _conditions_and_jacobian(
                x, y, *(g[active] for g in gammas)
            )
            det = j11 * j22 - j12 * j21
            dx, dy = (j22 * f1 - j12 * f2) / det, (j11 * f2 - j21 * f1) / det
            tx[active], ty[active] = x - dx, y - dy
            step = np.maximum(np.abs(dx), np.abs(dy))
            active = active[np.isfinite(step) & (step > 1e-14)]
        f1, f2, *_ = _conditions_and_jacobian(tx, ty, *gammas)
        residual = np.maximum(np.abs(f1), np.abs(f2))
    return tx, ty, np.where(np.isfinite(residual), residual, np.nan)


def _accepted(tx, ty, residual) -> np.ndarray:
    """The acceptance test of :func:`solve_reciprocity_stable_tariffs`: a small residual in
    the non-prohibitive region."""
    with np.errstate(invalid="ignore"):
        return (
            (residual < 1e-10) & (tx > -1.0) & (ty > -1.0) & (tx < MAX_TARIFF) & (ty < MAX_TARIFF)
        )


def _may_have_root(gammas, margin: float = 1e-6) -> np.ndarray:
    """False where conditions (6) certainly have no root in the non-prohibitive region.

    Times M(tau_y*) > 0, each condition is bilinear in (tau_x, tau_y*):
    M(tau_y*) f'(tau_x) + M(tau_x) g'(tau_y*) = 0 with f', g' and M linear. Eliminating tau_y*
    leaves a quadratic in tau_x, so all roots are known in closed form. Near-real roots, roots
    within ``margin`` of the region's edges and degenerate systems all count as "may have a
    root" (the caller then asks the single-point solver).
    """
    gm_h, ge_h, gm_f, ge_f = gammas
    m0, m1 = float(model.import_volume(0.0)), model.IMPORT_VOLUME_SLOPE

    def bilinear(a, b, c, d):  # M(y)(a + b x) + M(x)(c + d y) = P + Q x + R y + S x y
        return m0 * (a + c), m0 * b + m1 * c, m1 * a + m0 * d, m1 * (b + d)

    f1, f2 = model.importer_objective_d1, model.importer_objective_d2
    g1, g2 = model.exporter_objective_d1, model.exporter_objective_d2
    zero = np.zeros_like(gm_h)

    def slope_and_intercept(d1, d2, gamma):  # d1(tau) = d1(0) + d2 tau (quadratic objectives)
        return d1(zero, gamma) + zero, d2(zero, gamma) + zero

    # Home: M(tau_y) f'(tau_x; gM) + M(tau_x) g'(tau_y; gE); Foreign: g'(tau_x; gE*), f'(tau_y; gM*)
    p1, q1, r1, s1 = bilinear(
        *slope_and_intercept(f1, f2, gm_h), *slope_and_intercept(g1, g2, ge_h)
    )
    p2, q2, r2, s2 = bilinear(
        *slope_and_intercept(g1, g2, ge_f), *slope_and_intercept(f1, f2, gm_f)
    )
    # (P2 + Q2 x)(R1 + S1 x) - (R2 + S2 x)(P1 + Q1 x) = A x^2 + B x + C. Multiplying by M
    # added the root x = y = 1/6 (both import volumes zero), outside the region; the other root
    # is x = C / (A / 6) (product of the roots).
    a = q2 * s1 - s2 * q1
    b = p2 * s1 + q2 * r1 - r2 * q1 - s2 * p1
    c = p2 * r1 - r2 * p1
    scale = np.maximum.reduce([np.abs(a), np.abs(b), np.abs(c)])
    with np.errstate(all="ignore"):
        at_edge = a * MAX_TARIFF**2 + b * MAX_TARIFF + c
        regular = (np.abs(a) > 1e-9 * scale) & (np.abs(at_edge) <= 1e-12 * scale)
        x = c / (a * MAX_TARIFF)
        den1, den2 = r1 + s1 * x, r2 + s2 * x
        y = np.where(np.abs(den1) > 1e-9, -(p1 + q1 * x) / den1, -(p2 + q2 * x) / den2)
        resolved = np.isfinite(x) & np.isfinite(y) & ((np.abs(den1) > 1e-9) | (np.abs(den2) > 1e-9))
        inside = (
            (x > -1.0 - margin)
            & (x < MAX_TARIFF + margin)
            & (y > -1.0 - margin)
            & (y < MAX_TARIFF + margin)
        )
    return ~regular | ~resolved | inside


def _hybr_root(start: np.ndarray, weights: CountryPair, tol: float) -> np.ndarray | None:
    """One start of :func:`solve_reciprocity_stable_tariffs`: the root, or None if rejected."""
    solution = optimize.root(reciprocity_conditions, start, args=(weights,), method="hybr", tol=tol)
    residual = np.max(np.abs(reciprocity_conditions(solution.x, weights)))
    if solution.success and residual < 1e-10 and _in_domain(solution.x):
        return solution.x
    return None


def _distinct(roots: np.ndarray) -> list[np.ndarray]:
    """Roots (rows) that differ by more than the single-point solver's duplicate test."""
    if np.all(np.abs(roots - roots[0]) <= 1e-8 + 1e-5 * np.abs(roots[0])):  # np.allclose
        return [roots[0]]
    found: list[np.ndarray] = []
    for root in roots:
        if not any(np.allclose(root, other, atol=1e-8) for other in found):
            found.append(root)
    return found


def solve_reciprocity_stable_many(
    weights: list[CountryPair], tol: float = 1e-13, iterations: int = _NEWTON_ITERATIONS
) -> list[TariffPair | SolveError]:
    """:func:`solve_reciprocity_stable_tariffs` for many weight pairs at once (a grid chunk),
    with the same answer, to the bit, or the same :class:`SolveError` for every point.

    The single-point solver's cost is its search for roots: up to 65 starts of a scipy root
    call, to show that a root is unique (or that there is none). Here Newton's method runs from
    the same starts (equation (7) at the average weights, then the lattice) on all points and
    starts together, and its roots answer that search:

    - no start finds a non-prohibitive root: the same "no solution" error;
    - exactly one distinct root: the scipy call from the single-point solver's first accepted
      start gives the answer (the same call, hence the same bits), provided it is that root;
    - anything else (several roots, or scipy disagreeing with Newton): the point falls back to
      :func:`solve_reciprocity_stable_tariffs` itself, with today's unique-root check.
    """
    n = len(weights)
    if n == 0:
        return []
    gammas = tuple(
        np.array([getattr(getattr(w, country), name) for w in weights], dtype=float)
        for country, name in (
            ("home", "gamma_M"),
            ("home", "gamma_E"),
            ("foreign", "gamma_M"),
            ("foreign", "gamma_E"),
        )
    )
    gm_h, ge_h, gm_f, ge_f = gammas
    first_start = equation_7(0.5 * (gm_h + gm_f), 0.5 * (ge_h + ge_f))
    lattice = [np.array([a, b]) for a in _LATTICE for b in _LATTICE]
    # every start for every point, flattened as (point, start): the first start, then the lattice
    k = 1 + len(lattice)
    sx = np.column_stack([first_start, np.tile([p[0] for p in lattice], (n, 1))]).ravel()
    sy = np.column_stack([first_start, np.tile([p[1] for p in lattice], (n, 1))]).ravel()
    rx, ry, residual = _newton(sx, sy, tuple(np.repeat(g, k) for g in gammas), iterations)
    accepted = _accepted(rx, ry, residual).reshape(n, k)
    roots = np.stack([rx, ry], axis=-1).reshape(n, k, 2)
    may_have_root = _may_have_root(gammas)
    results: list[TariffPair | SolveError] = []
    for i, w in enumerate(weights):
        found = roots[i][accepted[i]]
        if not len(found) and not may_have_root[i]:
            results.append(SolveError(f"conditions (6) have no non-prohibitive solution for {w}"))
            continue
        distinct = _distinct(found) if len(found) else []
        if len(distinct) == 1:
            starts = [np.full(2, first_start[i]), *lattice]
            root = next((x for x in (_hybr_root(s, w, tol) for s in starts) if x is not None), None)
            if root is not None and np.allclose(root, distinct[0], atol=1e-8):
                results.append(TariffPair(float(root[0]), float(root[1])))
                continue
        try:
            results.append(solve_reciprocity_stable_tariffs(w, tol))
        except SolveError as err:
            results.append(err)
    return results


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
