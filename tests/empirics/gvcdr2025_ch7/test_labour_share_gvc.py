"""Figure 7.14's PanelOLS and Figure 7.15's scatter fits on simulated data."""

import numpy as np
import pandas as pd
import pytest

from gvcneg.empirics.gvcdr2025_ch7.labour_share_gvc import (
    annual_changes,
    estimate_labour_share_gvc,
    fit_scatter,
    labour_share_gvc_by_income_group,
)
from gvcneg.empirics.gvcdr2025_ch7.simulate import rng_for, simulate_labour_share_changes

BETAS = {"forward": -0.3, "backward": -0.1}


@pytest.fixture(scope="module")
def changes():
    return simulate_labour_share_changes(rng_for(11, "test.fig_7_14"), BETAS)


def test_panelols_with_economy_sector_time_effects_recovers_coefficients(changes):
    result = estimate_labour_share_gvc(changes, "forward", controls=("backward",))
    assert result["coef"] == pytest.approx(BETAS["forward"], abs=4 * result["se"])
    assert result["ci_low"] < BETAS["forward"] < result["ci_high"]
    assert result["n_sectors"] == 10 and result["n_years"] == 10


def test_omitting_the_effects_biases_the_estimate(changes):
    # The regressors are correlated with economy and year effects by construction, so the
    # fixed effects are doing real work: without them the estimate is off.
    fe = estimate_labour_share_gvc(changes, "forward", controls=("backward",))
    pooled = estimate_labour_share_gvc(changes, "forward", controls=("backward",), effects=())
    assert abs(pooled["coef"] - BETAS["forward"]) > 10 * fe["se"]


def test_by_income_group_reports_small_samples_as_missing(changes):
    table = labour_share_gvc_by_income_group(
        changes, measures=["forward"], groups=["all", "high"], min_economies=11
    )
    assert np.isfinite(table.loc[table["sample"] == "all", "coef"]).all()
    assert table.loc[table["sample"] == "high", "coef"].isna().all()  # 10 economies < 11


def test_annual_changes_only_between_consecutive_years():
    panel = pd.DataFrame(
        {
            "iso3": "AAA",
            "sector": "TOTAL",
            "year": [2012, 2013, 2015],
            "labour_share": [0.50, 0.52, 0.40],
            "forward": [0.1, 0.15, 0.2],
        }
    )
    out = annual_changes(panel, ["labour_share", "forward"])
    assert out["year"].tolist() == [2013]
    assert out["d_labour_share"].iloc[0] == pytest.approx(2.0)
    assert out["d_forward"].iloc[0] == pytest.approx(5.0)


def test_scatter_fit_recovers_a_line():
    rng = rng_for(3, "test.fig_7_15")
    x = rng.normal(0, 2, 500)
    frame = pd.DataFrame({"d_total": x, "d_gini": 0.7 * x + rng.normal(0, 0.5, 500)})
    fit = fit_scatter(frame, "d_total", "d_gini")
    assert fit["slope"] == pytest.approx(0.7, abs=4 * fit["se"])
