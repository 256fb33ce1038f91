"""Country harmonisation with country_converter."""

from __future__ import annotations

import pandas as pd
import pytest

from gvcneg.data.countries import require_iso3, to_iso3, valid_iso3


def test_names_and_codes_map_to_iso3():
    got = to_iso3(["Korea, Rep.", "Cote d'Ivoire", "Namibia", "Kosovo", "Viet Nam"])
    assert got.tolist() == ["KOR", "CIV", "NAM", "XKX", "VNM"]


def test_iso2_including_namibia_na():
    # "NA" is a country code, not a missing value (the reason converter() exists).
    assert to_iso3(["NA", "DE", "XK"], src="ISO2").tolist() == ["NAM", "DEU", "XKX"]


def test_iso_numeric_as_in_desta():
    assert to_iso3([752, 578, 156], src="ISOnumeric").tolist() == ["SWE", "NOR", "CHN"]


def test_unmatched_is_missing_and_require_iso3_names_it():
    got = to_iso3(["World", "Sweden"])
    assert pd.isna(got[0]) and got[1] == "SWE"
    with pytest.raises(ValueError, match="World"):
        require_iso3(["World", "Sweden"])
    assert require_iso3(["World", "Sweden"], allow_unmatched=["World"]).iloc[1] == "SWE"


def test_valid_iso3_set():
    codes = valid_iso3()
    assert {"SWE", "USA", "XKX", "NAM"} <= codes
    assert "CHI" not in codes and "ROM" not in codes
    assert all(len(c) == 3 for c in codes)
