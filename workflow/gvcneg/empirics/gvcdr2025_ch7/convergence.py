"""Unconditional beta-convergence across economies (GVC Development Report 2025, Figure 7.7,
section 7.3): average annual growth of GDP per capita over [start, end] on log GDP per capita
in ``start``, OLS with heteroskedasticity-robust standard errors (statsmodels)."""

from __future__ import annotations

import numpy as np
import pandas as pd

GROWTH_DEFINITIONS = ("log_difference", "compound")


def annual_growth_percent(start_value, end_value, years: int, definition: str) -> np.ndarray:
    """Average annual growth in percent: 100 * ln(end/start) / years ('log_difference') or
    100 * ((end/start)**(1/years) - 1) ('compound')."""
    ratio = np.asarray(end_value, dtype=float) / np.asarray(start_value, dtype=float)
    if definition == "log_difference":
        return 100.0 * np.log(ratio) / years
    if definition == "compound":
        return 100.0 * (ratio ** (1.0 / years) - 1.0)
    raise ValueError(f"growth definition {definition!r} not in {GROWTH_DEFINITIONS}")


def convergence_sample(
    panel: pd.DataFrame, start: int, end: int, growth_definition: str
) -> pd.DataFrame:
    """Economies with GDP per capita in ``start`` and ``end``: iso3, economy, income_group,
    log_gdp_pc_start, growth_percent."""
    wide = panel[panel["year"].isin([start, end])].pivot_table(
        index=["iso3", "economy", "income_group"], columns="year", values="gdp_pc_ppp"
    )
    wide = wide.dropna(subset=[start, end]).reset_index()
    return pd.DataFrame(
        {
            "iso3": wide["iso3"],
            "economy": wide["economy"],
            "income_group": wide["income_group"],
            "log_gdp_pc_start": np.log(wide[start].astype(float)),
            "growth_percent": annual_growth_percent(
                wide[start], wide[end], end - start, growth_definition
            ),
        }
    ).reset_index(drop=True)


def estimate_convergence(sample: pd.DataFrame, cov_type: str = "HC1") -> dict:
    """OLS of growth_percent on a constant and log_gdp_pc_start with robust SE ``cov_type``.

    Returns intercept, slope, slope_se, slope_t, slope_p, n, r2 and cov_type.
    """
    from statsmodels.regression.linear_model import OLS
    from statsmodels.tools.tools import add_constant

    x = add_constant(sample["log_gdp_pc_start"].to_numpy(dtype=float))
    y = sample["growth_percent"].to_numpy(dtype=float)
    fit = OLS(y, x).fit(cov_type=cov_type)
    return {
        "intercept": float(fit.params[0]),
        "slope": float(fit.params[1]),
        "slope_se": float(fit.bse[1]),
        "slope_t": float(fit.tvalues[1]),
        "slope_p": float(fit.pvalues[1]),
        "n": int(fit.nobs),
        "r2": float(fit.rsquared),
        "cov_type": cov_type,
    }


def fitted_line(result: dict, x_min: float, x_max: float, points: int = 50) -> pd.DataFrame:
    """The fitted regression line on [x_min, x_max] (plotted in Figure 7.7)."""
    x = np.linspace(x_min, x_max, points)
    return pd.DataFrame(
        {"log_gdp_pc_start": x, "fitted": result["intercept"] + result["slope"] * x}
    )
