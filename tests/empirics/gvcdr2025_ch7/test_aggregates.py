"""Aggregations of Figures 7.4-7.8 and 7.13 against hand-computed small frames."""

import pandas as pd
import pytest

from gvcneg.empirics.gvcdr2025_ch7.aggregates import (
    catch_up_summary,
    gini_by_income_group,
    income_ratio_to_high_income,
    relative_to_lead_economy,
    shares_above_line,
    start_end_values,
)


def _panel():
    rows = [
        # iso3, group, year, gdp, pop, gini
        ("H1", "high", 2000, 40_000, 10e6, 0.30),
        ("H2", "high", 2000, 20_000, 30e6, 0.40),
        ("L1", "low", 2000, 1_000, 50e6, 0.50),
        ("L2", "low", 2000, 3_000, 50e6, 0.40),
        ("H1", "high", 2001, 44_000, 10e6, 0.35),
        ("H2", "high", 2001, 22_000, 30e6, 0.42),
        ("L1", "low", 2001, 2_000, 50e6, 0.45),
        ("L2", "low", 2001, 3_000, 50e6, 0.41),
        ("L3", "low", 2001, 9_000, 1e6, 0.30),  # only in 2001: out of the balanced panel
    ]
    frame = pd.DataFrame(
        rows, columns=["iso3", "income_group", "year", "gdp_pc_ppp", "population", "gini"]
    )
    frame["economy"] = frame["iso3"]
    return frame


def test_population_weighted_ratio_to_high_income_by_hand():
    ratios = income_ratio_to_high_income(_panel(), 2000, 2001, balanced=True).set_index(
        ["income_group", "year"]
    )
    high_2000 = (40_000 * 10 + 20_000 * 30) / 40
    low_2000 = (1_000 * 50 + 3_000 * 50) / 100
    assert ratios.loc[("high", 2000), "gdp_pc_ppp"] == pytest.approx(high_2000)
    assert ratios.loc[("low", 2000), "ratio_to_high_income"] == pytest.approx(low_2000 / high_2000)
    high_2001 = (44_000 * 10 + 22_000 * 30) / 40
    assert ratios.loc[("low", 2001), "ratio_to_high_income"] == pytest.approx(2_500 / high_2001)
    assert ratios.loc[("low", 2001), "n"] == 2  # L3 not in the balanced panel


def test_unbalanced_panel_includes_late_entrants():
    ratios = income_ratio_to_high_income(_panel(), 2000, 2001, balanced=False).set_index(
        ["income_group", "year"]
    )
    assert ratios.loc[("low", 2001), "n"] == 3
    expected = (2_000 * 50 + 3_000 * 50 + 9_000 * 1) / 101
    assert ratios.loc[("low", 2001), "gdp_pc_ppp"] == pytest.approx(expected)


def test_gini_by_group_unweighted_and_weighted_by_hand():
    groups = gini_by_income_group(_panel(), 2000, 2001).set_index(
        ["weighting", "income_group", "year"]
    )
    assert groups.loc[("unweighted", "high", 2000), "gini"] == pytest.approx(0.35)
    assert groups.loc[("population", "high", 2000), "gini"] == pytest.approx(
        (0.3 * 10 + 0.4 * 30) / 40
    )
    assert groups.loc[("population", "low", 2001), "gini"] == pytest.approx(0.43)


def test_shares_above_the_45_degree_line():
    points = start_end_values(_panel(), "gini", 2000, 2001)
    shares = shares_above_line(points, "high_income").set_index("high_income")
    assert shares.loc[True, "share_above"] == 1.0  # H1 and H2 rose
    assert shares.loc[False, "n_above"] == 1 and shares.loc[False, "n_below"] == 1


def test_relative_to_lead_economy_and_counts():
    relative = relative_to_lead_economy(_panel(), 2000, 2001).set_index("iso3")
    assert (relative["lead_start"] == "H1").all() and (relative["lead_end"] == "H1").all()
    assert relative.loc["L1", "start"] == pytest.approx(1_000 / 40_000)
    assert relative.loc["L1", "end"] == pytest.approx(2_000 / 44_000)
    assert "L3" not in relative.index  # no 2000 value
    summary = catch_up_summary(relative.reset_index()).set_index("income_group")
    # L1 gained relative to the lead, L2 fell behind (3000/44000 < 3000/40000).
    assert summary.loc["low", "n_above"] == 1 and summary.loc["low", "n"] == 2
