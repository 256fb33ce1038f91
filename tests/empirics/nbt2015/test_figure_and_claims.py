"""Figure 1's plotted data and the computed quantities the ledger needs."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from gvcneg.empirics.nbt2015.claims import nbt2015_claims
from gvcneg.figures.nbt2015 import fig_1
from gvcneg.ledger.targets import load_targets_file

TARGETS = Path(__file__).resolve().parents[3] / "targets" / "nbt2015.yaml"


def toy_series():
    rows = []
    for year in range(1958, 2026):
        agreements = 1 + max(0, year - 1990) * 10
        rows.append({"year": year, "convention": "agreements", "count": agreements})
        rows.append({"year": year, "convention": "notifications", "count": agreements * 2})
    return pd.DataFrame(rows)


def toy_wto_plus():
    areas = ["services", "investment", "transparency", "competition", "anti_corruption"]
    return pd.DataFrame(
        {
            "window": "document",
            "signed": "2001-2013",
            "area": areas,
            "variables": "x",
            "agreements": 10,
            "coded": 10,
            "with_provision": [9, 8, 7, 6, 5],
            "share": [0.9, 0.8, 0.7, 0.6, 0.5],
        }
    )


def test_fig_1_plots_exactly_the_series_in_both_panels():
    series = toy_series()
    fig, data = fig_1(series, 1958, 2013, 2025)
    panel_a = data[data["panel"].str.startswith("(a)")]
    panel_b = data[data["panel"].str.startswith("(b)")]
    assert panel_a["year"].min() == 1958 and panel_a["year"].max() == 2013
    assert panel_b["year"].max() == 2025
    merged = panel_b.merge(series, on=["year", "convention"], suffixes=("", "_source"))
    assert (merged["count"] == merged["count_source"]).all()
    assert len(fig.axes) == 2
    plotted = fig.axes[0].lines[0].get_ydata()
    assert list(plotted) == panel_a[panel_a["convention"] == "agreements"]["count"].tolist()


def test_claims_cover_every_target_and_compute_the_changes():
    areas = ["services", "investment", "transparency", "competition", "anti_corruption"]
    trends = pd.DataFrame(
        {"signed": "1990-2013", "area": areas, "agreements": 100, "slope_pp": 5.0, "p": 0.01}
    )
    stri = pd.DataFrame(
        {
            "year": 2014,
            "sector": ["CS", "LSCAR"],
            "members": 22,
            "min": [0.1, 0.2],
            "max": [0.3, 0.2],
            "range": [0.2, 0.0],
            "differ": [True, False],
        }
    )
    frame = nbt2015_claims(
        toy_series(), toy_wto_plus(), 1958, 2013, 1995, trends, {a: ["x"] for a in areas}, stri
    ).set_index("quantity")
    assert frame.loc["stri_eu_share_sectors_differing", "value"] == 0.5
    assert frame.loc["wto_plus_trend_services", "value"] == 5.0
    targets = load_targets_file(TARGETS)["targets"]
    assert {t["quantity"] for t in targets} <= set(frame.index)
    assert frame.loc["rta_in_force_change_agreements", "value"] == (1 + 23 * 10) - 1
    assert frame.loc["rta_in_force_change_since_wto_notifications", "value"] == 2 * (231 - 51)
    assert frame.loc["wto_plus_share_competition", "value"] == 0.6
    assert frame.loc["fig_2_water_in_the_gats", "status"] == "awaiting_data"
    assert "OECD STRI" in frame.loc["fig_2_water_in_the_gats", "note"]
