"""The contract curve and equiproportionate cuts (section 4, Figure 4).

The contract curve is the locus of tangency of the two governments' iso-value curves,
``V^A_tA V^B_tB - V^A_tB V^B_tA = 0``, on its efficient branch where the two gradients point
in opposite directions (one government can gain only if the other loses). With quadratic
objectives the tangency condition is a conic: along a ray ``s * base`` of equiproportionate
cuts it is a quadratic in ``s``, and for a given ``t_B`` a quadratic in ``t_A``; both are solved
in closed form here.
"""

from __future__ import annotations

import numpy as np

from gvcneg.theory.mattoo_olarreaga2000.specification import Quadratic


def tangency_gap(V_A: Quadratic, V_B: Quadratic, x, y):
    """V^A_tA V^B_tB - V^A_tB V^B_tA: zero where the iso-value curves are tangent."""
    return V_A.d_tA(x, y) * V_B.d_tB(x, y) - V_A.d_tB(x, y) * V_B.d_tA(x, y)


def gradients_opposed(V_A: Quadratic, V_B: Quadratic, x, y):
    """True on the efficient branch: the gradients point in opposite directions."""
    dot = V_A.d_tA(x, y) * V_B.d_tA(x, y) + V_A.d_tB(x, y) * V_B.d_tB(x, y)
    return dot < 0


def _quadratic_roots(c2, c1, c0):
    """Both real roots of c2 s^2 + c1 s + c0 (NaN where complex; linear case handled)."""
    c2, c1, c0 = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (c2, c1, c0)))
    disc = c1 * c1 - 4 * c2 * c0
    sq = np.sqrt(np.where(disc >= 0, disc, np.nan))
    linear = np.abs(c2) < 1e-14
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        # Numerically stable pair of roots.
        q = -0.5 * (c1 + np.copysign(sq, c1))
        r1 = np.where(linear, -c0 / c1, q / c2)
        r2 = np.where(linear, np.nan, c0 / q)
    return r1, r2


def _pick(V_A, V_B, roots, point, lower, upper):
    """The smallest admissible root: within [lower, upper] and on the efficient branch."""
    best = np.full(np.shape(roots[0]), np.nan)
    r1, r2 = roots
    lo, hi = np.fmin(r1, r2), np.fmax(r1, r2)
    for candidate in (lo, hi):
        with np.errstate(invalid="ignore", over="ignore"):
            x, y = point(candidate)
        ok = (
            np.isfinite(candidate)
            & (candidate >= lower)
            & (candidate <= upper)
            & gradients_opposed(V_A, V_B, x, y)
        )
        best = np.where(np.isnan(best) & ok, candidate, best)
    return best


def ray_intersection(V_A: Quadratic, V_B: Quadratic, base_A, base_B, s_max=np.inf):
    """Scale s > 0 with s * (base_A, base_B) on the contract curve (NaN if none).

    ``1 - s`` is the equiproportionate cut from the base that the negotiation implies.
    """
    base_A, base_B = np.asarray(base_A, dtype=float), np.asarray(base_B, dtype=float)
    gA = (V_A.d_tA(0.0, 0.0), V_A.d_tB(0.0, 0.0))
    gB = (V_B.d_tA(0.0, 0.0), V_B.d_tB(0.0, 0.0))
    hA = (V_A.qAA * base_A + V_A.qAB * base_B, V_A.qAB * base_A + V_A.qBB * base_B)
    hB = (V_B.qAA * base_A + V_B.qAB * base_B, V_B.qAB * base_A + V_B.qBB * base_B)
    c0 = gA[0] * gB[1] - gA[1] * gB[0]
    c1 = gA[0] * hB[1] + hA[0] * gB[1] - gA[1] * hB[0] - hA[1] * gB[0]
    c2 = hA[0] * hB[1] - hA[1] * hB[0]
    roots = _quadratic_roots(c2, c1, c0)
    return _pick(V_A, V_B, roots, lambda s: (s * base_A, s * base_B), 1e-12, s_max)


def contract_curve_tA(V_A: Quadratic, V_B: Quadratic, t_B, upper=np.inf):
    """A's tariff on the contract curve for each tariff of B (NaN where none in [0, upper])."""
    y = np.asarray(t_B, dtype=float)
    u1, v1 = V_A.cA + V_A.qAB * y, V_A.qAA  # V^A_tA = u1 + v1 x
    u2, v2 = V_A.cB + V_A.qBB * y, V_A.qAB  # V^A_tB
    u3, v3 = V_B.cA + V_B.qAB * y, V_B.qAA  # V^B_tA
    u4, v4 = V_B.cB + V_B.qBB * y, V_B.qAB  # V^B_tB
    c0 = u1 * u4 - u2 * u3
    c1 = u1 * v4 + v1 * u4 - u2 * v3 - v2 * u3
    c2 = v1 * v4 - v2 * v3
    roots = _quadratic_roots(c2, c1, c0)
    return _pick(V_A, V_B, roots, lambda x: (x, y), 0.0, upper)


def contract_curve_slope(V_A: Quadratic, V_B: Quadratic, x, y):
    """dt_A/dt_B along the contract curve at a point on it (implicit differentiation)."""
    gAx, gAy = V_A.d_tA(x, y), V_A.d_tB(x, y)
    gBx, gBy = V_B.d_tA(x, y), V_B.d_tB(x, y)
    d_dx = V_A.qAA * gBy + gAx * V_B.qAB - V_A.qAB * gBx - gAy * V_B.qAA
    d_dy = V_A.qAB * gBy + gAx * V_B.qBB - V_A.qBB * gBx - gAy * V_B.qAB
    return -d_dy / d_dx
