"""Figures 7.10-7.11's estimators recover simulated coefficients (the real data are confidential)."""

import pytest

from gvcneg.empirics.gvcdr2025_ch7.firm_productivity import (
    binned_conditional_correlation,
    fixed_effects_slope,
    quantile_effects,
)
from gvcneg.empirics.gvcdr2025_ch7.simulate import (
    rng_for,
    simulate_firm_gap_panel,
    simulate_firm_productivity,
    true_quantile_slope,
)


@pytest.fixture(scope="module")
def firms():
    return simulate_firm_gap_panel(rng_for(5, "test.fig_7_10"), beta_per_doubling=-2.0)


def test_fixed_effects_slope_recovers_beta(firms):
    fe = fixed_effects_slope(firms, "gap", "log2_gvc_backward", controls=["firm_size"])
    assert fe["coef"] == pytest.approx(-2.0, abs=4 * fe["se"])


def test_binned_slope_equals_fixed_effects_coefficient(firms):
    # Frisch-Waugh-Lovell: the slope through the residuals is the FE coefficient.
    bins, result = binned_conditional_correlation(
        firms, "gap", "log2_gvc_backward", controls=["firm_size"], bins=20
    )
    fe = fixed_effects_slope(firms, "gap", "log2_gvc_backward", controls=["firm_size"])
    assert result["slope"] == pytest.approx(fe["coef"], rel=1e-8)
    assert len(bins) == 20 and bins["n"].sum() == len(firms)
    # The bin means line up along the slope: the first bin has the smallest x and largest gap.
    assert bins["y_mean"].iloc[0] > bins["y_mean"].iloc[-1]


@pytest.mark.parametrize("quantile", [0.25, 0.5, 0.75])
def test_quantile_regression_recovers_quantile_slopes(quantile):
    firms = simulate_firm_productivity(rng_for(9, "test.fig_7_11"), slope=0.5, scale_slope=-0.4)
    table = quantile_effects(firms, "log_tfp", "gvc_participation", [quantile]).iloc[0]
    truth = true_quantile_slope(0.5, -0.4, quantile)
    assert table["coef"] == pytest.approx(truth, abs=4 * table["se"])
    assert table["ci_low"] < truth < table["ci_high"]
