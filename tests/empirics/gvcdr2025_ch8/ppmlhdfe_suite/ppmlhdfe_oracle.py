"""An independent answer key for PPML problems, small enough to be exact.

Separation is decided by one linear program per zero outcome over the dense design
(intercept, regressors, every fixed-effect dummy): observation i is separated iff some
z = D gamma is 0 where y > 0, >= 0 where y = 0 and z_i > 0. This is a different formulation
from the estimator's (one aggregate LP or the ReLU with absorbed fixed effects). Identified
regressors: in order, those that add rank to the fixed effects (or intercept) and the
regressors before them, on the non-separated sample. Coefficients and fitted means: Newton
(IRLS with a minimum-norm least-squares step) on the dense design, run to machine precision.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.optimize import linprog


def fe_dummies(frame: pd.DataFrame, fixed_effects: list[str]) -> np.ndarray:
    blocks = [pd.get_dummies(frame[fe].astype(str), dtype=float).to_numpy() for fe in fixed_effects]
    return np.hstack(blocks) if blocks else np.empty((len(frame), 0))


def base_design(frame: pd.DataFrame, fixed_effects: list[str]) -> np.ndarray:
    return np.column_stack([np.ones(len(frame)), fe_dummies(frame, fixed_effects)])


def separated_by_lp(y: np.ndarray, design: np.ndarray) -> np.ndarray:
    scale = np.abs(design).max(axis=0)
    scale[scale == 0] = 1.0
    d = design / scale
    zero = y == 0
    separated = np.zeros(len(y), dtype=bool)
    for i in np.flatnonzero(zero):
        if separated[i]:
            continue
        cost = -d[i]
        a_ub = np.vstack([-d[zero], d[i][None, :]])
        b_ub = np.concatenate([np.zeros(zero.sum()), [1.0]])
        res = linprog(
            cost,
            A_ub=a_ub,
            b_ub=b_ub,
            A_eq=d[~zero] if (~zero).any() else None,
            b_eq=np.zeros((~zero).sum()) if (~zero).any() else None,
            bounds=[(None, None)] * d.shape[1],
            method="highs",
        )
        assert res.status == 0, res.message
        if -res.fun > 0.5:
            z = d @ res.x
            separated |= zero & (z > 1e-6)
            separated[i] = True
    return separated


def singletons(frame: pd.DataFrame, fixed_effects: list[str]) -> np.ndarray:
    single = np.zeros(len(frame), dtype=bool)
    for fe in fixed_effects:
        single |= frame.groupby(fe)[fe].transform("size").to_numpy() == 1
    return single


def answer_sample(frame, outcome, regressors, fixed_effects, drop_singletons=True) -> np.ndarray:
    """Rows kept after dropping separated observations and singletons, repeated until stable."""
    keep = np.ones(len(frame), dtype=bool)
    while True:
        changed = False
        if drop_singletons and fixed_effects:
            while True:
                sub = frame[keep]
                single = singletons(sub, fixed_effects)
                if not single.any():
                    break
                keep[np.flatnonzero(keep)[single]] = False
                changed = True
        sub = frame[keep]
        if len(sub) == 0:
            return keep
        design = np.column_stack([base_design(sub, fixed_effects), sub[regressors].to_numpy(float)])
        sep = separated_by_lp(sub[outcome].to_numpy(float), design)
        if sep.any():
            keep[np.flatnonzero(keep)[sep]] = False
            changed = True
        if not changed:
            return keep


def identified(frame, regressors, fixed_effects, tol=1e-6) -> list[str]:
    """In order, regressors whose part not explained by the fixed effects (or intercept) and
    the regressors kept before them has a norm above ``tol`` times their own norm."""
    base = base_design(frame, fixed_effects)
    kept = []
    for name in regressors:
        x = frame[name].to_numpy(float)
        norm = np.linalg.norm(x)
        if norm == 0:
            continue
        resid = x - base @ np.linalg.lstsq(base, x, rcond=None)[0]
        if np.linalg.norm(resid) > tol * norm:
            base = np.column_stack([base, x])
            kept.append(name)
    return kept


def newton_fit(frame, outcome, regressors, fixed_effects, maxiter=1000):
    """Coefficients of ``regressors`` (all identified) and fitted means by dense IRLS."""
    y = frame[outcome].to_numpy(float)
    x = frame[regressors].to_numpy(float).reshape(len(frame), -1)
    d = np.column_stack([x, base_design(frame, fixed_effects)])
    mu = (y + y.mean()) / 2
    eta = np.log(mu)
    for _ in range(maxiter):
        z = eta + (y - mu) / mu
        sw = np.sqrt(mu)
        beta = np.linalg.lstsq(sw[:, None] * d, sw * z, rcond=None)[0]
        new_eta = d @ beta
        step = np.max(np.abs(new_eta - eta))
        eta, mu = new_eta, np.exp(new_eta)
        if step < 1e-11:
            break
    return beta[: x.shape[1]], mu
