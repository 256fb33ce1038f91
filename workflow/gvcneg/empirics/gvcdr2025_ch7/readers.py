"""Read the raw files of chapter 7's sources into tidy long frames.

Each reader takes the path of one registry file (as returned by the data layer's
``source_file(source, file)``), checks the columns it relies on, converts units explicitly
(percent -> share, 0-100 Gini -> 0-1) after checking the scale it expects, and returns a
frame keyed by ISO3 code (World Bank codes: Kosovo = XKX). Malformed input raises
:class:`SourceFormatError` naming the source, the file and what to do.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from gvcneg.data.excel import read_excel
from gvcneg.data.source_schemas import check_source_frame
from gvcneg.empirics.gvcdr2025_ch7 import INCOME_GROUPS

# Source-specific codes for Kosovo outside ISO 3166 (the World Bank's code is XKX).
_OWID_KOSOVO = {"OWID_KOS": "XKX"}
_WID_KOSOVO = {"KS": "XK"}

_INCOME_LABELS = {
    "Low income": "low",
    "Lower middle income": "lower_middle",
    "Upper middle income": "upper_middle",
    "High income": "high",
}
assert set(_INCOME_LABELS.values()) == set(INCOME_GROUPS)


class SourceFormatError(ValueError):
    """A source file does not have the layout or units its reader expects."""


def _fail(source: str, path, problem: str) -> SourceFormatError:
    return SourceFormatError(
        f"source {source!r}, file {Path(path).name}: {problem}. Check that the file is the "
        f"registry's version (sources/{source}.yaml: vintage and sha256) or update the reader "
        "in gvcneg/empirics/gvcdr2025_ch7/readers.py for the new layout."
    )


def _require_columns(frame: pd.DataFrame, columns, source: str, path) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise _fail(source, path, f"missing column(s) {missing}; found {list(frame.columns)[:12]}")


def _check_scale(values: pd.Series, low: float, high: float, what: str, source: str, path):
    """Refuse values outside the scale the reader converts from (no silent unit change)."""
    finite = values.dropna()
    bad = finite[(finite < low) | (finite > high)]
    if len(bad):
        raise _fail(
            source,
            path,
            f"{len(bad)} value(s) of {what} outside the expected scale [{low}, {high}] "
            f"(e.g. {bad.iloc[0]!r}); the unit may have changed",
        )


def iso2_to_iso3(codes) -> dict[str, str | None]:
    """Map ISO 3166 alpha-2 codes to ISO3 with country_converter (via the data layer); WID's
    own code for Kosovo (KS; ISO's user-assigned code is XK) -> XKX; regions -> None."""
    from gvcneg.data.countries import to_iso3

    codes = sorted(set(codes))
    converted = to_iso3([_WID_KOSOVO.get(c, c) for c in codes], src="ISO2")
    return {c: (None if pd.isna(v) else str(v)) for c, v in zip(codes, converted, strict=True)}


def read_owid_gdp_per_capita(path, source: str = "owid-wdi-gdp-pc-ppp") -> pd.DataFrame:
    """WDI GDP per capita, PPP (constant 2021 int. $), OWID export -> iso3, year, gdp_pc_ppp."""
    frame = check_source_frame(pd.read_csv(path), source, path=path)
    value = [c for c in frame.columns if c.startswith("GDP per capita, PPP")]
    _require_columns(frame, ["Code", "Year"], source, path)
    if len(value) != 1:
        raise _fail(source, path, "expected one column 'GDP per capita, PPP (constant ... $)'")
    if "constant 2021 international $" not in value[0]:
        raise _fail(source, path, f"GDP column is {value[0]!r}, expected constant 2021 int. $")
    frame = frame.rename(columns={"Code": "iso3", "Year": "year", value[0]: "gdp_pc_ppp"})
    frame = frame.dropna(subset=["iso3"])
    frame["iso3"] = frame["iso3"].replace(_OWID_KOSOVO)
    frame = frame[frame["iso3"].str.fullmatch(r"[A-Z]{3}")]
    _check_scale(frame["gdp_pc_ppp"], 50, 500_000, "GDP per capita (int. $)", source, path)
    return frame[["iso3", "year", "gdp_pc_ppp"]].astype({"year": int}).reset_index(drop=True)


def read_wdi_population(path, source: str = "wdi-population") -> pd.DataFrame:
    """WDI SP.POP.TOTL in the World Bank API CSV layout -> iso3, year, population."""
    frame = check_source_frame(pd.read_csv(path, skiprows=4), source, path=path)
    _require_columns(frame, ["Country Code", "Indicator Code"], source, path)
    codes = set(frame["Indicator Code"].dropna())
    if codes != {"SP.POP.TOTL"}:
        raise _fail(source, path, f"indicator code(s) {sorted(codes)}, expected SP.POP.TOTL")
    years = [c for c in frame.columns if str(c).isdigit()]
    long = frame.melt(id_vars="Country Code", value_vars=years, var_name="year")
    long = long.rename(columns={"Country Code": "iso3", "value": "population"})
    long["year"] = long["year"].astype(int)
    long = long.dropna(subset=["population"])
    _check_scale(long["population"], 1_000, 1e10, "population (persons)", source, path)
    return long[["iso3", "year", "population"]].reset_index(drop=True)


def read_income_status(
    path, fiscal_year: int, include_backfilled: bool = False, source: str = "country_metadata"
) -> pd.DataFrame:
    """The data layer's ``results/data/country_metadata.csv`` -> iso3, economy, income_group for
    one World Bank fiscal year (the classification published 1 July of that FY, from GNI of
    fiscal_year - 2; the document's "2023 income status" = FY2025).

    ``include_backfilled=False`` leaves out economies the World Bank did not classify that year
    (their group in the table is back-filled from another year)."""
    frame = pd.read_csv(path)
    needed = ["iso3", "economy", "fiscal_year", "income_group", "income_group_source"]
    _require_columns(frame, needed, source, path)
    year = frame[frame["fiscal_year"] == fiscal_year]
    if year.empty:
        raise _fail(source, path, f"no rows for fiscal year {fiscal_year}")
    if not include_backfilled:
        year = year[year["income_group_source"] == "OGHIST"]
    unknown = set(year["income_group"].dropna()) - set(_INCOME_LABELS)
    if unknown:
        raise _fail(source, path, f"unknown income group label(s) {sorted(unknown)}")
    year = year.dropna(subset=["iso3"])
    out = pd.DataFrame(
        {
            "iso3": year["iso3"].astype(str),
            "economy": year["economy"].astype(str),
            "income_group": year["income_group"].map(_INCOME_LABELS),
        }
    )
    return out.sort_values("iso3").reset_index(drop=True)


# WID's own variable codes (https://wid.world/codes-dictionary/) -> the column names of the
# redistributed file (its bulk files name variables <code><pop><age>).
WID_COLUMNS = {
    "gptinc992j": "gptincj992",
    "gdiinc992j": "gdiincj992",
    "rptinc992j": "rptincj992",
    "rdiinc992j": "rdiincj992",
}


def wid_column(variable: str) -> str:
    """The redistributed file's column for a WID variable code (e.g. gptinc992j)."""
    if variable not in WID_COLUMNS:
        raise ValueError(f"unknown WID variable {variable!r}; use one of {sorted(WID_COLUMNS)}")
    return WID_COLUMNS[variable]


def read_wid_gini(path, variable: str = "gptinc992j", source: str = "wid-gini") -> pd.DataFrame:
    """WID Gini (0-1) from the redistributed tidy file -> iso3, year, gini.

    ``variable`` is WID's code: ``gptinc992j`` (pre-tax national income, equal-split adults)
    or ``gdiinc992j`` (post-tax disposable income). Regions (WO, Q*) are dropped.
    """
    return _read_wid_series(
        path, wid_column(variable), "gini", (0.0, 1.0), f"Gini {variable} (0-1 scale)", source
    )


def read_wid_top10_bottom50(path, variable: str = "rptinc992j", source: str = "wid-gini"):
    """WID ratio of top-10% to bottom-50% average income (WID code rptinc992j or
    rdiinc992j) -> iso3, year, top10_bottom50."""
    return _read_wid_series(
        path, wid_column(variable), "top10_bottom50", (1.0, 1_000.0), f"ratio {variable}", source
    )


def _read_wid_series(path, variable: str, name: str, bounds, what: str, source: str):
    """One WID column (long file: year, country, <column>) -> iso3, year, <name>;
    WID 2-letter codes mapped to ISO3, regions dropped, values checked against ``bounds``."""
    # keep_default_na=False: "NA" is Namibia's code, not a missing value.
    frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
    check_source_frame(frame, source, path=path)
    _require_columns(frame, ["year", "country", variable], source, path)
    mapping = iso2_to_iso3(frame["country"])
    frame = frame.assign(iso3=frame["country"].map(mapping)).dropna(subset=["iso3"])
    _check_scale(frame[variable], *bounds, what, source, path)
    out = frame.rename(columns={variable: name})[["iso3", "year", name]]
    return out.astype({"year": int}).reset_index(drop=True)


def read_owid_pip_gini(path, source: str = "owid-pip-gini") -> pd.DataFrame:
    """World Bank PIP Gini (0-1), survey years, OWID export -> iso3, year, gini."""
    frame = check_source_frame(pd.read_csv(path), source, path=path)
    _require_columns(frame, ["Code", "Year", "Gini coefficient"], source, path)
    frame = frame.dropna(subset=["Code"])
    frame = frame[frame["Code"].str.fullmatch(r"[A-Z]{3}")]
    _check_scale(frame["Gini coefficient"], 0.0, 1.0, "Gini (0-1 scale)", source, path)
    frame = frame.rename(columns={"Code": "iso3", "Year": "year", "Gini coefficient": "gini"})
    # Several surveys (income and consumption) can share a year: average them.
    out = frame.groupby(["iso3", "year"], as_index=False)["gini"].mean()
    return out.astype({"year": int})


def read_swiid_gini(path, variable: str = "gini_disp", source: str = "swiid") -> pd.DataFrame:
    """SWIID 9.7 summary (Gini on a 0-100 scale) -> iso3, year, gini on the 0-1 scale."""
    frame = check_source_frame(read_excel(path, sheet_name=0), source, path=path)
    _require_columns(frame, ["code", "year", variable], source, path)
    _check_scale(frame[variable], 0.0, 100.0, f"SWIID {variable} (0-100 scale)", source, path)
    if frame[variable].dropna().max() <= 1.0:
        raise _fail(source, path, f"{variable} looks like a 0-1 scale, expected 0-100")
    out = pd.DataFrame(
        {"iso3": frame["code"], "year": frame["year"], "gini": frame[variable] / 100.0}
    )
    out = out.dropna(subset=["iso3", "gini"])
    return out.astype({"year": int}).reset_index(drop=True)


def read_gini(path, source: str, variable: str | None = None) -> pd.DataFrame:
    """Dispatch to the reader of the configured Gini source."""
    if source == "wid-gini":
        return read_wid_gini(path, variable or "gptinc992j", source)
    if source == "owid-pip-gini":
        return read_owid_pip_gini(path, source)
    if source == "swiid":
        return read_swiid_gini(path, variable or "gini_disp", source)
    raise ValueError(f"unknown Gini source {source!r}; use wid-gini, owid-pip-gini or swiid")


def read_pwt_labour_share(path, source: str = "pwt") -> pd.DataFrame:
    """Penn World Table 10.01 labsh (share of labour compensation in GDP at current national
    prices, 0-1) -> iso3, year, labour_share."""
    frame = pd.read_stata(path, columns=["countrycode", "year", "labsh"])
    check_source_frame(frame, source, path=path)
    _check_scale(frame["labsh"], 0.0, 1.0, "labsh (0-1 share)", source, path)
    out = frame.rename(columns={"countrycode": "iso3", "labsh": "labour_share"})
    out = out.dropna(subset=["labour_share"])
    return out.astype({"year": int, "iso3": str}).reset_index(drop=True)


_TIVA_MEASURES = {"EXGR_FVA": "backward", "FEXGR_DVA": "forward"}


def read_tiva_gvc_participation(path, source: str = "oecd-tiva-2025") -> pd.DataFrame:
    """OECD TiVA 2025 SDMX-CSV -> iso3, sector ('TOTAL'), year, backward, forward, total (shares).

    Backward = EXGR_FVA, forward = FEXGR_DVA, both in percent of gross exports (converted to
    shares); total = backward + forward. OECD aggregates are dropped.
    """
    frame = check_source_frame(pd.read_csv(path), source, path=path)
    _require_columns(
        frame, ["MEASURE", "REF_AREA", "ACTIVITY", "TIME_PERIOD", "OBS_VALUE"], source, path
    )
    frame = frame[frame["MEASURE"].isin(_TIVA_MEASURES) & (frame["ACTIVITY"] == "_T")]
    if "UNIT_MULT" in frame.columns and (frame["UNIT_MULT"] != 0).any():
        raise _fail(source, path, "UNIT_MULT is not 0; values are not plain percentages")
    _check_scale(frame["OBS_VALUE"], 0.0, 100.0, "TiVA shares (percent)", source, path)
    frame = frame[frame["REF_AREA"].str.fullmatch(r"[A-Z]{3}")]
    frame = frame[~frame["REF_AREA"].isin(["WXD", "W_O"])]
    wide = frame.pivot_table(
        index=["REF_AREA", "TIME_PERIOD"], columns="MEASURE", values="OBS_VALUE", aggfunc="first"
    ).rename(columns=_TIVA_MEASURES)
    missing = set(_TIVA_MEASURES.values()) - set(wide.columns)
    if missing:
        raise _fail(source, path, f"measure(s) {sorted(missing)} not in the file")
    wide = wide[["backward", "forward"]] / 100.0
    wide["total"] = wide["backward"] + wide["forward"]
    out = wide.reset_index().rename(columns={"REF_AREA": "iso3", "TIME_PERIOD": "year"})
    out.insert(1, "sector", "TOTAL")
    out = out.dropna()
    return out.astype({"year": int})[["iso3", "sector", "year", "backward", "forward", "total"]]


def read_adb_gvc_participation(
    parquet_path,
    countries_path,
    sector_aggregation: int = 0,
    source: str = "adb-mrio-gvcp",
    index_column: str = "mrio",
) -> pd.DataFrame:
    """ADB MRIO GVC participation (Borin-Mancini, trade-based shares of gross exports) ->
    iso3, sector, year, backward, forward, total.

    ``sector_aggregation``: 0 = economy totals (sector 'TOTAL'), 5/15/35 = that many sectors.
    ``index_column``: the column of ``countries.xlsx`` giving the economy index ``s`` (``mrio``
    for the 72-economy tables, ``mrio62`` for the 62-economy series). The rest of the world
    (iso_a3 ROW) is dropped. Rows with zero exports are dropped
    (participation is undefined there).
    """
    frame = check_source_frame(pd.read_parquet(parquet_path), source, path=parquet_path)
    needed = ["t", "s", "agg", "i", "Exports", "GVCP_trade_f", "GVCP_trade_b", "GVCP_trade"]
    _require_columns(frame, needed, source, parquet_path)
    # The economy index is adb-mrio-gvcp's countries.xlsx for both ADB series.
    countries = check_source_frame(read_excel(countries_path), "adb-mrio-gvcp", path=countries_path)
    _require_columns(countries, [index_column, "iso_a3"], source, countries_path)
    if sector_aggregation not in set(frame["agg"].unique()):
        raise _fail(source, parquet_path, f"no rows with agg == {sector_aggregation}")
    frame = frame[(frame["agg"] == sector_aggregation) & (frame["Exports"] > 0)]
    codes = countries.dropna(subset=[index_column]).astype({index_column: int})
    codes = codes.set_index(index_column)["iso_a3"]
    frame = frame.assign(iso3=frame["s"].map(codes)).dropna(subset=["iso3"])
    frame = frame[frame["iso3"].str.fullmatch(r"[A-Z]{3}") & (frame["iso3"] != "ROW")]
    # Shares of exports; a few small sectors have slightly negative Borin-Mancini terms, so the
    # check only rules out a percent scale.
    shares = frame[["GVCP_trade_f", "GVCP_trade_b"]].stack()
    _check_scale(shares, -0.1, 1.5, "GVC participation (shares of exports)", source, parquet_path)
    if sector_aggregation == 0:
        sector = np.repeat("TOTAL", len(frame))
    else:
        sector = frame["i"].astype(int).astype(str).to_numpy()
    out = pd.DataFrame(
        {
            "iso3": frame["iso3"].to_numpy(),
            "sector": sector,
            "year": frame["t"].astype(int).to_numpy(),
            "backward": frame["GVCP_trade_b"].to_numpy(),
            "forward": frame["GVCP_trade_f"].to_numpy(),
            "total": frame["GVCP_trade"].to_numpy(),
        }
    )
    return out.sort_values(["iso3", "sector", "year"]).reset_index(drop=True)


def read_robots_per_worker(path, source: str = "ifr-robots") -> pd.DataFrame:
    """A user-supplied robot-intensity file (IFR World Robotics is commercial; not available
    offline) -> iso3, year, robots_per_worker (robots per employee, economy level).

    Expected layout: a CSV with columns iso3, year and robots_per_worker, or iso3, year,
    robot_stock and employment (then robots_per_worker = robot_stock / employment)."""
    frame = check_source_frame(pd.read_csv(path), source, path=path)
    _require_columns(frame, ["iso3", "year"], source, path)
    if "robots_per_worker" not in frame.columns:
        _require_columns(frame, ["robot_stock", "employment"], source, path)
        frame["robots_per_worker"] = frame["robot_stock"] / frame["employment"]
    _check_scale(frame["robots_per_worker"], 0.0, 1.0, "robots per worker", source, path)
    out = frame[["iso3", "year", "robots_per_worker"]].dropna()
    if out.duplicated(["iso3", "year"]).any():
        raise _fail(source, path, "duplicated (iso3, year) rows; aggregate sectors first")
    return out.astype({"year": int}).reset_index(drop=True)
