"""Chapter 7 figures: each figure's CSV is exactly the data it plots, checked against its source."""

import numpy as np
import pandas as pd
import pytest

from gvcneg.empirics.gvcdr2025_ch7.aggregates import (
    catch_up_summary,
    income_ratio_to_high_income,
    relative_to_lead_economy,
)
from gvcneg.empirics.gvcdr2025_ch7.claims import claims_fig_7_4, claims_fig_7_8
from gvcneg.figures.gvcdr2025_ch7 import fig_7_4, fig_7_8, fig_7_9, fig_7_10, fig_7_11, fig_7_12
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


def _renderer_extent(fig, artist):
    fig.canvas.draw()
    return artist.get_window_extent(fig.canvas.get_renderer())


@pytest.mark.parametrize("draw", [fig_7_9, fig_7_12])
def test_every_diagram_label_lies_inside_its_box(draw):
    fig, _ = draw()
    ax = fig.axes[0]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [p.get_window_extent(renderer) for p in ax.patches]
    labels = [t for t in ax.texts if t.get_va() == "center"]
    assert len(labels) == len(boxes)
    for text, box in zip(labels, boxes, strict=True):
        extent = text.get_window_extent(renderer)
        assert box.x0 <= extent.x0 and extent.x1 <= box.x1, text.get_text()
        assert box.y0 <= extent.y0 and extent.y1 <= box.y1, text.get_text()


def _simulated_quantiles():
    q = np.array([0.1, 0.5, 0.9])
    return pd.DataFrame(
        {
            "quantile": q,
            "coef": [0.8, 0.5, 0.2],
            "ci_low": [0.6, 0.4, 0.1],
            "ci_high": [1.0, 0.6, 0.3],
            "simulated_true_coef": [0.82, 0.5, 0.18],
        }
    )


def test_fig_7_11_draws_the_true_slopes_and_says_simulated():
    """The caption promises the true slopes; the note moved to the report's caption, and the
    image keeps a SIMULATED watermark so it is never mistaken for the document's figure."""
    fig, _ = fig_7_11(_simulated_quantiles())
    ax = fig.axes[0]
    true_line = [line for line in ax.lines if line.get_label() == "true slope of the simulation"]
    assert len(true_line) == 1
    assert list(true_line[0].get_ydata()) == [0.82, 0.5, 0.18]
    assert any(t.get_text() == "SIMULATED" for t in fig.texts)
    assert "SIMULATED" in ax.get_title()


def test_fig_7_10_title_fits_in_the_figure():
    bins = pd.DataFrame({"x_mean": [1.0, 2.0, 3.0], "y_mean": [3.0, 1.0, -1.0]})
    fig, _ = fig_7_10(bins, {"slope": -2.0, "n": 100})
    title = _renderer_extent(fig, fig.axes[0].title)
    assert title.x0 >= 0 and title.x1 <= fig.bbox.width
