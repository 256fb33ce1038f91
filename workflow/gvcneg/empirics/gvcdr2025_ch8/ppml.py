"""PPML gravity with exporter, importer and year effects (Tables 8.3 and 8.A.5).

Table 8.A.5 states the specification: dependent variable bilateral trade in levels, fixed
effects "exp, imp, year", standard errors "dyad-clustered". The estimator is pyfixest's
``fepois`` (the ppmlhdfe algorithm). Footnote 21: percentage effects are
[exp(coefficient) - 1] x 100.

Diagnostics reported with every fit: N given, rows dropped for missing values, observations
dropped as separated (fixed-effect groups with only zero flows and regressor-based separation),
singletons dropped, N used, IRLS iterations and convergence.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from unittest import mock

import numpy as np
import pandas as pd
import pyfixest as pf
from pyfixest.estimation.models.fepois_ import Fepois


@dataclass(frozen=True)
class PPMLResult:
    table: pd.DataFrame  # term, coef, se, pvalue, pct_effect, stars
    diagnostics: dict


def percent_effect(coef):
    """Footnote 21: approximate percentage change [exp(b) - 1] x 100."""
    return (np.exp(coef) - 1.0) * 100.0


def significance_stars(pvalue: float) -> str:
    """The chapter's convention: *** p<0.01, ** p<0.05, * p<0.1."""
    if not np.isfinite(pvalue):
        return ""
    return "***" if pvalue < 0.01 else "**" if pvalue < 0.05 else "*" if pvalue < 0.1 else ""


@contextmanager
def _count_irls_iterations():
    """Count IRLS iterations of pyfixest's Fepois (it does not store them).

    ``Fepois._compute_deviance`` runs once before the loop, once per iteration and once after
    it, so iterations = calls - 2.
    """
    calls = {"n": 0}
    original = Fepois._compute_deviance

    def counting(self, *args, **kwargs):
        calls["n"] += 1
        return original(self, *args, **kwargs)

    with mock.patch.object(Fepois, "_compute_deviance", counting):
        yield calls


def fit_ppml(
    data: pd.DataFrame,
    outcome: str,
    regressors: list[str],
    fixed_effects: tuple[str, ...] = ("exporter", "importer", "year"),
    cluster: str = "dyad",
    maxiter: int = 50,
    tol: float = 1e-8,
    separation_check: tuple[str, ...] = ("fe", "ir"),
) -> PPMLResult:
    """PPML of ``outcome`` on ``regressors`` absorbing ``fixed_effects``, clustered by ``cluster``."""
    columns = list(dict.fromkeys([outcome, *regressors, *fixed_effects, cluster]))
    n_given = len(data)
    frame = data[columns].dropna().reset_index(drop=True)
    n_missing = n_given - len(frame)
    if (frame[outcome] < 0).any():
        raise ValueError(f"PPML: {outcome} has negative values")
    cluster_col = cluster
    if frame[cluster].dtype == object or isinstance(frame[cluster].dtype, pd.StringDtype):
        cluster_col = "_cluster_code"
        frame[cluster_col] = pd.factorize(frame[cluster])[0]
    fe_part = " + ".join(fixed_effects)
    formula = f"{outcome} ~ {' + '.join(regressors)}" + (f" | {fe_part}" if fixed_effects else "")
    with _count_irls_iterations() as calls:
        fit = pf.fepois(
            formula,
            data=frame,
            vcov={"CRV1": cluster_col},
            iwls_maxiter=maxiter,
            iwls_tol=tol,
            separation_check=list(separation_check),
        )
    iterations = max(calls["n"] - 2, 0)
    tidy = fit.tidy()
    coefs = tidy["Estimate"]
    table = pd.DataFrame({"term": regressors})
    table["coef"] = table["term"].map(coefs)
    table["se"] = table["term"].map(tidy["Std. Error"])
    table["pvalue"] = table["term"].map(tidy["Pr(>|t|)"])
    table["pct_effect"] = percent_effect(table["coef"])
    table["stars"] = table["pvalue"].map(significance_stars)
    n_separated = int(getattr(fit, "n_separation_na", 0) or 0)
    n_used = int(fit._N)
    converged = bool(getattr(fit, "convergence", False)) and iterations < maxiter
    diagnostics = {
        "estimator": "PPML (pyfixest fepois)",
        "outcome": outcome,
        "fixed_effects": "+".join(fixed_effects),
        "cluster": cluster,
        "n_given": n_given,
        "n_missing_dropped": n_missing,
        "n_separated": n_separated,
        "n_singletons_dropped": len(frame) - n_separated - n_used,
        "n_used": n_used,
        "n_clusters": int(frame[cluster_col].nunique()),
        "iterations": iterations,
        "converged": converged,
        "collinear_dropped": ";".join(getattr(fit, "_collin_vars", []) or []),
        # Over the estimation sample (after separated and singleton observations are dropped).
        "mean_outcome": float(fit._data[outcome].mean()),
    }
    return PPMLResult(table, diagnostics)
