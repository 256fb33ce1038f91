"""The estimator placebo: random signings with given counts and timing; effects near zero
and intervals covering zero; the summary's coverage and standard-error ratio are right."""

import numpy as np
import pandas as pd
import pytest
from simulators.gvcdr2025_ch8 import simulate_gravity_panel

from gvcneg.empirics.gvcdr2025_ch8.placebo import (
    TABLES_SPEC,
    coverage_summary,
    ppml_placebo_draws,
    prepare_flows,
    random_first_years,
)


def test_random_signings_follow_the_counts_and_timing():
    pairs = pd.Series([f"P{i % 50}" for i in range(500)])
    first = random_first_years(pairs, {2020: 5, 2022: 10}, np.random.default_rng(1))
    per_pair = first.groupby(pairs).first()
    assert (per_pair == 2020).sum() == 5 and (per_pair == 2022).sum() == 10
    assert per_pair.isna().sum() == 35


def test_coverage_summary_counts_intervals_covering_zero():
    draws = pd.DataFrame(
        {
            "estimator": "e",
            "term": "x",
            "seed": range(4),
            "coef": [0.1, -0.1, 0.5, 0.0],
            "se": [0.1, 0.1, 0.1, 0.1],
        }
    )
    row = coverage_summary(draws).iloc[0]
    assert row["coverage_95"] == 0.75 and row["rejection_5pct"] == 0.25
    assert row["se_over_sd"] == pytest.approx(0.1 / draws["coef"].std())
    # A draw without a standard error is counted, not scored as a miss.
    undefined = pd.concat([draws, draws.iloc[:1].assign(seed=9, se=np.nan)])
    row = coverage_summary(undefined).iloc[0]
    assert row["seeds"] == 5 and row["se_undefined"] == 1 and row["coverage_95"] == 0.75


def test_ppml_placebo_on_flows_without_any_ttd_effect():
    panel = simulate_gravity_panel(np.random.default_rng(2), n_countries=20, beta_ttd=0.0)
    flows = panel.rename(columns={"exporter": "exp", "importer": "imp", "year": "time"})
    data = prepare_flows(flows[["exp", "imp", "time", "flow", "rta"]])
    draws = ppml_placebo_draws(
        data, {2014: 20, 2017: 40}, list(range(12)), TABLES_SPEC, ["rta"], outcome="flow"
    )
    assert set(draws["clustering"]) == {"pair"}
    summary = coverage_summary(draws).iloc[0]
    assert abs(summary["mean_coef"]) < 3 * summary["sd_coef"] / np.sqrt(12) + 0.01
    assert summary["coverage_95"] >= 0.75  # 12 seeds: nominal 0.95


def test_user_flows_join_the_placebo_with_the_panel_rta():
    from gvcneg.empirics.gvcdr2025_ch8.placebo import estimator_placebo, user_flows_for_placebo

    panel = simulate_gravity_panel(np.random.default_rng(4), n_countries=15, beta_ttd=0.0)
    panel["pair"] = [
        "_".join(sorted(p)) for p in zip(panel["exporter"], panel["importer"], strict=True)
    ]
    flows = panel[["exporter", "importer", "year", "flow"]].rename(columns={"flow": "value"})
    user = user_flows_for_placebo(panel, flows.iloc[:-5])  # missing pairs are zero flows
    assert list(user.columns) == ["exp", "imp", "time", "export", "agreement_in_force"]
    assert len(user) == len(panel) and (user["export"].iloc[-5:] == 0).all()
    assert (user["agreement_in_force"].to_numpy() == panel["rta"].to_numpy()).all()
    config = {
        "years": {"digital": [2011, 2020]},
        "placebo": {
            "digital_new_pairs": {2015: 10, 2018: 20},
            "clusterings": ["dyad", "pair"],
            "country_concentration": 1.0,
        },
    }
    draws, summary = estimator_placebo(
        panel, {"user flows": user}, config, seeds=[0, 1], dyad_seeds=[0], logit_seeds=[]
    )
    assert set(summary["estimator"]) == {
        f"{TABLES_SPEC}, user flows",
        "PPML dyad+exp-year+imp-year effects (event-study design), user flows",
    }
    assert summary.set_index("estimator")["seeds"].tolist() == [2, 2, 1, 1]
    assert summary["clustering"].tolist() == ["dyad", "pair", "dyad", "pair"]


def test_the_placebo_reads_only_the_panel_columns_it_uses():
    from gvcneg.empirics.gvcdr2025_ch8.placebo import (
        estimator_placebo,
        placebo_panel_columns,
        user_flows_for_placebo,
    )

    panel = simulate_gravity_panel(np.random.default_rng(5), n_countries=12, beta_ttd=0.0)
    panel["pair"] = [
        "_".join(sorted(p)) for p in zip(panel["exporter"], panel["importer"], strict=True)
    ]
    flows = panel[["exporter", "importer", "year", "flow"]].rename(columns={"flow": "value"})
    config = {
        "years": {"digital": [2011, 2020]},
        "formation": {"regressors": {"digital": ["rta", "log_dist"]}},
        "placebo": {
            "digital_new_pairs": {2015: 8, 2018: 8},
            "clusterings": ["pair"],
            "country_concentration": 0.0,
            "logit_seeds": 0,
        },
    }
    columns = placebo_panel_columns(config, user_flows=True)
    assert set(columns) == {"pair", "exporter", "importer", "year", "rta"}
    assert placebo_panel_columns(config, user_flows=False) == ["pair"]
    runs = []
    for frame in (panel, panel[columns]):
        user = user_flows_for_placebo(frame, flows)
        runs.append(estimator_placebo(frame, {"u": user}, config, [0], [], [])[0])
    pd.testing.assert_frame_equal(runs[0], runs[1])
