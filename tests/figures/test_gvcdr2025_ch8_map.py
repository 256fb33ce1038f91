"""Figure 8.2 as world maps (Natural Earth 1:110m): every economy is drawn, small ones at
their capital; the plotted data are the participation counts."""

from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("geopandas")

from gvcneg.figures.gvcdr2025_ch8 import fig_8_2, read_world  # noqa: E402

MIRROR = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.mark.skipif(not (MIRROR / "natural-earth-110m").is_dir(), reason="no data mirror")
def test_fig_8_2_maps_polygons_and_small_economies():
    world, capitals = read_world(
        MIRROR / "natural-earth-110m" / "naturalearth_lowres.shp",
        MIRROR / "cepii-geodist" / "geo_cepii.csv",
    )
    assert "XKX" in set(world["iso3"]) and "FRA" in set(world["iso3"])
    participation = pd.DataFrame(
        {
            "theme": ["digital", "digital", "crm", "crm"],
            "iso3": ["USA", "SGP", "COD", "KOR"],
            "period": ["post", "post", "post", "pre"],
            "dyad_years": [40, 55, 60, 3],
        }
    )
    fig, data = fig_8_2(participation, world, capitals)
    on_map = data.set_index("iso3")["on_map"].to_dict()
    assert on_map == {
        "USA": "polygon",
        "SGP": "capital marker",
        "COD": "polygon",
        "KOR": "polygon",
    }
    assert len(fig.axes) == 5  # four maps and the colour bar
    assert data["dyad_years"].tolist() == [40, 55, 60, 3]
