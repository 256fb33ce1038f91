"""The chapter 8 estimators recover the parameters of simulated panels.

Logit (Table 8.2): odds ratios. PPML (Tables 8.3, 8.A.5): coefficients, with separation, and
a cross-check of pyfixest's fepois against statsmodels' Poisson GLM with dummies (the way
pyfixest's own tests compare against R fixest). Event study (Figure 8.10): a flat pre-period
and the simulated post-signing effect.
"""

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from simulators.gvcdr2025_ch8 import (
    simulate_formation_panel,
    simulate_gravity_panel,
)

from gvcneg.empirics.gvcdr2025_ch8.event_study import (
    add_event_dummies,
    fit_event_study,
    raw_event_profile,
)
from gvcneg.empirics.gvcdr2025_ch8.logit import fit_formation_logit
from gvcneg.empirics.gvcdr2025_ch8.ppml import fit_ppml, percent_effect, significance_stars

CONTROLS = ["rta", "log_dist", "log_gdp_exporter"]


@pytest.fixture(scope="module")
def gravity():
    return simulate_gravity_panel(np.random.default_rng(8))


def test_logit_recovers_odds_ratios_and_drops_separated_years():
    panel = simulate_formation_panel(np.random.default_rng(81), n=80_000)
    result = fit_formation_logit(panel, "signed", ["rta", "x"], year="year", cluster="dyad")
    table = result.table.set_index("term")
    for term, truth in (("rta", 8.0), ("x", np.exp(0.5))):
        low, high = table.loc[term, ["or_ci_low", "or_ci_high"]]
        assert low < truth < high, (term, low, truth, high)
        assert abs(np.log(table.loc[term, "odds_ratio"]) - np.log(truth)) < 0.2
    diag = result.diagnostics
    # Years before 2016 have no events: their observations are separated by the year effects.
    assert diag["n_separated"] == int((panel["year"] < 2016).sum())
    assert diag["n_used"] == diag["n_given"] - diag["n_separated"] - diag["n_missing_dropped"]
    assert diag["converged"] and diag["iterations"] > 0


def test_logit_drops_a_quasi_separated_dummy_and_its_observations():
    panel = simulate_formation_panel(np.random.default_rng(82), n=40_000)
    panel["never"] = (np.random.default_rng(1).random(len(panel)) < 0.05).astype(float)
    panel.loc[panel["never"] == 1, "signed"] = 0.0
    result = fit_formation_logit(
        panel, "signed", ["rta", "x", "never"], year="year", cluster="dyad"
    )
    diag = result.diagnostics
    assert diag["dropped_terms"] == "never" and diag["converged"]
    separated_years = panel["year"] < 2016
    expected = int((separated_years | (panel["never"] == 1)).sum())
    assert diag["n_separated"] == expected
    table = result.table.set_index("term")
    assert np.isnan(table.loc["never", "odds_ratio"])
    low, high = table.loc["rta", ["or_ci_low", "or_ci_high"]]
    assert low < 8.0 < high


def test_ppml_recovers_simulated_coefficients(gravity):
    result = fit_ppml(gravity, "flow", ["ttd", *CONTROLS])
    table = result.table.set_index("term")
    truth = {"ttd": 0.25, "rta": 0.4, "log_dist": -0.8, "log_gdp_exporter": 0.9}
    for term, value in truth.items():
        assert abs(table.loc[term, "coef"] - value) < 3 * table.loc[term, "se"] + 0.02, term
    diag = result.diagnostics
    assert diag["n_used"] == diag["n_given"] and diag["n_separated"] == 0
    assert diag["converged"] and 1 <= diag["iterations"] < 50
    assert diag["n_clusters"] == gravity["dyad"].nunique()


def test_ppml_with_separation_drops_the_separated_observations(gravity):
    data = gravity.copy()
    zero_exporter = data["exporter"].iloc[0]
    data.loc[data["exporter"] == zero_exporter, "flow"] = 0.0
    # A regressor that is positive only where flows are zero: separation by a regressor.
    rng = np.random.default_rng(3)
    zero_rows = data.index[(data["flow"] == 0) & (data["exporter"] != zero_exporter)]
    data["sep"] = 0.0
    chosen = rng.choice(zero_rows, size=min(25, len(zero_rows)), replace=False)
    data.loc[chosen, "sep"] = 1.0
    result = fit_ppml(data, "flow", ["ttd", *CONTROLS, "sep"])
    diag = result.diagnostics
    n_zero_exporter = int((data["exporter"] == zero_exporter).sum())
    assert diag["n_separated"] >= n_zero_exporter + len(chosen) - 1
    assert diag["n_used"] <= diag["n_given"] - n_zero_exporter
    # The mean of the outcome is over the estimation sample, without the separated zeros.
    assert diag["mean_outcome"] > data["flow"].mean()
    table = result.table.set_index("term")
    assert abs(table.loc["ttd", "coef"] - 0.25) < 3 * table.loc["ttd", "se"] + 0.02
    assert diag["converged"]


def test_ppml_matches_statsmodels_glm_with_dummies():
    rng = np.random.default_rng(5)
    data = simulate_gravity_panel(rng, n_countries=12, years=range(2011, 2016))
    result = fit_ppml(data, "flow", ["ttd", "rta", "log_dist"])
    dummies = pd.get_dummies(data[["exporter", "importer", "year"]].astype(str), drop_first=True)
    design = sm.add_constant(
        pd.concat([data[["ttd", "rta", "log_dist"]], dummies.astype(float)], axis=1)
    )
    glm = sm.GLM(data["flow"], design, family=sm.families.Poisson()).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(data["dyad"])[0]}
    )
    table = result.table.set_index("term")
    for term in ("ttd", "rta", "log_dist"):
        assert table.loc[term, "coef"] == pytest.approx(glm.params[term], rel=1e-5, abs=1e-7)
        # Same sandwich; the small-sample factors of fixest and statsmodels differ slightly.
        assert table.loc[term, "se"] == pytest.approx(glm.bse[term], rel=0.03)


def test_percent_effect_and_stars_follow_footnote_21():
    assert percent_effect(np.log(1.12)) == pytest.approx(12.0)
    assert percent_effect(0.0) == 0.0
    assert [significance_stars(p) for p in (0.001, 0.03, 0.07, 0.2)] == ["***", "**", "*", ""]


def test_event_dummies_bin_end_points_and_omit_the_reference():
    panel = pd.DataFrame(
        {"year": [2010, 2014, 2015, 2016, 2020, 2020], "first": [2015] * 5 + [np.nan]}
    )
    out, names = add_event_dummies(panel, "first", leads=3, lags=2)
    assert names == ["evt_m3", "evt_m2", "evt_p0", "evt_p1", "evt_p2"]
    assert out.loc[0, "evt_m3"] == 1  # k = -5 binned into -3
    assert out.loc[1, names].sum() == 0  # k = -1 is the reference
    assert out.loc[4, "evt_p2"] == 1  # k = 5 binned into +2
    assert out.loc[5, names].sum() == 0  # never-signing dyad


def test_event_study_recovers_flat_pre_trend_and_post_effect(gravity):
    path, fit = fit_event_study(gravity, "flow", "ttd_first_year", ["rta"], leads=3, lags=3)
    pre = path[path["event_time"] < -1]
    post = path[path["event_time"] >= 0]
    assert (pre["coef"].abs() < 3 * pre["se"] + 0.03).all()
    assert (abs(post["coef"] - 0.25) < 3 * post["se"] + 0.03).all()
    assert fit.diagnostics["converged"]
    profile = raw_event_profile(gravity, "flow", "ttd_first_year", (-3, 3))
    assert profile["event_time"].tolist() == list(range(-3, 4))
    assert (profile["n"] > 0).all()
