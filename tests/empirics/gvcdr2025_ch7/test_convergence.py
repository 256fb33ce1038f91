"""Figure 7.7: convergence OLS with robust SE recovers a simulated slope; HC1 by hand."""

import numpy as np
import pandas as pd
import pytest

from gvcneg.empirics.gvcdr2025_ch7.convergence import (
    annual_growth_percent,
    convergence_sample,
    estimate_convergence,
)
from gvcneg.empirics.gvcdr2025_ch7.simulate import rng_for


def test_growth_definitions():
    assert annual_growth_percent(100, 200, 10, "log_difference") == pytest.approx(
        100 * np.log(2) / 10
    )
    assert annual_growth_percent(100, 200, 10, "compound") == pytest.approx(100 * (2**0.1 - 1))


def _simulated(slope=-0.5, n=3000):
    rng = rng_for(7, "test.convergence")
    x = rng.uniform(6.5, 11.5, n)
    noise = rng.normal(0, 0.3 + 0.2 * (x - 6.5), n)  # heteroskedastic
    return pd.DataFrame({"log_gdp_pc_start": x, "growth_percent": 6.0 + slope * x + noise})


def test_recovers_simulated_slope():
    result = estimate_convergence(_simulated(), "HC1")
    assert result["slope"] == pytest.approx(-0.5, abs=4 * result["slope_se"])
    assert result["slope_p"] < 1e-6
    assert result["n"] == 3000


def test_hc1_standard_error_matches_the_sandwich_formula():
    data = _simulated(n=200)
    result = estimate_convergence(data, "HC1")
    x = np.column_stack([np.ones(len(data)), data["log_gdp_pc_start"]])
    y = data["growth_percent"].to_numpy()
    beta = np.linalg.solve(x.T @ x, x.T @ y)
    e = y - x @ beta
    bread = np.linalg.inv(x.T @ x)
    meat = (x * e[:, None] ** 2).T @ x
    cov = len(y) / (len(y) - 2) * bread @ meat @ bread
    assert result["slope_se"] == pytest.approx(np.sqrt(cov[1, 1]), rel=1e-10)


def test_sample_needs_both_years():
    panel = pd.DataFrame(
        {
            "iso3": ["A", "A", "B"],
            "economy": ["A", "A", "B"],
            "income_group": ["low", "low", "high"],
            "year": [2000, 2023, 2000],
            "gdp_pc_ppp": [1000.0, 2000.0, 5e4],
        }
    )
    sample = convergence_sample(panel, 2000, 2023, "log_difference")
    assert sample["iso3"].tolist() == ["A"]
    assert sample["growth_percent"].iloc[0] == pytest.approx(100 * np.log(2) / 23)
