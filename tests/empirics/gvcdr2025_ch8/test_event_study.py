"""The Figure 8.10 event study identifies within-dyad changes around signing.

Simulated panels (never results): signing dyads trade more than never-signing dyads in every
year (a level gap) and signing changes nothing. The estimated path must be zero. The
specification of Tables 8.3/8.A.5 (exporter, importer and year effects, no dyad effect) turns
the gap into non-zero leads and lags: the check can fail.
"""

import numpy as np
import pytest
from simulators.gvcdr2025_ch8 import simulate_gravity_panel

from gvcneg.empirics.gvcdr2025_ch8.event_study import fit_did2s_event_study, fit_event_study

GAP = 0.8


@pytest.fixture(scope="module")
def gap_no_effect():
    return simulate_gravity_panel(
        np.random.default_rng(14), n_countries=30, beta_ttd=0.0, treated_level_gap=GAP
    )


def test_without_dyad_effects_the_level_gap_shows_up_as_fake_effects(gap_no_effect):
    path, _ = fit_event_study(
        gap_no_effect,
        "flow",
        "ttd_first_year",
        ["rta", "log_dist", "log_gdp_exporter"],
        leads=3,
        lags=3,
        fixed_effects=("exporter", "importer", "year"),
    )
    estimated = path[path["event_time"] != -1]
    # Every lead and lag carries (most of) the gap, far outside its interval around zero.
    assert (estimated["coef"] > GAP / 2).all()
    assert (estimated["ci_low"] > 0).all()


def test_dyad_effects_give_zero_leads_and_lags(gap_no_effect):
    path, fit = fit_event_study(gap_no_effect, "flow", "ttd_first_year", ["rta"], leads=3, lags=3)
    estimated = path[path["event_time"] != -1]
    assert (estimated["coef"].abs() < 3 * estimated["se"] + 0.02).all(), path
    assert fit.diagnostics["fixed_effects"] == "dyad+exporter_year+importer_year"
    assert fit.diagnostics["converged"]


def test_two_stage_did_gives_zero_leads_and_lags(gap_no_effect):
    path = fit_did2s_event_study(gap_no_effect, "flow", "ttd_first_year", leads=3, lags=3)
    assert path["event_time"].tolist() == [-3, -2, -1, 0, 1, 2, 3]
    assert (path["coef"].abs() < 3 * path["se"] + 0.02).all(), path


def test_dyad_effects_recover_a_true_effect_despite_the_gap():
    panel = simulate_gravity_panel(
        np.random.default_rng(15), n_countries=30, beta_ttd=0.25, treated_level_gap=GAP
    )
    path, _ = fit_event_study(panel, "flow", "ttd_first_year", ["rta"], leads=3, lags=3)
    pre = path[path["event_time"] < -1]
    post = path[path["event_time"] >= 0]
    assert (pre["coef"].abs() < 3 * pre["se"] + 0.02).all(), path
    assert (abs(post["coef"] - 0.25) < 3 * post["se"] + 0.02).all(), path
    did2s = fit_did2s_event_study(panel, "flow", "ttd_first_year", leads=3, lags=3)
    # log(1 + flow) with flows in the tens: close to the log effect.
    assert (did2s.loc[did2s["event_time"] >= 0, "coef"] > 0.15).all(), did2s
