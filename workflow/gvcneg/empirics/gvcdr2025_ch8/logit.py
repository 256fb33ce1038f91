"""Pooled logit of TTD formation with odds ratios (chapter 8, section 8.4.4.2, Table 8.2).

"We estimate pooled logistic regression models (see Annex 8.5) ... The estimated coefficients
are expressed as odds ratios". Annex 8.5 is not in the published text; the specification
choices (year effects, dyad-clustered errors, risk set) are parameters and documented in the
report. The estimator is statsmodels' ``Logit`` (Newton-Raphson).

Year effects and separation: a year in which no dyad forms a TTD (e.g. every digital year
before 2016) would give its year dummy a coefficient of minus infinity; such years are dropped
before estimation, as fixest's ``feglm`` drops fixed-effect groups with a constant outcome.
Their observations are counted as ``n_separated`` in the diagnostics.

Quasi-separation by a binary regressor (one of its levels has no events, or only events)
sends its coefficient to -/+ infinity and stops Newton's method from converging. As Stata's
``logit`` does ("x != 0 predicts failure perfectly; x dropped and N obs not used"), such a
regressor is dropped together with the observations at the separating level; both are
reported (``dropped_terms``, ``n_separated``) and its odds ratio is left empty.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class LogitResult:
    table: pd.DataFrame  # term, coef, se, z, pvalue, odds_ratio, or_ci_low, or_ci_high
    diagnostics: dict


def _drop_constant_outcome_groups(data: pd.DataFrame, outcome: str, group: str):
    varies = data.groupby(group)[outcome].transform("nunique") > 1
    return data[varies], int((~varies).sum())


def quasi_separated_terms(
    data: pd.DataFrame, outcome: str, regressors: list[str]
) -> dict[str, float]:
    """Binary regressors one of whose levels has no (or only) events -> that level."""
    flagged = {}
    for term in regressors:
        values = data[term]
        if not set(np.unique(values)) <= {0, 1}:
            continue
        for level in (1.0, 0.0):
            y = data.loc[values == level, outcome]
            if len(y) and (y.min() == y.max()):
                flagged[term] = level
                break
    return flagged


def drop_quasi_separated(data: pd.DataFrame, outcome: str, regressors: list[str]):
    """Drop separating binary regressors and the observations they predict (Stata's rule)."""
    kept, dropped, n_dropped = list(regressors), [], 0
    while True:
        flagged = quasi_separated_terms(data, outcome, kept)
        if not flagged:
            return data, kept, dropped, n_dropped
        term, level = next(iter(flagged.items()))
        at_level = data[term] == level
        n_dropped += int(at_level.sum())
        data = data[~at_level]
        kept.remove(term)
        dropped.append(term)


def fit_formation_logit(
    panel: pd.DataFrame,
    outcome: str,
    regressors: list[str],
    year: str | None = "year",
    cluster: str | None = "dyad",
    maxiter: int = 100,
) -> LogitResult:
    """Pooled logit of ``outcome`` (0/1) on ``regressors`` (+ year dummies if ``year``).

    Returns odds ratios exp(b) with 95% intervals exp(b -/+ 1.96 se), and diagnostics:
    N given, N used, rows dropped for missing values, observations dropped as separated by the
    year effects, iterations and convergence.
    """
    from statsmodels.discrete.discrete_model import Logit
    from statsmodels.tools.tools import add_constant

    columns = [outcome, *regressors] + ([year] if year else []) + ([cluster] if cluster else [])
    columns = list(dict.fromkeys(columns))
    n_given = len(panel)
    data = panel[columns].dropna()
    n_missing = n_given - len(data)
    n_separated = 0
    if year:
        data, n_separated = _drop_constant_outcome_groups(data, outcome, year)
    data, kept, dropped, n_quasi = drop_quasi_separated(data, outcome, regressors)
    if year:
        data, n_more = _drop_constant_outcome_groups(data, outcome, year)
        n_quasi += n_more
    if data.empty or data[outcome].nunique() < 2:
        raise ValueError(f"logit of {outcome}: no variation in the outcome after dropping rows")
    y = data[outcome].astype(float).to_numpy()
    design = data[kept].astype(float)
    if year:
        dummies = pd.get_dummies(data[year], prefix="year", drop_first=True, dtype=float)
        design = pd.concat([design, dummies], axis=1)
    design = add_constant(design, has_constant="add")
    model = Logit(y, design)
    fit_kwargs = {"method": "newton", "maxiter": maxiter, "disp": 0}
    if cluster:
        groups = pd.factorize(data[cluster])[0]
        fit_kwargs.update(cov_type="cluster", cov_kwds={"groups": groups})
    fit = model.fit(**fit_kwargs)
    table = pd.DataFrame({"term": regressors})
    for column, values in (
        ("coef", fit.params),
        ("se", fit.bse),
        ("z", fit.tvalues),
        ("pvalue", fit.pvalues),
    ):
        table[column] = table["term"].map(values)
    table["odds_ratio"] = np.exp(table["coef"])
    table["or_ci_low"] = np.exp(table["coef"] - 1.959963984540054 * table["se"])
    table["or_ci_high"] = np.exp(table["coef"] + 1.959963984540054 * table["se"])
    diagnostics = {
        "estimator": "pooled logit (statsmodels Logit, Newton)",
        "outcome": outcome,
        "n_given": n_given,
        "n_missing_dropped": n_missing,
        "n_separated": n_separated + n_quasi,
        "n_used": int(fit.nobs),
        "n_events": int(y.sum()),
        "iterations": int(fit.mle_retvals.get("iterations", -1)),
        "converged": bool(fit.mle_retvals.get("converged", False)),
        "dropped_terms": ";".join(dropped),
        "pseudo_r2": float(fit.prsquared),
        "n_clusters": int(data[cluster].nunique()) if cluster else 0,
        # Clusters (pairs, at the default clustering) with at least one event: what the odds
        # ratios rest on.
        "n_event_clusters": int(data.loc[y == 1, cluster].nunique()) if cluster else 0,
        "year_effects": bool(year),
    }
    return LogitResult(table, diagnostics)
