"""A user's TTD file: the CSV twin and the template workbook are read; fractional years, one deal
under two ids, a header without rows and a layout the schema does not describe are refused,
naming column and spreadsheet row."""

import numpy as np
import pandas as pd
import pytest
from simulators.gvcdr2025_ch8 import simulate_ttd_deals

from gvcneg.data.fetch import DataSourceError, fetch
from gvcneg.data.registry import load_source_file
from gvcneg.empirics.gvcdr2025_ch8.ttd_schema import (
    TEMPLATE_SHEET,
    TTDDataError,
    load_ttd,
    validate_ttd,
)
from gvcneg.empirics.gvcdr2025_ch8.ttd_template import read_user_ttd, template_columns

COUNTRIES = ["USA", "JPN", "SGP", "AUS", "CHL", "KOR", "COD", "ZMB", "GBR", "NZL", "CAN", "IND"]


@pytest.fixture
def deals():
    return simulate_ttd_deals(np.random.default_rng(3), COUNTRIES, n_digital=6, n_crm=6)


def test_fractional_year_is_refused_with_column_and_row(deals, tmp_path):
    deals["year_signed"] = deals["year_signed"].astype(float)
    deals.loc[4, "year_signed"] = 2021.7
    path = tmp_path / "ttd.csv"
    deals.to_csv(path, index=False)
    with pytest.raises(
        TTDDataError, match=r"column year_signed: a year must be a whole number"
    ) as err:
        load_ttd(path)
    assert "2021.7" in str(err.value) and "spreadsheet row(s) [6]" in str(err.value)


def test_fractional_year_in_force_is_refused(deals):
    deals["year_in_force"] = deals["year_signed"].astype(float) + 0.5
    with pytest.raises(TTDDataError, match="column year_in_force: a year must be a whole"):
        validate_ttd(deals)


def test_one_deal_under_two_ids_is_refused(deals):
    copy = deals.iloc[[2]].assign(ttd_id="NEW999", name=deals.loc[2, "name"].upper() + ".")
    with pytest.raises(TTDDataError, match=r"column ttd_id: one deal listed 2 times") as err:
        validate_ttd(pd.concat([deals, copy], ignore_index=True))
    assert "NEW999" in str(err.value) and "[4, 14]" in str(err.value)


def test_header_only_file_says_no_rows(deals, tmp_path):
    path = tmp_path / "ttd.csv"
    deals.iloc[:0].to_csv(path, index=False)
    with pytest.raises(TTDDataError, match="no rows"):
        load_ttd(path)


def test_undescribed_layout_names_the_missing_columns(deals):
    renamed = deals.rename(columns={"year_signed": "Year signed!", "theme": "sector"})
    with pytest.raises(TTDDataError, match="lacks required column") as err:
        validate_ttd(renamed)
    assert "'theme'" in str(err.value) and "'Year signed!' -> 'year_signed'" in str(err.value)


def test_workbook_is_read_from_the_template_sheet_not_the_first(deals, tmp_path):
    path = tmp_path / "ttd.xlsx"
    with pd.ExcelWriter(path) as writer:
        template_columns().to_excel(writer, sheet_name="columns", index=False)
        deals.to_excel(writer, sheet_name=TEMPLATE_SHEET, index=False)
    assert len(read_user_ttd(path)) == len(deals)


def test_workbook_without_the_template_sheet_is_refused(deals, tmp_path):
    path = tmp_path / "ttd.xlsx"
    with pd.ExcelWriter(path) as writer:
        deals.to_excel(writer, sheet_name="Sheet1", index=False)
        deals.to_excel(writer, sheet_name="Sheet2", index=False)
    with pytest.raises(TTDDataError, match="none named 'ttd'"):
        read_user_ttd(path)


def test_csv_twin_is_accepted_through_user_data(deals, tmp_path):
    """The registry file is an .xlsx name; a CSV copy supplied by the user passes the fetch
    check and is read as CSV (by content, not by name)."""
    source = load_source_file("sources/wto-ttd.yaml")
    user = tmp_path / "my_ttd.csv"
    deals.to_csv(user, index=False)
    placed = fetch(source, "ttd_database.xlsx", tmp_path / "cache", user_path=user)
    assert len(read_user_ttd(placed)) == len(deals)
    # Not a table at all: refused at fetch, naming the source.
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01binary")
    with pytest.raises(DataSourceError, match="wto-ttd"):
        fetch(source, "ttd_database.xlsx", tmp_path / "cache2", user_path=bad)


def test_registry_does_not_send_users_to_the_trade_data_portal():
    """ttd.wto.org (the chapter's footnote 12) is the WTO trade data portal for the CRM
    flows, not the TTD database, which the chapter's authors compiled and did not publish."""
    source = load_source_file("sources/wto-ttd.yaml")
    assert "ttd.wto.org" not in source.upstream_url
