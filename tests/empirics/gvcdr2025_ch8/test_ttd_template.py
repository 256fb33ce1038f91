"""Supplying the TTD data: the shipped template matches the schema, and a simulated database
round-trips through the template and through the annexes' wide layout (converter)."""

import numpy as np
import pandas as pd
import pytest
from simulators.gvcdr2025_ch8 import simulate_ttd_deals

from gvcneg.empirics.gvcdr2025_ch8.ttd_schema import TTD_COLUMNS, load_ttd, validate_ttd
from gvcneg.empirics.gvcdr2025_ch8.ttd_template import (
    AnnexFormatError,
    convert_annex_file,
    from_annex_wide,
    template_columns,
    to_annex_wide,
    write_template,
)

from .conftest import REPO

COUNTRIES = ["USA", "JPN", "SGP", "AUS", "CHL", "KOR", "COD", "ZMB", "GBR", "NZL", "CAN", "IND"]
SHIPPED = REPO / "sources" / "templates"


@pytest.fixture
def deals():
    return simulate_ttd_deals(np.random.default_rng(6), COUNTRIES, n_digital=10, n_crm=12)


def test_shipped_templates_are_generated_from_the_schema(tmp_path):
    write_template(tmp_path)
    for name in ("wto-ttd_template.csv", "wto-ttd_template.xlsx"):
        assert (SHIPPED / name).is_file(), f"run make ttd-template ({name})"
    assert pd.read_csv(SHIPPED / "wto-ttd_template.csv").columns.tolist() == TTD_COLUMNS
    for sheet in ("ttd", "columns"):
        shipped = pd.read_excel(SHIPPED / "wto-ttd_template.xlsx", sheet_name=sheet)
        fresh = pd.read_excel(tmp_path / "wto-ttd_template.xlsx", sheet_name=sheet)
        pd.testing.assert_frame_equal(shipped, fresh)
    docs = template_columns().set_index("column")
    assert docs.loc["theme", "allowed"] == "digital | crm"
    assert docs["meaning"].str.len().gt(5).all()


def _same(loaded, deals):
    expected = validate_ttd(deals[TTD_COLUMNS]).reset_index(drop=True)
    pd.testing.assert_frame_equal(loaded.reset_index(drop=True), expected, check_dtype=False)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_simulated_database_round_trips_through_the_template(deals, tmp_path, suffix):
    path = tmp_path / f"filled{suffix}"
    write_template(tmp_path)
    header = pd.read_csv(tmp_path / "wto-ttd_template.csv")
    filled = pd.concat([header, deals[TTD_COLUMNS]], ignore_index=True)
    (filled.to_csv if suffix == ".csv" else filled.to_excel)(path, index=False)
    _same(load_ttd(path), deals)


def test_simulated_database_round_trips_through_the_annex_layout(deals, tmp_path):
    wide = to_annex_wide(deals)
    assert "Cross-border data flows" in wide and "Signatories" in wide
    assert wide["Signatories"].str.contains("United States|Japan").any()
    path = tmp_path / "annex.xlsx"
    wide.to_excel(path, index=False)
    out = tmp_path / "ttd.csv"
    convert_annex_file(path, out)
    _same(load_ttd(out), deals)


def test_converter_names_column_row_and_value(deals):
    wide = to_annex_wide(deals)
    wide.loc[2, "Signatories"] = "Japan; Atlantis"
    wide.loc[4, "Text available"] = "perhaps"
    with pytest.raises(AnnexFormatError) as err:
        from_annex_wide(wide, file="annex.xlsx")
    text = str(err.value)
    assert "annex.xlsx" in text
    assert "column 'Signatories', spreadsheet row 4: ['Atlantis']" in text
    assert "column 'Text available', spreadsheet row 6: 'perhaps'" in text
    with pytest.warns(UserWarning, match="Comments"):
        from_annex_wide(to_annex_wide(deals).assign(Comments="x"))


def test_the_pipeline_reads_either_layout(deals, tmp_path):
    from gvcneg.empirics.gvcdr2025_ch8.ttd_template import read_user_ttd

    annex = tmp_path / "annex.xlsx"
    to_annex_wide(deals).to_excel(annex, index=False)
    schema = tmp_path / "schema.csv"
    deals.to_csv(schema, index=False)
    _same(read_user_ttd(annex), deals)
    _same(read_user_ttd(schema), deals)
