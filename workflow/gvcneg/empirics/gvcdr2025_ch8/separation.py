"""Separation in Poisson models, with and without fixed effects (Correia, Guimaraes and
Zylkin 2019, "Verifying the existence of maximum likelihood estimates for generalized linear
models"; the ppmlhdfe separation primer).

An observation with y = 0 is separated when some combination z of the regressors and fixed
effects is 0 wherever y > 0, >= 0 wherever y = 0, and > 0 at that observation: its fitted
mean is then 0 only in the limit of infinite coefficients, the ML estimate does not exist, and
it must be dropped. Three checks, as in ppmlhdfe:

- ``fe``: a level of one fixed effect with only zero outcomes (its dummy is a certificate);
- ``simplex``: an exact linear program (HiGHS) over the regressors and, for small problems,
  the fixed-effect dummies; it finds every separated observation;
- ``relu``: the iterative rectifier, least squares with equality constraints (method of
  weighting, the fixed effects absorbed by the demeaner) on a rectified outcome; it scales to
  high-dimensional fixed effects.

Dropping separated observations can create singletons, and dropping those can create new
separation, so :func:`clean_sample` repeats both until nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.optimize import linprog

from gvcneg.empirics.gvcdr2025_ch8 import pyfixest_adapter as adapter

# A dense LP over the fixed-effect dummies is exact but grows as N x levels; above this many
# cells the ReLU (demeaner-based) check runs instead.
LP_MAX_CELLS = 1_000_000


class SeparationCheckFailed(RuntimeError):
    """A separation check did not finish (iteration limit, LP failure): nothing is certain."""


def dummies(codes: np.ndarray) -> np.ndarray:
    """Dense dummy matrix of all levels of all fixed effects (collinear columns included)."""
    blocks = []
    for g in range(codes.shape[1]):
        column = codes[:, g].astype(np.int64)
        block = np.zeros((len(column), int(column.max()) + 1))
        block[np.arange(len(column)), column] = 1.0
        blocks.append(block)
    return np.hstack(blocks) if blocks else np.empty((codes.shape[0], 0))


def _standardize(design: np.ndarray) -> np.ndarray:
    """Columns scaled to unit max-abs (separation is invariant to column scaling)."""
    scale = np.abs(design).max(axis=0) if design.size else np.ones(design.shape[1])
    scale[scale == 0] = 1.0
    return design / scale


def fe_separated(y: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Observations in a fixed-effect level whose outcomes are all zero."""
    separated = np.zeros(len(y), dtype=bool)
    positive = y > 0
    for g in range(codes.shape[1]):
        column = codes[:, g].astype(np.int64)
        has_positive = np.bincount(column, weights=positive, minlength=column.max() + 1) > 0
        separated |= ~has_positive[column]
    return separated


def lp_separated(y: np.ndarray, design: np.ndarray, zero_tol: float = 1e-7) -> np.ndarray:
    """All separated observations for the regressor matrix ``design`` (exact LP).

    Variables gamma (free) and t (one per zero outcome, in [0, 1]); maximise sum(t) subject to
    design_+ gamma = 0 and design_0 gamma >= t. Certificates add up and scale, so at the
    optimum t = 1 exactly on the separated observations. The certificate z = design gamma is
    then checked: it must vanish on y > 0 relative to its size on the separated rows.
    """
    zero = y == 0
    n0 = int(zero.sum())
    if n0 == 0 or design.shape[1] == 0:
        return np.zeros(len(y), dtype=bool)
    x = _standardize(np.asarray(design, dtype=float))
    x_pos, x_zero = x[~zero], x[zero]
    p = x.shape[1]
    cost = np.concatenate([np.zeros(p), -np.ones(n0)])
    a_ub = np.hstack([-x_zero, np.eye(n0)])  # t - x_zero gamma <= 0
    a_eq = np.hstack([x_pos, np.zeros((len(x_pos), n0))]) if len(x_pos) else None
    bounds = [(None, None)] * p + [(0.0, 1.0)] * n0
    result = linprog(
        cost,
        A_ub=a_ub,
        b_ub=np.zeros(n0),
        A_eq=a_eq,
        b_eq=np.zeros(len(x_pos)) if len(x_pos) else None,
        bounds=bounds,
        method="highs",
        options={"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10},
    )
    if result.status != 0:
        raise SeparationCheckFailed(f"separation LP: {result.message}")
    gamma, t = result.x[:p], result.x[p:]
    candidates = t > 0.5
    separated = np.zeros(len(y), dtype=bool)
    if not candidates.any():
        return separated
    z = x @ gamma
    size = np.abs(z[zero][candidates]).min()
    if len(x_pos) and np.abs(z[~zero]).max() > zero_tol * max(size, 1.0):
        raise SeparationCheckFailed("separation LP: certificate does not vanish where y > 0")
    separated[np.flatnonzero(zero)[candidates]] = True
    return separated


def relu_separated(
    y: np.ndarray,
    regressors: np.ndarray,
    codes: np.ndarray,
    tol: float = 1e-5,
    maxiter: int = 1000,
    fixef_tol: float = 1e-12,
    fixef_maxiter: int = 100_000,
) -> np.ndarray:
    """Separated observations by the iterative rectifier (Correia, Guimaraes and Zylkin).

    u = 1{y = 0}; repeat: regress u on the regressors and fixed effects with weight 1 where
    y = 0 and K = N0 / tol^2 where y > 0 (so the fit is ~0 there: least squares with equality
    constraints by the method of weighting), set fits within tolerance of 0 to 0, stop when no
    fit is negative where y = 0 (the fit is then a certificate z) or no residual is negative
    there (no separation left to find), else u = max(fit, 0).
    """
    zero = y == 0
    n0 = int(zero.sum())
    if n0 == 0:
        return np.zeros(len(y), dtype=bool)
    has_fe = codes.shape[1] > 0
    x = _standardize(np.asarray(regressors, dtype=float).reshape(len(y), -1))
    if not has_fe:
        x = np.column_stack([np.ones(len(y)), x])
    weights = np.where(zero, 1.0, n0 / tol**2)
    sqrt_w = np.sqrt(weights)
    x_tilde = adapter.demean(x, codes, weights, fixef_tol, fixef_maxiter) if has_fe else x
    u = zero.astype(float)
    delta = tol
    for _ in range(maxiter):
        if has_fe:
            u_tilde = adapter.demean(u, codes, weights, fixef_tol, fixef_maxiter).ravel()
        else:
            u_tilde = u
        if x_tilde.shape[1]:
            beta = np.linalg.lstsq(sqrt_w[:, None] * x_tilde, sqrt_w * u_tilde, rcond=None)[0]
            resid = u_tilde - x_tilde @ beta
        else:
            resid = u_tilde
        fit = u - resid
        fit[~zero] = 0.0
        fit[zero & (fit > -0.1 * delta) & (fit < delta)] = 0.0
        if (fit[zero] >= 0).all():
            return zero & (fit > 0)
        if (resid[zero] >= -delta).all():
            return zero & (fit > 0) & (resid <= delta)
        u = np.where(zero, np.maximum(fit, 0.0), 0.0)
    raise SeparationCheckFailed(f"ReLU separation check did not finish in {maxiter} iterations")


@dataclass
class CleanSample:
    """Which rows survive, and why the others were dropped."""

    keep: np.ndarray
    separated_fe: int = 0
    separated_simplex: int = 0
    separated_relu: int = 0
    singletons: int = 0
    rounds: int = 0
    methods: list[str] = field(default_factory=list)

    @property
    def separated(self) -> int:
        return self.separated_fe + self.separated_simplex + self.separated_relu


def _drop_singletons(codes: np.ndarray, keep: np.ndarray) -> int:
    dropped = 0
    while True:
        idx = np.flatnonzero(keep)
        single = adapter.singletons(codes[idx])
        if not single.any():
            return dropped
        keep[idx[single]] = False
        dropped += int(single.sum())


def clean_sample(
    y: np.ndarray,
    regressors: np.ndarray,
    codes: np.ndarray,
    methods: tuple[str, ...] = ("fe", "simplex", "relu"),
    drop_singletons: bool = True,
    fixef_tol: float = 1e-12,
    fixef_maxiter: int = 100_000,
    relu_tol: float = 1e-5,
    relu_maxiter: int = 1000,
    lp_max_cells: int = LP_MAX_CELLS,
) -> CleanSample:
    """Drop separated observations and singletons, repeated until stable.

    ``simplex`` is exact: on the regressors alone without fixed effects, and with the fixed
    effects as dummies while the dense problem has at most ``lp_max_cells`` cells; beyond that
    ``relu`` (which absorbs the fixed effects) is the check for separation involving them.
    """
    unknown = set(methods) - {"fe", "simplex", "relu"}
    if unknown:
        raise ValueError(f"unknown separation checks {sorted(unknown)}")
    out = CleanSample(keep=np.ones(len(y), dtype=bool), methods=list(methods))
    has_fe = codes.shape[1] > 0
    while True:
        out.rounds += 1
        changed = False
        if has_fe and drop_singletons:
            n = _drop_singletons(codes, out.keep)
            out.singletons += n
        if has_fe and "fe" in methods:
            idx = np.flatnonzero(out.keep)
            sep = fe_separated(y[idx], codes[idx])
            if sep.any():
                out.keep[idx[sep]] = False
                out.separated_fe += int(sep.sum())
                changed = True
                continue
        idx = np.flatnonzero(out.keep)
        if len(idx) == 0:
            return out
        sub_y, sub_x, sub_codes = y[idx], regressors[idx], codes[idx]
        if not (sub_y == 0).any():
            return out
        levels = int(sum(sub_codes[:, g].max() + 1 for g in range(sub_codes.shape[1])))
        dense_ok = len(idx) * (sub_x.shape[1] + levels + 1) <= lp_max_cells
        sep = np.zeros(len(idx), dtype=bool)
        if "simplex" in methods and (not has_fe or dense_ok):
            compact = np.column_stack([pd.factorize(c)[0] for c in sub_codes.T]) if has_fe else None
            design = np.column_stack(
                [np.ones(len(idx)), sub_x, *([dummies(compact)] if has_fe else [])]
            )
            sep = lp_separated(sub_y, design)
            out.separated_simplex += int(sep.sum())
        elif "relu" in methods:
            sep = relu_separated(
                sub_y, sub_x, sub_codes, relu_tol, relu_maxiter, fixef_tol, fixef_maxiter
            )
            out.separated_relu += int(sep.sum())
        if sep.any():
            out.keep[idx[sep]] = False
            changed = True
        if not changed:
            return out
