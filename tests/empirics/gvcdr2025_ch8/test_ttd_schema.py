"""The TTD schema (Annexes 8.2-8.4) accepts a conforming table and names every violation."""

import numpy as np
import pytest
from simulators.gvcdr2025_ch8 import simulate_ttd_deals

from gvcneg.empirics.gvcdr2025_ch8.ttd_schema import (
    CRM_PROVISIONS,
    DIGITAL_PROVISIONS,
    TTD_COLUMNS,
    TTDDataError,
    load_ttd,
    validate_ttd,
)

COUNTRIES = ["USA", "JPN", "SGP", "AUS", "CHL", "KOR", "COD", "ZMB", "GBR", "NZL", "CAN", "IND"]


@pytest.fixture
def deals():
    return simulate_ttd_deals(np.random.default_rng(1), COUNTRIES, n_digital=8, n_crm=8)


def test_annex_fields_are_all_in_the_schema():
    assert len(DIGITAL_PROVISIONS) == 9 and len(CRM_PROVISIONS) == 7  # Annexes 8.4 and 8.3
    for column in (
        "signatories",
        "type",
        "year_signed",
        "year_in_force",
        "composition",
        "binding_nature",
        "text_available",
        "source_category",
        "accessions",
        "duration_years",
        "renewal",
    ):
        assert column in TTD_COLUMNS  # Annex 8.2


def test_conforming_table_validates_and_roundtrips_through_excel(deals, tmp_path):
    path = tmp_path / "ttd_database.xlsx"
    deals.to_excel(path, index=False)
    loaded = load_ttd(path)
    assert len(loaded) == len(deals)
    assert loaded["text_available"].dtype == bool


@pytest.mark.parametrize(
    "column, value, message",
    [
        ("theme", "green", "theme"),
        ("signatories", "USA", "signatories"),
        ("year_signed", 2025, "year_signed"),
        ("dig_investment", 4, "dig_investment"),
        ("type", "treaty", "type"),
    ],
)
def test_violations_name_column_source_and_fix(deals, column, value, message):
    bad = deals.copy()
    row = bad.index[bad["theme"] == "digital"][0] if column.startswith("dig_") else 0
    if column.startswith("dig_"):
        bad.loc[row, "text_available"] = True
        bad.loc[row, list(DIGITAL_PROVISIONS)] = 1
        bad.loc[row, ["binding_language", "dispute_settlement"]] = ["binding", "not_specified"]
    bad[column] = bad[column].astype(object)
    bad.loc[row, column] = value
    with pytest.raises(TTDDataError) as err:
        validate_ttd(bad, file="my_ttd.csv")
    text = str(err.value)
    assert "wto-ttd" in text and "my_ttd.csv" in text and message in text
    assert "paths.user_data" in text


def test_cross_field_rules(deals):
    bad = deals.copy()
    mapped = bad.index[bad["text_available"]][0]
    bad.loc[mapped, "binding_language"] = None
    with pytest.raises(TTDDataError, match="text_available"):
        validate_ttd(bad)
    bad = deals.copy()
    unmapped = bad.index[~bad["text_available"]][0]
    column = (
        "dig_cybersecurity"
        if bad.loc[unmapped, "theme"] == "digital"
        else "crm_extraction_exploration"
    )
    bad[column] = bad[column].astype("Int64")
    bad.loc[unmapped, column] = 1
    with pytest.raises(TTDDataError, match="provisions"):
        validate_ttd(bad)
    bad = deals.copy()
    two = bad.index[bad["signatories"].str.count(";") == 1][0]
    bad.loc[two, "composition"] = "plurilateral"
    validate_ttd(bad)  # plurilateral with two parties is allowed
    three = bad.index[bad["signatories"].str.count(";") >= 2]
    if len(three):
        bad.loc[three[0], "composition"] = "bilateral"
        with pytest.raises(TTDDataError, match="bilateral"):
            validate_ttd(bad)


def test_missing_file_says_what_to_do(tmp_path):
    with pytest.raises(TTDDataError, match=r"not found.*paths.user_data\['wto-ttd'\]"):
        load_ttd(tmp_path / "absent.xlsx")


def test_extra_columns_are_dropped_with_a_warning(deals):
    with pytest.warns(UserWarning, match=r"extra_column.*ignored"):
        validated = validate_ttd(deals.assign(extra_column=1, notes="x"), file="my_ttd.xlsx")
    assert "extra_column" not in validated.columns and len(validated) == len(deals)


def test_codes_that_map_to_no_economy_fail_with_code_column_and_row(deals):
    bad = deals.copy()
    bad.loc[3, "signatories"] = "USA;JAP"  # a typo of JPN
    with pytest.raises(TTDDataError) as err:
        validate_ttd(bad, file="my_ttd.xlsx")
    text = str(err.value)
    assert "column signatories" in text and "'JAP'" in text and "my_ttd.xlsx" in text
    assert "spreadsheet row(s) [5]" in text  # data row 3 below the header
    # Chinese Taipei (TWN) is a real economy: valid in the file (reported later if outside the panel).
    ok = deals.copy()
    ok.loc[3, "signatories"] = "USA;TWN"
    validate_ttd(ok)


def test_cross_field_errors_name_only_their_columns(deals):
    bad = deals.copy()
    mapped = bad.index[bad["text_available"]][0]
    bad.loc[mapped, "binding_language"] = None
    with pytest.raises(TTDDataError) as err:
        validate_ttd(bad, file="my_ttd.csv")
    lines = [line for line in str(err.value).splitlines() if line.strip().startswith("-")]
    assert len(lines) == 1, lines
    assert "columns text_available, binding_language, dispute_settlement" in lines[0]
    assert f"spreadsheet row(s) [{mapped + 2}]" in lines[0]
