"""The country-metadata table: World Bank income group by fiscal year and region, one row
per economy and fiscal year, with harmonised ISO3 codes.

Income groups are the historical classifications as published on 1 July of each fiscal year
(OGHIST, sheet "Country Analytical History"). Where OGHIST has no classification (".." or
blank, e.g. before an economy was classified, or Ethiopia and Venezuela in FY26), the World
Bank poverty team's long panel CLASS.dta back-fills one; such rows are flagged
``income_group_source = "CLASS.dta back-fill"``. Region and region code are the current ones
in CLASS.dta. The GNI year behind fiscal year t is t - 2 (FY2025 = 2023 GNI, the "2023
income status" of the GVC Development Report 2025).
"""

from __future__ import annotations

import re

import pandas as pd

from gvcneg.data.countries import to_iso3
from gvcneg.data.schemas import COUNTRY_METADATA, INCOME_CODES, validate

FISCAL_YEAR_ROW_LABEL = "Bank's fiscal year:"


def tidy_oghist(sheet: pd.DataFrame) -> pd.DataFrame:
    """OGHIST's "Country Analytical History" sheet (read with header=None) as a long frame
    wb_code, fiscal_year, income_code (L/LM/UM/H; missing where OGHIST has none)."""
    label_col = sheet.iloc[:, 1].astype("string").str.strip()
    header_rows = sheet.index[label_col == FISCAL_YEAR_ROW_LABEL]
    if len(header_rows) != 1:
        raise ValueError(f"OGHIST: expected one row labelled {FISCAL_YEAR_ROW_LABEL!r}")
    header = sheet.loc[header_rows[0]]
    year_cols = {}
    for col, label in header.items():
        match = re.fullmatch(r"FY(\d{2})", str(label).strip())
        if match:
            yy = int(match.group(1))
            year_cols[col] = 1900 + yy if yy >= 50 else 2000 + yy
    if not year_cols:
        raise ValueError("OGHIST: no FYxx columns found")
    codes = sheet.iloc[:, 0].astype("string").str.strip()
    body = sheet[codes.str.fullmatch(r"[A-Z]{3}").fillna(False)]
    long = body.melt(id_vars=[sheet.columns[0]], value_vars=list(year_cols), var_name="col")
    long = long.rename(columns={sheet.columns[0]: "wb_code"})
    long["fiscal_year"] = long["col"].map(year_cols).astype(int)
    code = long["value"].astype("string").str.strip().str.rstrip("*")
    long["income_code"] = code.where(code.isin(list(INCOME_CODES)))
    if long.duplicated(["wb_code", "fiscal_year"]).any():
        raise ValueError("OGHIST: duplicate economy-fiscal-year rows")
    return long[["wb_code", "fiscal_year", "income_code"]].reset_index(drop=True)


def build_country_metadata(class_panel: pd.DataFrame, oghist: pd.DataFrame) -> pd.DataFrame:
    """Join CLASS.dta (long panel) and tidy OGHIST into the validated country-metadata table.

    Raises if OGHIST and CLASS.dta disagree on a classification both have (they should not:
    CLASS.dta is built from OGHIST).
    """
    panel = class_panel.rename(columns={"code": "wb_code", "year_fiscal": "fiscal_year"}).copy()
    panel["fiscal_year"] = panel["fiscal_year"].astype(int)
    merged = panel.merge(oghist, on=["wb_code", "fiscal_year"], how="left", validate="1:1")
    published = merged["income_code"].map(INCOME_CODES)
    backfill = merged["incgroup_historical"].replace("", pd.NA)
    both = published.notna() & backfill.notna()
    clash = merged[both & (published != backfill)]
    if not clash.empty:
        rows = clash[["wb_code", "fiscal_year", "income_code", "incgroup_historical"]]
        raise ValueError(f"OGHIST and CLASS.dta disagree:\n{rows.head(20).to_string()}")
    income = published.fillna(backfill)
    source = pd.Series(pd.NA, index=merged.index, dtype="string")
    source[published.notna()] = "OGHIST"
    source[published.isna() & backfill.notna()] = "CLASS.dta back-fill"
    names = merged.drop_duplicates("wb_code").set_index("wb_code")["economy"]
    # Codes first (CLASS uses ISO3 except XKX = Kosovo and CHI = Channel Islands, which has
    # no ISO 3166 code); names are the fallback for any code country_converter does not know.
    iso_by_code = dict(zip(names.index, to_iso3(names.index, src="ISO3"), strict=True))
    iso_by_name = dict(zip(names.index, to_iso3(names.values), strict=True))
    iso3 = merged["wb_code"].map(
        lambda c: iso_by_code[c] if pd.notna(iso_by_code[c]) else iso_by_name[c]
    )
    current = merged["incgroup_current"].replace("", pd.NA)
    table = pd.DataFrame(
        {
            "wb_code": merged["wb_code"].astype(str),
            "iso3": iso3.astype("string"),
            "economy": merged["economy"].astype(str),
            "fiscal_year": merged["fiscal_year"],
            "gni_year": merged["fiscal_year"] - 2,
            "region": merged["region"].astype(str),
            "region_code": merged["region_code"].astype(str),
            "income_group": income.astype("string"),
            "income_group_source": source,
            "income_group_current": current.astype("string"),
        }
    )
    table = table.sort_values(["wb_code", "fiscal_year"]).reset_index(drop=True)
    return validate(table, COUNTRY_METADATA)
