"""Seeded simulated data with known coefficients, for the chapter 7 estimators whose real data
are confidential (Figures 7.10, 7.11) and for tests of every estimator.

Random streams derive from the configured seed and a name (``rng_for(seed, name)``), so a
draw does not depend on the order in which rules run or on the number of cores.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7 import INCOME_GROUPS


def rng_for(seed: int, name: str) -> np.random.Generator:
    """An independent generator for one named use of the pipeline seed."""
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=tuple(name.encode())))


def simulate_firm_gap_panel(
    rng: np.random.Generator,
    beta_per_doubling: float,
    n_firms: int = 2000,
    n_years: int = 8,
    noise_sd: float = 5.0,
) -> pd.DataFrame:
    """Firm-year panel for Figure 7.10: productivity gap to the industry leader (pp) =
    firm effect + year effect + beta * log2(backward GVC participation) + noise. Participation
    is correlated with the firm effect, so a regression without firm effects is biased.

    Columns: firm, industry, year, log2_gvc_backward, gap, firm_size (control, no effect)."""
    firm_effect = rng.normal(30.0, 10.0, n_firms)
    industry = rng.integers(0, 20, n_firms)
    year_effect = rng.normal(0.0, 2.0, n_years)
    firm = np.repeat(np.arange(n_firms), n_years)
    year = np.tile(np.arange(2000, 2000 + n_years), n_firms)
    # log2 participation: firm-specific level (correlated with the firm effect) + time variation.
    level = -3.0 + 0.05 * (firm_effect - 30.0) + rng.normal(0.0, 0.8, n_firms)
    log2_gvc = level[firm] + rng.normal(0.0, 0.7, n_firms * n_years)
    firm_size = rng.normal(0.0, 1.0, n_firms * n_years)
    gap = (
        firm_effect[firm]
        + year_effect[year - 2000]
        + beta_per_doubling * log2_gvc
        + rng.normal(0.0, noise_sd, n_firms * n_years)
    )
    return pd.DataFrame(
        {
            "firm": firm,
            "industry": industry[firm],
            "year": year,
            "log2_gvc_backward": log2_gvc,
            "gap": gap,
            "firm_size": firm_size,
        }
    )


def simulate_firm_productivity(
    rng: np.random.Generator,
    slope: float,
    scale_slope: float,
    n_firms: int = 4000,
    scale: float = 1.0,
) -> pd.DataFrame:
    """Cross-section for Figure 7.11 from a location-scale model:
    log_tfp = 1 + slope * gvc + (scale + scale_slope * gvc) * e, e ~ N(0, 1), gvc ~ U(0, 1).
    The conditional tau-quantile slope is slope + scale_slope * Phi^{-1}(tau)
    (see :func:`true_quantile_slope`); scale_slope < 0 = larger gains for less productive firms.
    """
    if scale + min(0.0, scale_slope) <= 0:
        raise ValueError("the scale must stay positive on gvc in [0, 1]")
    gvc = rng.uniform(0.0, 1.0, n_firms)
    e = rng.normal(0.0, 1.0, n_firms)
    log_tfp = 1.0 + slope * gvc + (scale + scale_slope * gvc) * e
    return pd.DataFrame({"firm": np.arange(n_firms), "gvc_participation": gvc, "log_tfp": log_tfp})


def true_quantile_slope(slope: float, scale_slope: float, quantile: float) -> float:
    """The tau-quantile slope of :func:`simulate_firm_productivity`'s model."""
    from scipy.stats import norm

    return float(slope + scale_slope * norm.ppf(quantile))


def simulate_labour_share_changes(
    rng: np.random.Generator,
    betas: dict,
    n_economies: int = 40,
    n_sectors: int = 10,
    n_years: int = 10,
    noise_sd: float = 0.5,
) -> pd.DataFrame:
    """Economy x sector x year annual changes for Figure 7.14's estimator:
    d_labour_share = economy + sector + year effects + sum_m betas[m] * d_m + noise, where the
    regressors d_m (m in betas) are correlated with the economy and year effects.

    Columns: iso3, sector, year, income_group, d_<m> for m in betas, d_labour_share."""
    economy_effect = rng.normal(0.0, 1.0, n_economies)
    sector_effect = rng.normal(0.0, 1.0, n_sectors)
    year_effect = rng.normal(0.0, 1.0, n_years)
    grid = pd.MultiIndex.from_product(
        [range(n_economies), range(n_sectors), range(n_years)], names=["e", "s", "t"]
    ).to_frame(index=False)
    e, s, t = grid["e"].to_numpy(), grid["s"].to_numpy(), grid["t"].to_numpy()
    n = len(grid)
    y = economy_effect[e] + sector_effect[s] + year_effect[t] + rng.normal(0.0, noise_sd, n)
    frame = pd.DataFrame(
        {
            "iso3": [f"E{i:03d}" for i in e],
            "sector": [f"S{j:02d}" for j in s],
            "year": 2001 + t,
            "income_group": np.asarray(INCOME_GROUPS)[e % len(INCOME_GROUPS)],
        }
    )
    for measure, beta in betas.items():
        d = 0.5 * economy_effect[e] + 0.5 * year_effect[t] + rng.normal(0.0, 1.0, n)
        frame[f"d_{measure}"] = d
        y = y + beta * d
    frame["d_labour_share"] = y
    return frame
