"""The country-metadata table from CLASS.dta and OGHIST."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from gvcneg.data.country_metadata import build_country_metadata, tidy_oghist
from gvcneg.data.registry import SOURCES_DIR

CLASS_DIR = SOURCES_DIR.parents[1] / "shared" / "data" / "wb-income-class-fy26"


def oghist_sheet(rows):
    """A small sheet in OGHIST's layout: title rows, the fiscal-year row, then economies."""
    header = [np.nan, "Bank's fiscal year:", "FY89", "FY90", "FY25"]
    filler = [[np.nan, "World Bank Analytical Classifications", np.nan, np.nan, np.nan]]
    return pd.DataFrame(filler + [header, [np.nan] * 5] + rows)


def class_panel(code, economy, incomes):
    return pd.DataFrame(
        {
            "economy": economy,
            "code": code,
            "year_fiscal": [1989, 1990, 2025],
            "region": "Europe & Central Asia",
            "region_code": "ECS",
            "incgroup_historical": incomes,
            "incgroup_current": incomes[-1],
        }
    )


def test_tidy_oghist_reads_codes_and_fiscal_years():
    tidy = tidy_oghist(oghist_sheet([["SWE", "Sweden", "H", "..", "H"]]))
    assert tidy["fiscal_year"].tolist() == [1989, 1990, 2025]
    assert tidy["income_code"].tolist()[0] == "H" and pd.isna(tidy["income_code"][1])


def test_back_filled_years_are_flagged():
    sheet = oghist_sheet([["SWE", "Sweden", "H", "..", "H"]])
    panel = class_panel("SWE", "Sweden", ["High income"] * 3)
    table = build_country_metadata(panel, tidy_oghist(sheet))
    assert table["income_group_source"].tolist() == ["OGHIST", "CLASS.dta back-fill", "OGHIST"]
    assert table["gni_year"].tolist() == [1987, 1988, 2023]
    assert table["iso3"].unique().tolist() == ["SWE"]


def test_disagreement_between_oghist_and_class_panel_raises():
    sheet = oghist_sheet([["SWE", "Sweden", "H", "H", "UM"]])
    panel = class_panel("SWE", "Sweden", ["High income"] * 3)
    with pytest.raises(ValueError, match="disagree"):
        build_country_metadata(panel, tidy_oghist(sheet))


@pytest.mark.skipif(not CLASS_DIR.is_dir(), reason="shared data mirror not present")
def test_real_table_against_the_fy2025_list():
    panel = pd.read_stata(CLASS_DIR / "CLASS.dta")
    sheet = pd.read_excel(
        CLASS_DIR / "OGHIST.xlsx", sheet_name="Country Analytical History", header=None
    )
    table = build_country_metadata(panel, tidy_oghist(sheet))
    assert table["wb_code"].nunique() == 218
    assert set(table["fiscal_year"]) == set(range(1989, 2027))
    assert table.loc[table["iso3"].isna(), "wb_code"].unique().tolist() == ["CHI"]
    # The FY2025 list (2023 GNI) as published in CLASS_FY2025.xlsx, independently read.
    fy25 = pd.read_excel(CLASS_DIR / "CLASS_FY2025.xlsx", sheet_name="List of economies")
    fy25 = fy25.dropna(subset=["Region"]).set_index("Code")["Income group"].dropna()
    ours = table[table["fiscal_year"] == 2025].set_index("wb_code")["income_group"]
    common = fy25.index.intersection(ours.index)
    assert len(common) >= 215
    assert (ours[common] == fy25[common]).all()
    assert Path(CLASS_DIR).exists()
