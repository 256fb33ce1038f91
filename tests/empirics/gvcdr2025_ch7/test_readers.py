"""Readers of chapter 7's sources: explicit unit conversions, codes, and clear errors."""

import pandas as pd
import pytest

from gvcneg.data.fetch import DataSourceError
from gvcneg.empirics.gvcdr2025_ch7.readers import (
    SourceFormatError,
    read_owid_gdp_per_capita,
    read_swiid_gini,
    read_tiva_gvc_participation,
    read_wid_gini,
)


def test_wid_gini_keeps_namibia_drops_regions_and_maps_kosovo(tmp_path):
    path = tmp_path / "tidy_data.csv"
    path.write_text(
        "year,country,gdiincj992,gptincj992,rdiincj992,rptincj992\n"
        "2000,NA,0.5,0.6,10,20\n2000,KS,0.3,0.35,5,6\n2000,WO,0.6,0.67,30,40\n"
        "2000,QB,0.5,0.5,9,9\n2000,US,0.4,0.45,8,12\n"
    )
    gini = read_wid_gini(path).set_index("iso3")["gini"]
    assert gini.to_dict() == {"NAM": 0.6, "XKX": 0.35, "USA": 0.45}


def test_wid_gini_on_a_percent_scale_is_refused_naming_source_and_file(tmp_path):
    path = tmp_path / "tidy_data.csv"
    path.write_text(
        "year,country,gdiincj992,gptincj992,rdiincj992,rptincj992\n2000,US,0.4,45.0,8,12\n"
    )
    with pytest.raises(DataSourceError, match=r"wid-gini.*tidy_data\.csv") as err:
        read_wid_gini(path)
    assert "column 'gptincj992'" in str(err.value) and "in [0, 1]" in str(err.value)
    assert "row 1 (45.0)" in str(err.value)


def test_swiid_converts_0_100_to_0_1_and_refuses_a_0_1_file(tmp_path):
    path = tmp_path / "swiid9_7_summary.xlsx"
    pd.DataFrame(
        {
            "code": ["USA", "FRA"],
            "year": [2000, 2000],
            "gini_disp": [37.5, 29.0],
            "gini_mkt": [50.0, 45.0],
        }
    ).to_excel(path, index=False)
    out = read_swiid_gini(path).set_index("iso3")["gini"]
    assert out["USA"] == pytest.approx(0.375)
    assert out["FRA"] == pytest.approx(0.29)
    pd.DataFrame(
        {"code": ["USA"], "year": [2000], "gini_disp": [0.375], "gini_mkt": [0.5]}
    ).to_excel(path, index=False)
    with pytest.raises(SourceFormatError, match="0-1 scale"):
        read_swiid_gini(path)


def test_tiva_percent_to_share_and_total(tmp_path):
    path = tmp_path / "oecd_tiva_mainsh_2012_2022_selected.csv"
    rows = [
        ("EXGR_FVA", "VNM", 44.6),
        ("FEXGR_DVA", "VNM", 11.4),
        ("EXGR_FVA", "OECD", 20.0),
        ("FEXGR_DVA", "OECD", 20.0),
        ("EXGR_DVA", "VNM", 55.4),
    ]
    frame = pd.DataFrame(
        {
            "MEASURE": [r[0] for r in rows],
            "REF_AREA": [r[1] for r in rows],
            "ACTIVITY": "_T",
            "TIME_PERIOD": 2019,
            "OBS_VALUE": [r[2] for r in rows],
            "UNIT_MULT": 0,
        }
    )
    frame.to_csv(path, index=False)
    out = read_tiva_gvc_participation(path)
    # "OECD" has four letters: an aggregate, dropped.
    assert out["iso3"].tolist() == ["VNM"]
    row = out.iloc[0]
    assert row["backward"] == pytest.approx(0.446)
    assert row["forward"] == pytest.approx(0.114)
    assert row["total"] == pytest.approx(0.56)


def test_gdp_reader_rejects_another_price_base(tmp_path):
    path = tmp_path / "gdp-per-capita-worldbank.csv"
    path.write_text(
        'Entity,Code,Year,"GDP per capita, PPP (constant 2017 international $)"\nA,AAA,2000,1000\n'
    )
    with pytest.raises(DataSourceError, match=r"owid-wdi-gdp-pc-ppp(.|\n)*missing") as err:
        read_owid_gdp_per_capita(path)
    assert "constant 2021" in str(err.value)


def test_source_choice_prefers_the_documents_own_release_when_supplied():
    from gvcneg.empirics.gvcdr2025_ch7.inputs import first_usable, gvc_files

    order = ["wdi-population-document", "wdi-population"]
    assert first_usable(order, lambda s: True, "population") == "wdi-population-document"
    assert first_usable(order, lambda s: s == "wdi-population", "population") == "wdi-population"
    with pytest.raises(ValueError, match="paths.user_data.adb-mrio-gvcp62"):
        gvc_files("adb-mrio-gvcp62", lambda s: s != "adb-mrio-gvcp62")
