"""Chapter 7's specification sweep and the claims it added: the causes named in the ledger are
demonstrated on planted data (imputed constants decide Figure 7.13's majority; a few large
economies carry a between-economy fall; GFC timing as a comparison), and the sweep's main
specification is the main pipeline's computation."""

import numpy as np
import pandas as pd
import pytest

from gvcneg.data.imputation import constant_series_flags
from gvcneg.empirics.gvcdr2025_ch7 import aggregates, claims
from gvcneg.empirics.gvcdr2025_ch7.sweep import (
    SweepData,
    evaluate_family,
    fiscal_year,
    nearest_observation,
)


def test_end_year_status_is_the_classification_of_that_years_gni():
    assert fiscal_year("end_year", 2019) == 2021
    assert fiscal_year(2025, 2019) == 2025


def test_nearest_observation_within_tolerance_prefers_the_closer_then_the_earlier_year():
    series = pd.DataFrame(
        {
            "iso3": ["A", "A", "B", "B", "C"],
            "year": [1988, 1993, 1989, 1991, 1980],
            "gini": [0.30, 0.40, 0.50, 0.60, 0.7],
        }
    )
    near = nearest_observation(series, "gini", (1990,), 3).set_index("iso3")
    assert near.loc["A", "gini"] == 0.30  # 2 years away beats 3
    assert near.loc["B", "gini"] == 0.50  # tie: the earlier year
    assert "C" not in near.index  # 10 years away: no value
    assert (near["year"] == 1990).all()


def _labour_share(n_measured_fell: int, n_measured_rose: int, n_imputed: int):
    """One income group: measured economies that fell or rose 2000-2019 and economies with a
    constant (imputed) share."""
    rows = []
    for i in range(n_measured_fell):
        rows += [(f"F{chr(65 + i)}A", y, 0.60 - 0.005 * (y - 2000)) for y in range(2000, 2020)]
    for i in range(n_measured_rose):
        rows += [(f"R{chr(65 + i)}A", y, 0.50 + 0.004 * (y - 2000)) for y in range(2000, 2020)]
    for i in range(n_imputed):
        rows += [(f"C{chr(65 + i)}A", y, 0.55) for y in range(2000, 2020)]
    return pd.DataFrame(rows, columns=["iso3", "year", "labour_share"])


def _income(frame):
    codes = sorted(frame["iso3"].unique())
    return pd.DataFrame({"iso3": codes, "economy": codes, "income_group": "high"})


def _cfg():
    return {
        "years": {"first": 2000, "last": 2001},
        "fig_7_13": {"start": 2000, "end": 2019},
        "income_status": {"fiscal_year": 2025, "include_backfilled": False},
    }


def test_imputed_constant_shares_decide_the_fig_7_13_majority():
    # 6 measured economies fell, 4 rose, 2 are PWT constants: counted as "not falling" the share
    # is exactly 1/2 (no majority); without them 6/10 (a majority).
    labour = _labour_share(6, 4, 2)
    flags = constant_series_flags(labour, "labour_share", 2000, 2019)
    data = SweepData(
        _cfg(), lambda fy: _income(labour), labour_share=labour, labour_share_flags=flags
    )
    specs = [
        {"income_status": 2025, "imputed_constant": "count"},
        {"income_status": 2025, "imputed_constant": "exclude"},
    ]
    out = evaluate_family("fig_7_13", data, specs, ["count", "exclude"])
    share = out[out["quantity"] == "fig7_13_share_fell_high"].set_index("specification")["value"]
    assert share["count"] == pytest.approx(0.5)
    assert share["exclude"] == pytest.approx(0.6)
    # Placebo: without imputed constants both countings agree.
    labour = _labour_share(6, 4, 0)
    flags = constant_series_flags(labour, "labour_share", 2000, 2019)
    data = SweepData(
        _cfg(), lambda fy: _income(labour), labour_share=labour, labour_share_flags=flags
    )
    out = evaluate_family("fig_7_13", data, specs, ["count", "exclude"])
    share = out[out["quantity"] == "fig7_13_share_fell_high"].set_index("specification")["value"]
    assert share["count"] == share["exclude"] == pytest.approx(0.6)


def test_main_fig_7_13_verdict_counts_imputed_constants_and_reports_the_measured_share():
    labour = _labour_share(6, 4, 2)
    points = aggregates.start_end_values(
        labour.assign(economy=labour["iso3"], income_group="high"), "labour_share", 2000, 2019
    ).merge(constant_series_flags(labour, "labour_share", 2000, 2019), on="iso3")
    found = {c.quantity: c.value for c in claims.claims_fig_7_13(points)}
    assert found["fig7_13_share_fell_high"] == pytest.approx(0.5)  # as published: no majority
    assert found["fig7_13_n_high"] == 12
    assert found["fig7_13_share_fell_counting_imputed_high"] == pytest.approx(0.5)
    assert found["fig7_13_share_fell_excluding_imputed_high"] == pytest.approx(0.6)
    assert found["fig7_13_n_imputed_constant_high"] == 2
    excluded = {
        c.quantity: c.value for c in claims.claims_fig_7_13(points, imputed_constant="exclude")
    }
    assert excluded["fig7_13_share_fell_high"] == pytest.approx(0.6)
    with pytest.raises(ValueError):
        claims.claims_fig_7_13(points, imputed_constant="ignore")


def test_weighted_gini_closed_forms():
    assert aggregates.weighted_gini([5.0, 5.0, 5.0], [1, 2, 3]) == pytest.approx(0.0)
    # Two groups of equal size with incomes 1 and 3: mean abs difference over all pairs of
    # people = 1, mean = 2 -> Gini = 1 / (2 * 2) = 0.25, whatever the number of units.
    assert aggregates.weighted_gini([1.0, 3.0], [10, 10]) == pytest.approx(0.25)
    assert aggregates.weighted_gini([1.0, 1.0, 3.0, 3.0], [5, 5, 5, 5]) == pytest.approx(0.25)
    # Population weights equal to unit counts: the same as duplicating units.
    rng = np.random.default_rng(7)
    x = rng.lognormal(size=6)
    w = rng.integers(1, 5, size=6)
    expanded = np.repeat(x, w)
    diffs = np.abs(expanded[:, None] - expanded[None, :]).mean()
    assert aggregates.weighted_gini(x, w) == pytest.approx(diffs / (2 * expanded.mean()))


def _between_panel(big_catch_up: float, small_catch_up: float) -> pd.DataFrame:
    """Two giant poor economies and ten small ones, one rich economy; between 1990 and 2023
    the giants' and the small economies' GDP per capita grow by the given factors."""
    rows = [("RCH", 1990, 40_000, 300e6), ("RCH", 2023, 40_000, 300e6)]
    for code in ("BGA", "BGB"):
        rows += [(code, 1990, 1_000, 1_000e6), (code, 2023, 1_000 * big_catch_up, 1_000e6)]
    for i in range(10):
        code = f"S{chr(65 + i)}A"
        rows += [(code, 1990, 2_000, 10e6), (code, 2023, 2_000 * small_catch_up, 10e6)]
    frame = pd.DataFrame(rows, columns=["iso3", "year", "gdp_pc_ppp", "population"])
    return frame.assign(economy=frame["iso3"], income_group="low")


def test_between_economy_fall_carried_by_two_giants_and_a_placebo():
    found = {
        c.quantity: c.value
        for c in claims.claims_between_economy(_between_panel(8.0, 1.0), 1990, 2023, True, 2)
    }
    assert found["between_gini_change"] < 0
    assert found["between_fall_share_without_largest"] == pytest.approx(0.0, abs=1e-12)
    placebo = {
        c.quantity: c.value
        for c in claims.claims_between_economy(_between_panel(1.0, 8.0), 1990, 2023, True, 2)
    }
    assert placebo["between_fall_share_without_largest"] > 0.5  # the fall is not theirs


def _gini_groups(path: dict[int, float]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"year": y, "income_group": "high", "weighting": "unweighted", "gini": g, "n": 1}
            for y, g in path.items()
        ]
    )


def test_gfc_timing_compares_the_rise_before_with_the_whole_rise():
    before = claims.claims_fig_7_6_gfc_timing(
        _gini_groups({1990: 0.30, 2008: 0.36, 2023: 0.34}), 1990, 2023, 2008
    )
    assert before[0].value == pytest.approx(1.0)
    half = claims.claims_fig_7_6_gfc_timing(
        _gini_groups({1990: 0.30, 2008: 0.32, 2023: 0.36}), 1990, 2023, 2008
    )
    assert half[0].value == pytest.approx(1 / 3)
    none = claims.claims_fig_7_6_gfc_timing(
        _gini_groups({1990: 0.30, 2008: 0.28, 2023: 0.27}), 1990, 2023, 2008
    )
    # the sentence asserts a rise: no rise at all is a failure of the claim, not a missing value
    assert none[0].status == "computed" and none[0].value == 0.0
    assert "no rise" in none[0].note


def test_main_specification_of_the_fig_7_4_sweep_is_the_main_computation():
    rng = np.random.default_rng(3)
    codes = [f"E{chr(65 + i)}A" for i in range(12)]
    groups = ["high"] * 3 + ["upper_middle"] * 3 + ["lower_middle"] * 3 + ["low"] * 3
    income = pd.DataFrame({"iso3": codes, "economy": codes, "income_group": groups})
    gdp = pd.DataFrame(
        [
            {"iso3": c, "year": y, "gdp_pc_ppp": float(rng.uniform(500, 60_000))}
            for c in codes
            for y in (2000, 2001)
        ]
    )
    population = pd.DataFrame(
        [
            {"iso3": c, "year": y, "population": float(rng.uniform(1e6, 1e8))}
            for c in codes
            for y in (2000, 2001)
        ]
    )
    data = SweepData(_cfg(), lambda fy: income, gdp=gdp, population=population)
    out = evaluate_family(
        "fig_7_4", data, [{"income_status": 2025, "balanced_panel": True}], ["main"]
    ).set_index("quantity")["value"]
    panel = data.panel(2025)
    ratios = aggregates.income_ratio_to_high_income(panel, 2000, 2001, balanced=True)
    direct = {c.quantity: c.value for c in claims.claims_fig_7_4(ratios, 2000, 2001)}
    assert out.to_dict() == pytest.approx(direct)


def test_every_sweep_list_starts_with_the_main_specification():
    from pathlib import Path

    import yaml

    cfg = yaml.safe_load((Path(__file__).resolve().parents[3] / "config.yaml").read_text())
    ch7 = cfg["gvcdr2025_ch7"]
    sweep = {
        family: {name: choice["values"] for name, choice in choices.items()}
        for family, choices in ch7["sweep"].items()
    }
    main_gini = ch7["gini"]
    for family, axes in sweep.items():
        if "income_status" in axes:
            assert axes["income_status"][0] == ch7["income_status"]["fiscal_year"], family
        if "balanced_panel" in axes:
            assert axes["balanced_panel"][0] == ch7["balanced_panel"], family
        if "gini" in axes:
            first = ch7["gini_series"][axes["gini"][0]]
            assert first["source"] == main_gini["source"], family
            assert first.get("variable") == main_gini["variable"], family
        if "clones" in axes:
            assert axes["clones"][0] == "keep", family
    assert sweep["fig_7_6"]["gfc_year"][0] == ch7["fig_7_6"]["gfc_year"]
    assert sweep["fig_7_7"]["growth"][0] == ch7["fig_7_7"]["growth"]
    assert sweep["fig_7_7"]["cov_type"][0] == ch7["fig_7_7"]["cov_type"]
    assert sweep["fig_7_8"]["lead"][0] == "richest"  # the document's definition
    assert sweep["fig_7_13"]["imputed_constant"][0] == ch7["fig_7_13"]["imputed_constant"]
    assert sweep["fig_7_14"]["gvc_source"][0] == ch7["fig_7_14"]["gvc_sources"][0]
    assert sweep["fig_7_15"]["cov_type"][0] == ch7["fig_7_15"]["cov_type"]
    assert sweep["fig_7_15"]["gvc_source"][0] == ch7["fig_7_15"]["gvc_source"]
    assert sweep["fig_7_15"]["start"][0] == ch7["fig_7_15"]["start"]
    assert (
        ch7["gini_series"][sweep["fig_7_15"]["gini"][0]]["variable"]
        == ch7["fig_7_15"]["gini_variable"]
    )
    nbt = cfg["nbt2015"]
    nbt_sweep = {
        family: {name: choice["values"] for name, choice in choices.items()}
        for family, choices in nbt["sweep"].items()
    }
    plus = nbt_sweep["wto_plus"]
    assert plus["coding"][0] == "configured"
    assert plus["signed_to"][0] == nbt["wto_plus"]["signed_to"]
    assert plus["base_treaties_only"][0] == nbt["wto_plus"]["base_treaties_only"]
    assert plus["wto_notified_only"][0] == nbt["wto_plus"]["wto_notified_only"]
    trend = nbt_sweep["wto_plus_trend"]
    assert trend["trend_signed_from"][0] == nbt["wto_plus"]["trend_signed_from"]
    assert nbt_sweep["stri_eu"]["year"][0] == nbt["stri_eu"]["year"]
    assert nbt_sweep["rta_in_force"]["inactive"][0] == "counted"  # the database's history


def test_each_family_reads_only_its_own_files():
    from gvcneg.empirics.gvcdr2025_ch7.inputs import sweep_inputs

    files = {
        "income_status": "meta",
        "gdp": "gdp",
        "population": "pop",
        "wid": "wid",
        "gvc": "gvc",
        "pwt": "pwt",
        "flags": "flags",
        "estimates": "est",
        "gini": {"wid_pretax": "g1", "swiid": "g2"},
    }
    sweep = {
        "fig_7_5": {"gini": {"values": ["swiid"], "beyond": ["wid_pretax"], "beyond_why": "w"}},
        "fig_7_13": {"imputed_constant": {"values": ["exclude", "count"], "quote": "q"}},
    }
    assert sweep_inputs("fig_7_5", sweep, files) == {
        "income_status": "meta",
        "gdp": "gdp",
        "population": "pop",
        "gini": ["g2", "g1"],
    }
    assert set(sweep_inputs("fig_7_13", sweep, files)) == {"income_status", "pwt", "flags"}
    with pytest.raises(ValueError):
        sweep_inputs("fig_9_9", sweep, files)


def test_dropping_cloned_gini_series_removes_their_dilution_of_a_group_mean():
    from gvcneg.empirics.gvcdr2025_ch7.sweep import gini_with_clone_flags

    years = range(1990, 1994)
    own = {"OWA": 0.30, "OWB": 0.40}  # own series: rise by 0.02 a year
    clones = ["CLA", "CLB", "CLC"]  # one regional imputation, flat at 0.35
    rows = [(c, y, g + 0.02 * (y - 1990)) for c, g in own.items() for y in years]
    rows += [(c, y, 0.35) for c in clones for y in years]
    gini = gini_with_clone_flags(pd.DataFrame(rows, columns=["iso3", "year", "gini"]))
    assert set(gini.loc[gini["cloned"], "iso3"]) == set(clones)
    codes = list(own) + clones
    income = pd.DataFrame({"iso3": codes, "economy": codes, "income_group": "high"})
    gdp = pd.DataFrame(
        [(c, y, 30_000.0) for c in codes for y in years], columns=["iso3", "year", "gdp_pc_ppp"]
    )
    pop = pd.DataFrame(
        [(c, y, 1e6) for c in codes for y in years], columns=["iso3", "year", "population"]
    )
    cfg = {"years": {"first": 1990, "last": 1993}}
    data = SweepData(cfg, lambda fy: income, gdp=gdp, population=pop, gini={"wid": gini})
    specs = [
        {
            "income_status": 2025,
            "gini": "wid",
            "clones": c,
            "balanced_panel": True,
            "gfc_year": 1992,
        }
        for c in ("keep", "drop")
    ]
    out = evaluate_family("fig_7_6", data, specs, ["keep", "drop"])
    rise = out[out["quantity"] == "fig7_6_unweighted_change_high"].set_index("specification")
    assert rise.loc["keep", "value"] == pytest.approx(0.06 * 2 / 5)  # diluted by 3 flat clones
    assert rise.loc["drop", "value"] == pytest.approx(0.06)


def test_fig_7_15_sweeps_the_gvc_source_and_window_and_an_uncovered_window_has_no_value():
    """The document names neither Figure 7.15's GVC source nor its period: each source and
    start year is a specification; a start before the source's first year gives NaN (shown,
    never counted), and a covered window recovers a slope built into the data."""
    import numpy as np

    from gvcneg.empirics.gvcdr2025_ch7.sweep import SweepData, family_fig_7_15

    rng = np.random.default_rng(3)
    iso = [f"E{i:02d}" for i in range(40)]
    d_total = rng.normal(0, 0.05, len(iso))

    def gvc(first):
        rows = []
        for k, code in enumerate(iso):
            for year in range(first, 2023):
                share = 0.3 + d_total[k] * (year - first) / (2022 - first)
                rows.append({"iso3": code, "sector": "TOTAL", "year": year, "forward": share / 2,
                             "backward": share / 2, "total": share})  # fmt: skip
        return pd.DataFrame(rows)

    gini = pd.DataFrame(
        [{"iso3": c, "year": y, "gini": 0.4} for c in iso for y in range(2010, 2024)]
    )
    # Gini changes by 2 points per point of total participation (x100 both), plus noise
    change = 2.0 * d_total + rng.normal(0, 0.001, len(iso))
    gini.loc[gini["year"] == 2022, "gini"] = 0.4 + change  # rows are ordered by economy
    ratio = gini.rename(columns={"gini": "top10_bottom50"})
    income = pd.DataFrame({"iso3": iso, "economy": iso, "income_group": "High income"})
    cfg = {"fig_7_15": {"gvc_source": "adb", "start": 2017, "end": 2022},
           "income_status": {"fiscal_year": 2025}}  # fmt: skip
    data = SweepData(cfg, lambda fy: income, gvc={"adb": gvc(2017), "tiva": gvc(2012)},
                     gini={"wid": gini}, top10_bottom50={"wid": ratio})  # fmt: skip
    spec = {"gini": "wid", "clones": "keep", "cov_type": "HC1"}
    values = {}
    for source in ("adb", "tiva"):
        for start in (2017, 2012):
            found = family_fig_7_15(data, {**spec, "gvc_source": source, "start": start})
            values[source, start] = {c.quantity: c.value for c in found}
    assert all(np.isnan(v) for v in values["adb", 2012].values())
    for key in (("adb", 2017), ("tiva", 2012)):
        assert values[key]["fig7_15_slope_gini_on_total"] == pytest.approx(2.0, rel=0.05), key
    # the 2017-2022 change is 5/10 of the 2012-2022 change in TiVA: slope doubles
    assert values["tiva", 2017]["fig7_15_slope_gini_on_total"] == pytest.approx(4.0, rel=0.05)
