"""GVC participation, labour shares and inequality (GVC Development Report 2025, section 7.4).

Figure 7.14 (notes): "a regression of the annual change in the labor share on the change in GVC
participation (forward, backward and total GVC participation), the ratio of robots to
employment, economy, sector and time fixed effects", by income group, 95% confidence
intervals. Estimated with linearmodels' PanelOLS: economy and sector effects are absorbed as
``other_effects``; time effects as year dummies when three effects are asked for (PanelOLS
absorbs at most two), otherwise as ``time_effects``.

Figure 7.15: changes in GVC participation against changes in inequality indicators across
economies, with a fitted OLS line (robust SE).
"""

from __future__ import annotations

import pandas as pd

MEASURES = ("forward", "backward", "total")


def annual_changes(panel: pd.DataFrame, columns, keys=("iso3", "sector")) -> pd.DataFrame:
    """First differences of ``columns`` between consecutive years within ``keys``, in
    percentage points (x 100 of the 0-1 shares); rows whose previous year is missing are
    dropped. Output columns ``d_<column>``."""
    keys = list(keys)
    frame = panel.sort_values(keys + ["year"])
    grouped = frame.groupby(keys, sort=False)
    out = frame[keys + ["year"] + [c for c in ("income_group",) if c in frame.columns]].copy()
    consecutive = grouped["year"].diff() == 1
    for column in columns:
        out[f"d_{column}"] = 100.0 * grouped[column].diff()
    return out[consecutive].dropna().reset_index(drop=True)


def estimate_labour_share_gvc(
    changes: pd.DataFrame,
    measure: str,
    controls=(),
    effects=("economy", "sector", "time"),
    cluster: str | None = "economy",
    level: float = 0.95,
) -> dict:
    """PanelOLS of d_labour_share on d_<measure> (+ d_<controls>) with the given effects.

    ``changes`` has iso3, sector, year and the d_ columns (see :func:`annual_changes`).
    Returns coef, se, t, p, ci_low, ci_high, n, n_economies, n_sectors, n_years.
    """
    from linearmodels.panel import PanelOLS

    data = changes.copy()
    data["entity"] = data["iso3"] + "|" + data["sector"].astype(str)
    data = data.set_index(["entity", "year"]).sort_index()
    regressors = [f"d_{measure}"] + [f"d_{c}" for c in controls]
    exog = data[regressors]
    other = {}
    if "economy" in effects and data["iso3"].nunique() > 1:
        other["economy"] = pd.Categorical(data["iso3"]).codes
    if "sector" in effects and data["sector"].nunique() > 1:
        other["sector"] = pd.Categorical(data["sector"]).codes
    time_effects = False
    if "time" in effects:
        if len(other) < 2:
            time_effects = True
        else:
            years = pd.get_dummies(data.index.get_level_values("year"), prefix="year", dtype=float)
            years.index = data.index
            exog = pd.concat([exog, years.iloc[:, 1:]], axis=1)
    other_effects = pd.DataFrame(other, index=data.index) if other else None
    model = PanelOLS(
        data["d_labour_share"],
        exog,
        time_effects=time_effects,
        other_effects=other_effects,
        check_rank=False,
    )
    if cluster == "economy":
        clusters = pd.DataFrame({"economy": pd.Categorical(data["iso3"]).codes}, index=data.index)
        fit = model.fit(cov_type="clustered", clusters=clusters)
    else:
        fit = model.fit(cov_type="robust")
    name = f"d_{measure}"
    ci = fit.conf_int(level=level).loc[name]
    return {
        "measure": measure,
        "coef": float(fit.params[name]),
        "se": float(fit.std_errors[name]),
        "t": float(fit.tstats[name]),
        "p": float(fit.pvalues[name]),
        "ci_low": float(ci["lower"]),
        "ci_high": float(ci["upper"]),
        "n": int(fit.nobs),
        "n_economies": int(data["iso3"].nunique()),
        "n_sectors": int(data["sector"].nunique()),
        "n_years": int(data.index.get_level_values("year").nunique()),
    }


def labour_share_gvc_by_income_group(
    changes: pd.DataFrame,
    measures=MEASURES,
    groups=("all", "high", "upper_middle", "lower_middle"),
    controls=(),
    effects=("economy", "sector", "time"),
    min_economies: int = 5,
) -> pd.DataFrame:
    """Figure 7.14's estimates: one regression per sample (all economies or one income group)
    and GVC measure. Samples with fewer than ``min_economies`` economies are reported with
    NaN estimates (too few clusters)."""
    rows = []
    for group in groups:
        sample = changes if group == "all" else changes[changes["income_group"] == group]
        for measure in measures:
            if sample["iso3"].nunique() < min_economies:
                rows.append({"sample": group, "measure": measure, "n": len(sample)})
                continue
            result = estimate_labour_share_gvc(sample, measure, controls, effects)
            rows.append({"sample": group, **result})
    columns = ["sample", "measure", "coef", "se", "t", "p", "ci_low", "ci_high", "n"]
    columns += ["n_economies", "n_sectors", "n_years"]
    return pd.DataFrame(rows).reindex(columns=columns)


def long_changes(
    frame: pd.DataFrame, columns, start: int, end: int, key: str = "iso3"
) -> pd.DataFrame:
    """Change of each of ``columns`` between ``start`` and ``end`` (``d_<column>``) per ``key``,
    for keys observed in both years."""
    wide = frame[frame["year"].isin([start, end])].pivot_table(
        index=key, columns="year", values=list(columns), aggfunc="first"
    )
    out = pd.DataFrame(index=wide.index)
    for column in columns:
        out[f"d_{column}"] = wide[(column, end)] - wide[(column, start)]
    return out.dropna().reset_index()


def gvc_inequality_changes(
    gvc: pd.DataFrame, inequality: pd.DataFrame, income: pd.DataFrame, start: int, end: int
) -> pd.DataFrame:
    """Figure 7.15's points: per economy, the change in GVC participation (percentage points of
    gross exports) and in the inequality indicators (Gini x 100; top-10/bottom-50 ratio)."""
    gvc_totals = gvc[gvc["sector"] == "TOTAL"]
    d_gvc = long_changes(gvc_totals, MEASURES, start, end)
    for measure in MEASURES:
        d_gvc[f"d_{measure}"] *= 100.0
    indicators = [c for c in ("gini", "top10_bottom50") if c in inequality.columns]
    d_ineq = long_changes(inequality, indicators, start, end)
    if "d_gini" in d_ineq:
        d_ineq["d_gini"] *= 100.0
    meta = income.dropna(subset=["income_group"])[["iso3", "economy", "income_group"]]
    out = d_gvc.merge(d_ineq, on="iso3").merge(meta, on="iso3")
    return out.sort_values("iso3").reset_index(drop=True)


def fit_scatter(frame: pd.DataFrame, x: str, y: str, cov_type: str = "HC1") -> dict:
    """OLS of ``y`` on a constant and ``x`` with robust SE: intercept, slope, se, p, n, r2."""
    from statsmodels.regression.linear_model import OLS
    from statsmodels.tools.tools import add_constant

    data = frame[[x, y]].dropna()
    fit = OLS(data[y].to_numpy(float), add_constant(data[x].to_numpy(float))).fit(cov_type=cov_type)
    return {
        "x": x,
        "y": y,
        "intercept": float(fit.params[0]),
        "slope": float(fit.params[1]),
        "se": float(fit.bse[1]),
        "p": float(fit.pvalues[1]),
        "n": int(fit.nobs),
        "r2": float(fit.rsquared),
    }


def scatter_fits(points: pd.DataFrame, xs, ys, cov_type: str = "HC1") -> pd.DataFrame:
    """One :func:`fit_scatter` per (x, y) pair."""
    rows = [fit_scatter(points, x, y, cov_type) for y in ys for x in xs]
    return pd.DataFrame(rows)
