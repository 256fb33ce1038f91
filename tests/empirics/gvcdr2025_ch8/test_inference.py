"""Inference a referee accepts: the placebo staggered over the panel's years at the pair level,
each clustering's coverage on simulated data with errors correlated within country pairs, the
clustered standard errors equal to pyfixest's on a refit, and randomisation inference that
rejects a true effect and not a null one."""

from pathlib import Path

import numpy as np
import pandas as pd
import pyfixest as pf
import pytest
from simulators.gvcdr2025_ch8 import simulate_pair_shock_flows

from gvcneg.empirics.gvcdr2025_ch8.inference import (
    CLUSTERINGS,
    cluster_spec,
    randomisation_p_value,
    randomisation_test,
    reassigned_first_years,
)
from gvcneg.empirics.gvcdr2025_ch8.placebo import (
    TABLES_SPEC,
    coverage_summary,
    ppml_placebo_draws,
    prepare_flows,
    random_first_years,
    staggered_timing,
)
from gvcneg.empirics.gvcdr2025_ch8.ppml import IRLSOptions, fit_ppml

KEYS = ("exp", "imp", "time")


def test_fake_signings_are_staggered_over_the_panel_years_not_pooled_at_its_end():
    # The document's timing (2016-2024 in a 2011-2024 window) on penppml's 4-year panel.
    timing = {2016: 20, 2019: 30, 2020: 400, 2022: 600, 2024: 705}
    moved = staggered_timing(timing, (2011, 2024), [2000, 2004, 2008, 2012, 2016], 100, 1000)
    assert moved == {2000: 0, 2004: 0, 2008: 5, 2012: 100, 2016: 70}
    assert sum(v > 0 for v in moved.values()) >= 3  # staggered: several signing years
    # A signing year at the window's start maps to the panel's first year, its end to the last.
    assert staggered_timing({2011: 10, 2024: 10}, (2011, 2024), [1, 2, 3], 1, 1) == {
        1: 10,
        2: 0,
        3: 10,
    }


def test_correlated_draws_give_a_few_countries_many_deals():
    countries = [f"C{i:02d}" for i in range(30)]
    pairs = pd.Series([f"{a}_{b}" for a in countries for b in countries if a < b])
    timing = {2018: 20, 2020: 40, 2022: 40}

    def top_five_share(concentration):
        shares = []
        for seed in range(10):
            first = random_first_years(pairs, timing, np.random.default_rng(seed), concentration)
            signed = pairs[first.notna()].str.split("_", expand=True).stack()
            counts = signed.value_counts()
            assert len(signed) == 2 * 100  # the counts are kept
            shares.append(counts.iloc[:5].sum() / counts.sum())
        return np.mean(shares)

    uniform, concentrated = top_five_share(0.0), top_five_share(1.5)
    assert uniform < 0.3 and concentrated > uniform + 0.15


def test_clustered_standard_errors_are_pyfixest_crv1_of_a_refit_with_that_clustering():
    data = prepare_flows(simulate_pair_shock_flows(np.random.default_rng(3), n_countries=10))
    data["x"] = np.random.default_rng(4).standard_normal(len(data))
    specs = {c: cluster_spec(c, KEYS) for c in CLUSTERINGS}
    result = fit_ppml(
        data, "export", ["x"], KEYS, "dyad", irls=IRLSOptions(tol=1e-10), clusterings=specs
    )
    for clustering, spec in specs.items():
        refit = pf.fepois("export ~ x | exp + imp + time", data=data, vcov={"CRV1": spec})
        assert result.se_by_clustering.loc["x", clustering] == pytest.approx(
            refit.se()["x"], rel=1e-5
        ), clustering
    # The table keeps the fit's own clustering (the chapter's directed dyad).
    assert result.table.set_index("term").loc["x", "se"] == pytest.approx(
        result.se_by_clustering.loc["x", "dyad"], rel=1e-9
    )


def test_pair_clustering_covers_zero_where_dyad_clustering_understates_the_spread():
    # Errors correlated within the unordered pair (both directions share a persistent shock),
    # placebo signings staggered over the years at the pair level: every true effect is zero.
    data = prepare_flows(simulate_pair_shock_flows(np.random.default_rng(0)))
    draws = ppml_placebo_draws(
        data, {2012: 15, 2014: 15, 2016: 15}, list(range(40)), TABLES_SPEC, [],
        clusterings=CLUSTERINGS,
    )  # fmt: skip
    summary = coverage_summary(draws).set_index("clustering")
    pair, dyad = summary.loc["pair"], summary.loc["dyad"]
    assert abs(pair["mean_coef"]) < 3 * pair["sd_coef"] / np.sqrt(40)  # centred on zero
    assert pair["coverage_95"] >= 0.875 and 0.75 <= pair["se_over_sd"] <= 1.4
    assert dyad["mean_se"] < 0.95 * pair["mean_se"]  # splitting each pair over two clusters
    assert dyad["se_over_sd"] < pair["se_over_sd"]
    # A 5% test under dyad clustering needs a larger |t| than under pair clustering.
    assert dyad["critical_abs_t_5pct"] > pair["critical_abs_t_5pct"]
    for row in (pair, dyad):  # stricter stars need larger t-ratios
        assert (
            row["critical_abs_t_10pct"] <= row["critical_abs_t_5pct"] <= row["critical_abs_t_1pct"]
        )


def test_randomisation_p_value_counts_the_observed_assignment():
    assert randomisation_p_value(2.0, np.array([0.5, -2.5, 1.0, np.nan])) == pytest.approx(2 / 4)
    assert randomisation_p_value(-3.0, np.array([0.5, -2.5, 1.0])) == pytest.approx(1 / 4)
    first = pd.DataFrame(
        {"first": [2015.0, np.nan, 2017.0, np.nan], "binding": [2016.0, np.nan, np.nan, np.nan]},
        index=list("abcd"),
    )
    again = reassigned_first_years(first, np.random.default_rng(0))
    # The same timing on other pairs, a pair's years moved together.
    assert sorted(again["first"].fillna(0)) == sorted(first["first"].fillna(0))
    assert again.loc[again["binding"].notna(), "first"].tolist() == [2015.0]


@pytest.mark.parametrize("beta,rejects", [(0.5, True), (0.0, False)])
def test_randomisation_inference_rejects_a_true_effect_and_not_a_null(beta, rejects):
    data = prepare_flows(
        simulate_pair_shock_flows(
            np.random.default_rng(5), n_countries=12, pair_sd=0.5, beta_ttd=beta,
            first_years={2011: 8, 2014: 8, 2016: 8},
        )
    )  # fmt: skip

    def t_ratio(frame):
        frame = frame.assign(ttd=(frame["time"] >= frame["ttd_first_year"]).astype(float))
        fit = fit_ppml(frame, "export", ["ttd"], KEYS, "pair")
        row = fit.table.set_index("term").loc["ttd"]
        return row["coef"] / row["se"]

    observed, p_value, draws = randomisation_test(
        data, ["ttd_first_year"], t_ratio, 19, np.random.default_rng(1)
    )
    assert len(draws) == 19 and np.isfinite(draws).all()
    if rejects:
        assert p_value == pytest.approx(1 / 20) and abs(observed) > np.abs(draws).max()
    else:
        assert p_value > 0.1


def test_schema_offers_exactly_the_clusterings_the_code_implements():
    import yaml

    repo = Path(__file__).resolve().parents[3]
    schema = yaml.safe_load(
        (repo / "workflow/schemas/config/gvcdr2025_ch8.schema.yaml").read_text()
    )
    assert tuple(schema["$defs"]["clusterings"]["items"]["enum"]) == CLUSTERINGS


@pytest.mark.parametrize("beta,significant", [(0.6, True), (0.0, False)])
def test_table_reports_each_clustering_and_a_randomisation_p_value(beta, significant):
    from simulators.gvcdr2025_ch8 import simulate_gravity_panel

    from gvcneg.empirics.gvcdr2025_ch8.analysis import table_trade_effect

    panel = simulate_gravity_panel(np.random.default_rng(7), n_countries=14, beta_ttd=beta)
    data = panel.rename(columns={"flow": "trade", "ttd": "ttd_active"}).assign(ttd_x_binding=0.0)
    inference = {"clusterings": ["pair", "exporter+importer"], "ri_draws": 19}
    config = {
        "trade_effect": {
            "controls": ["rta", "log_dist"], "fixed_effects": ["exporter", "importer", "year"],
            "cluster": "dyad", "maxiter": 50, "fixef_tol": 1e-8, "fixef_maxiter": 10_000,
            "inference": {"table_8_3": inference, "table_8_a_5": inference},
        }
    }  # fmt: skip
    table, diagnostics = table_trade_effect(data, "crm", config, seed=3)
    row = table.set_index("term").loc["ttd_active"]
    assert row["se_pair"] > 0 and row["se_exporter+importer"] > 0
    assert diagnostics["ri_draws"] == 19
    if significant:
        assert row["ri_pvalue"] == pytest.approx(0.05) and row["coef"] == pytest.approx(
            0.6, abs=0.1
        )
    else:
        assert row["ri_pvalue"] > 0.1
    assert table.set_index("term")["ri_pvalue"].drop("ttd_active").isna().all()


def test_digital_table_reassigns_signing_and_binding_years_together(monkeypatch):
    from simulators.gvcdr2025_ch8 import simulate_gravity_panel

    from gvcneg.empirics.gvcdr2025_ch8 import inference
    from gvcneg.empirics.gvcdr2025_ch8.analysis import table_trade_effect

    panel = simulate_gravity_panel(np.random.default_rng(8), n_countries=12, beta_ttd=0.3)
    data = panel.rename(columns={"flow": "trade", "ttd": "ttd_active"})
    binding_pairs = data["exporter"].str[-1:] < "5"  # some signing pairs' deals are binding
    data["ttd_x_binding"] = data["ttd_active"] * binding_pairs
    inference_cfg = {"clusterings": ["pair"], "ri_draws": 3}
    config = {
        "trade_effect": {
            "controls": ["rta"], "fixed_effects": ["exporter", "importer", "year"],
            "cluster": "dyad", "maxiter": 50, "fixef_tol": 1e-8, "fixef_maxiter": 10_000,
            "inference": {"table_8_3": inference_cfg, "table_8_a_5": inference_cfg},
        }
    }  # fmt: skip
    seen = []
    original = inference.reassigned_first_years

    def spy(by_pair, rng):
        moved = original(by_pair, rng)
        seen.append((by_pair, moved))
        return moved

    monkeypatch.setattr(inference, "reassigned_first_years", spy)
    table, _ = table_trade_effect(data, "digital", config, seed=1)
    assert len(seen) == 3 and list(seen[0][0].columns) == ["ttd_first_year", "first_binding_year"]
    by_pair, moved = seen[0]
    # Rows move whole: each re-assigned (first, binding) pair of years is one of the observed.
    observed = set(map(tuple, by_pair.fillna(0).to_numpy()))
    assert set(map(tuple, moved.fillna(0).to_numpy())) <= observed
    assert np.isfinite(table.set_index("term").loc["ttd_active", "ri_pvalue"])
