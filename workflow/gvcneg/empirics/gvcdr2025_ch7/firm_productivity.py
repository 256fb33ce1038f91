"""Firm-level estimators of GVC Development Report 2025 Figures 7.10 and 7.11 (section 7.3.2,
Ma et al. 2024, Chinese firms 2000-2013; the firm data are confidential, so these run on
simulated data only).

Figure 7.10: the conditional correlation between backward GVC participation and the
within-industry productivity gap (gap to the industry leader, percentage points), shown as a
binned scatter: both variables are residualised on firm and year fixed effects (and controls),
the residualised GVC measure is cut into equal-count bins, and bin means are plotted with the
fixed-effects slope (Frisch-Waugh-Lovell: the slope through the residuals equals the
fixed-effects coefficient). The chapter reads the slope per doubling of participation, so
the regressor is log2 of participation.

Figure 7.11: the relationship between GVC participation and the level of productivity at
different quantiles of the productivity distribution (statsmodels QuantReg).
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def demean_by_groups(
    frame: pd.DataFrame, columns, groups, tol: float = 1e-10, max_iter: int = 1000
) -> pd.DataFrame:
    """Residuals of ``columns`` after absorbing the fixed effects ``groups`` (alternating
    projections; exact in one pass for a single set of effects or a balanced panel)."""
    out = frame[list(columns)].astype(float).copy()
    for _ in range(max_iter):
        previous = out.copy()
        for group in groups:
            out = out - out.groupby(frame[group]).transform("mean")
        if np.nanmax(np.abs((out - previous).to_numpy())) < tol:
            break
    else:
        raise RuntimeError(f"demeaning did not converge in {max_iter} iterations")
    return out


def fixed_effects_slope(
    firms: pd.DataFrame, y: str, x: str, controls=(), entity: str = "firm", time: str = "year"
) -> dict:
    """PanelOLS of ``y`` on ``x`` (+ controls) with entity and time effects, SE clustered by
    entity: coef, se, p, n."""
    from linearmodels.panel import PanelOLS

    data = firms.set_index([entity, time]).sort_index()
    fit = PanelOLS(data[y], data[[x, *controls]], entity_effects=True, time_effects=True).fit(
        cov_type="clustered", cluster_entity=True
    )
    return {
        "coef": float(fit.params[x]),
        "se": float(fit.std_errors[x]),
        "p": float(fit.pvalues[x]),
        "n": int(fit.nobs),
    }


def binned_conditional_correlation(
    firms: pd.DataFrame,
    y: str,
    x: str,
    controls=(),
    fixed_effects=("firm", "year"),
    bins: int = 20,
) -> tuple[pd.DataFrame, dict]:
    """Figure 7.10's binned scatter: bin means of the residualised ``y`` against the
    residualised ``x`` (``bins`` equal-count bins; the means of the raw variables are added
    back so the axes keep their units) and the slope through the residuals.

    Returns (bins frame: bin, x_mean, y_mean, n; dict: slope, n)."""
    columns = [y, x, *controls]
    data = firms.dropna(subset=columns)
    resid = demean_by_groups(data, columns, fixed_effects)
    if controls:
        z = resid[list(controls)].to_numpy()
        for column in (y, x):
            beta, *_ = np.linalg.lstsq(z, resid[column].to_numpy(), rcond=None)
            resid[column] = resid[column] - z @ beta
    slope = float(np.dot(resid[x], resid[y]) / np.dot(resid[x], resid[x]))
    ranks = resid[x].rank(method="first")
    bin_index = pd.qcut(ranks, bins, labels=False)
    table = pd.DataFrame(
        {"bin": bin_index, "x": resid[x] + data[x].mean(), "y": resid[y] + data[y].mean()}
    )
    binned = table.groupby("bin").agg(x_mean=("x", "mean"), y_mean=("y", "mean"), n=("x", "size"))
    return binned.reset_index(), {"slope": slope, "n": int(len(data))}


def quantile_effects(
    firms: pd.DataFrame, y: str, x: str, quantiles, controls=(), level: float = 0.95
) -> pd.DataFrame:
    """Figure 7.11: QuantReg of ``y`` on ``x`` (+ controls) at each quantile: quantile, coef,
    se, ci_low, ci_high, n."""
    from statsmodels.regression.quantile_regression import QuantReg
    from statsmodels.tools.tools import add_constant

    data = firms.dropna(subset=[y, x, *controls])
    exog = add_constant(data[[x, *controls]].astype(float))
    model = QuantReg(data[y].astype(float), exog)
    rows = []
    for q in quantiles:
        fit = model.fit(q=q, max_iter=5000)
        ci = fit.conf_int(alpha=1 - level).loc[x]
        rows.append(
            {
                "quantile": float(q),
                "coef": float(fit.params[x]),
                "se": float(fit.bse[x]),
                "ci_low": float(ci[0]),
                "ci_high": float(ci[1]),
                "n": int(fit.nobs),
            }
        )
    return pd.DataFrame(rows)
