"""Chapter 7 figures: each figure's CSV is exactly the data it plots, checked against its source."""

import pandas as pd
import pytest

from gvcneg.empirics.gvcdr2025_ch7.aggregates import (
    catch_up_summary,
    income_ratio_to_high_income,
    relative_to_lead_economy,
)
from gvcneg.empirics.gvcdr2025_ch7.claims import claims_fig_7_4, claims_fig_7_8
from gvcneg.figures.gvcdr2025_ch7 import fig_7_4, fig_7_8, fig_7_9, fig_7_12
from gvcneg.figures.gvcdr2025_ch7_diagrams import DIAGRAMS
from gvcneg.io import save_figure


@pytest.fixture
def panel():
    rows = []
    for iso3, group, g0, g1 in [
        ("H1", "high", 40_000, 50_000),
        ("H2", "high", 20_000, 21_000),
        ("U1", "upper_middle", 8_000, 16_000),
        ("M1", "lower_middle", 3_000, 4_000),
        ("L1", "low", 1_000, 1_100),
    ]:
        for year, gdp in ((2000, g0), (2001, g1)):
            rows.append((iso3, iso3, group, year, float(gdp), 1e6))
    return pd.DataFrame(
        rows, columns=["iso3", "economy", "income_group", "year", "gdp_pc_ppp", "population"]
    )


def test_fig_7_4_csv_is_the_ratio_series_without_high_income(panel, tmp_path):
    ratios = income_ratio_to_high_income(panel, 2000, 2001)
    fig, data = fig_7_4(ratios)
    out = {k: tmp_path / f"f.{k}" for k in ("png", "svg", "csv")}
    save_figure(fig, data, out["png"], out["svg"], out["csv"])
    written = pd.read_csv(out["csv"])
    expected = ratios[ratios["income_group"] != "high"].reset_index(drop=True)
    pd.testing.assert_frame_equal(written, expected, check_dtype=False)
    claims = {c.quantity: c.value for c in claims_fig_7_4(ratios, 2000, 2001)}
    # upper-middle: 8000/30000 -> 16000/35500
    assert claims["fig7_4_ratio_change_upper_middle"] == pytest.approx(
        (16_000 / 35_500) / (8_000 / 30_000)
    )


def test_fig_7_8_data_and_counts_match_the_source(panel):
    relative = relative_to_lead_economy(panel, 2000, 2001)
    _, data = fig_7_8(relative, 2000, 2001)
    pd.testing.assert_frame_equal(data, relative)
    claims = {c.quantity: c.value for c in claims_fig_7_8(catch_up_summary(relative))}
    # The lead is H1 both years; U1 rose from 0.2 to 0.32 (above), H2 fell from 0.5 to 0.42.
    assert claims["fig7_8_n_above_upper_middle"] == 1
    assert claims["fig7_8_n_above_high"] == 0  # H1 (the lead) stays at 1.0, H2 fell
    assert claims["fig7_8_upper_middle_strongest_catch_up"] == 1.0


@pytest.mark.parametrize("draw, key", [(fig_7_9, "fig_7_9"), (fig_7_12, "fig_7_12")])
def test_diagram_data_are_the_declared_edges(draw, key):
    _, data = draw()
    declared = DIAGRAMS[key]["edges"]
    assert list(zip(data["source"], data["target"], strict=True)) == [
        (e["source"], e["target"]) for e in declared
    ]
