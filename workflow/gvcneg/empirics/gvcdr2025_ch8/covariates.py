"""Country-year and dyad covariates of the chapter 8 panel, read from the registry's files.

Table 8.1 lists the sources. Each reader takes the path of one registry file and returns a
tidy frame keyed by ISO3 (and year); errors name the source and file. Substitutions (all
documented in the report): GDP = WDI GDP per capita PPP (constant 2021 int. $) x WDI
population, since no WDI GDP series in constant US$ is available offline; gravity controls
from CEPII GeoDist instead of the USITC Dynamic Gravity Dataset. The RTA dummy is in
:mod:`rta` (WTO RTA database).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from gvcneg.data.excel import read_excel
from gvcneg.data.source_schemas import check_source_frame
from gvcneg.empirics.gvcdr2025_ch8.iso import (
    EU_CODE,
    SUCCESSORS,
    eu_members,
    harmonise_iso3,
    names_to_iso3,
)


class CovariateSourceError(ValueError):
    """A registry file does not have the layout the reader expects."""


def _fail(source: str, path, message: str) -> CovariateSourceError:
    return CovariateSourceError(
        f"source {source}: file {Path(path).name}: {message}. Check that the file is the one "
        f"recorded in sources/{source}.yaml (sha256) or update the reader."
    )


def _require(frame: pd.DataFrame, columns, source: str, path) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise _fail(source, path, f"missing column(s) {missing}")


def read_wdi_wide(path, source: str, value: str) -> pd.DataFrame:
    """A WDI API bulk CSV (preamble lines, then wide years) -> iso3, year, <value>.

    The preamble is 4 lines in the API download, but redistributed copies differ in blank
    lines, so the header is located by its first field ("Country Name")."""
    with open(path, encoding="utf-8-sig") as handle:
        lines = [handle.readline() for _ in range(10)]
    header = next(
        (i for i, line in enumerate(lines) if line.lstrip('"').startswith("Country Name")), None
    )
    if header is None:
        raise _fail(source, path, "no 'Country Name' header line in the first 10 lines")
    frame = pd.read_csv(path, skiprows=header, encoding="utf-8-sig")
    check_source_frame(frame, source, path=path)
    _require(frame, ["Country Code"], source, path)
    years = [c for c in frame.columns if re.fullmatch(r"\d{4}", str(c))]
    if not years:
        raise _fail(source, path, "no year columns")
    long = frame.melt(id_vars="Country Code", value_vars=years, var_name="year", value_name=value)
    long = long.rename(columns={"Country Code": "iso3"}).dropna(subset=[value])
    long["year"] = long["year"].astype(int)
    return long.reset_index(drop=True)


def read_economies(metadata_path, source: str = "wdi-population") -> list[str]:
    """The WDI economies (Region not blank), i.e. countries and territories, no aggregates."""
    meta = pd.read_csv(metadata_path, encoding="utf-8-sig")
    check_source_frame(meta, source, path=metadata_path)
    _require(meta, ["Country Code", "Region"], source, metadata_path)
    return sorted(meta.loc[meta["Region"].notna(), "Country Code"].astype(str))


def read_gdp(gdp_pc_path, population_path) -> pd.DataFrame:
    """iso3, year, gdp_pc_ppp, population, gdp (= gdp_pc_ppp x population)."""
    source = "owid-wdi-gdp-pc-ppp"
    pc = check_source_frame(pd.read_csv(gdp_pc_path), source, path=gdp_pc_path)
    value = [c for c in pc.columns if c.startswith("GDP per capita, PPP")]
    _require(pc, ["Code", "Year"], source, gdp_pc_path)
    if len(value) != 1:
        raise _fail(source, gdp_pc_path, "expected one 'GDP per capita, PPP' column")
    pc = pc.rename(columns={"Code": "iso3", "Year": "year", value[0]: "gdp_pc_ppp"})
    pc["iso3"] = harmonise_iso3(pc["iso3"])
    pc = pc[pc["iso3"].str.fullmatch(r"[A-Z]{3}", na=False)][["iso3", "year", "gdp_pc_ppp"]]
    pop = read_wdi_wide(population_path, "wdi-population", "population")
    out = pc.merge(pop, on=["iso3", "year"], how="outer")
    out["gdp"] = out["gdp_pc_ppp"] * out["population"]
    return out


WGI_DIMENSIONS = {
    "Rule of Law": "wgi_rule_of_law",
    "Regulatory Quality": "wgi_regulatory_quality",
    "Government Effectiveness": "wgi_gov_effectiveness",
}


def read_wgi(path) -> pd.DataFrame:
    """iso3, year, the three WGI estimates of Table 8.1 (rule of law, regulatory quality,
    government effectiveness)."""
    source = "wgi"
    frame = check_source_frame(read_excel(path, sheet_name="Data"), source, path=path)
    _require(frame, ["Code", "Dimention"], source, path)
    frame = frame[frame["Dimention"].isin(WGI_DIMENSIONS)]
    if frame["Dimention"].nunique() != len(WGI_DIMENSIONS):
        raise _fail(source, path, f"expected dimensions {sorted(WGI_DIMENSIONS)}")
    estimates = [c for c in frame.columns if re.fullmatch(r"\d{4}_Estimate", str(c))]
    long = frame.melt(id_vars=["Code", "Dimention"], value_vars=estimates, var_name="year")
    long["year"] = long["year"].str[:4].astype(int)
    long["value"] = pd.to_numeric(long["value"], errors="coerce")
    wide = long.pivot_table(index=["Code", "year"], columns="Dimention", values="value")
    wide = wide.rename(columns=WGI_DIMENSIONS).reset_index().rename(columns={"Code": "iso3"})
    wide.columns.name = None
    wide["iso3"] = harmonise_iso3(wide["iso3"])
    return wide


def read_ideal_points(path) -> pd.DataFrame:
    """iso3, year, ideal_point (Bailey-Strezhnev-Voeten IdealPointAll; year = 1945 + session)."""
    source = "unga-idealpoints"
    frame = check_source_frame(pd.read_csv(path), source, path=path)
    _require(frame, ["iso3c", "session", "IdealPointAll"], source, path)
    out = pd.DataFrame(
        {
            "iso3": harmonise_iso3(frame["iso3c"]),
            "year": frame["session"].astype(int) + 1945,
            "ideal_point": frame["IdealPointAll"],
        }
    ).dropna()
    return out.drop_duplicates(["iso3", "year"], keep="last")


def read_wto_accessions(path) -> pd.DataFrame:
    """iso3, wto_year (year of WTO membership; members from their accession year)."""
    source = "wto-membership"
    frame = check_source_frame(pd.read_csv(path), source, path=path)
    _require(frame, ["country_name", "accession_date"], source, path)
    codes = names_to_iso3(frame["country_name"])
    unknown = [name for name, code in codes.items() if code is None]
    if unknown:
        raise _fail(source, path, f"country names without an ISO3 match: {unknown}")
    out = pd.DataFrame(
        {
            "iso3": frame["country_name"].map(codes),
            "wto_year": pd.to_datetime(frame["accession_date"]).dt.year,
        }
    )
    out = out[out["iso3"] != EU_CODE]
    return out.groupby("iso3", as_index=False)["wto_year"].min()


def read_geodist(dist_path, geo_path) -> pd.DataFrame:
    """Directed pairs: exporter, importer, log_dist (distw, else dist), contig, comlang_off,
    colony, landlocked_any; old codes harmonised and dissolved entities copied to successors."""
    source = "cepii-geodist"
    dist = check_source_frame(pd.read_csv(dist_path), source, path=dist_path)
    _require(
        dist,
        ["iso_o", "iso_d", "dist", "distw", "contig", "comlang_off", "colony"],
        source,
        dist_path,
    )
    geo = check_source_frame(pd.read_csv(geo_path, encoding="latin-1"), source, path=geo_path)
    _require(geo, ["iso3", "landlocked"], source, geo_path)

    def expand(frame, column):
        parts = [frame[~frame[column].isin(SUCCESSORS)]]
        for old, new_codes in SUCCESSORS.items():
            for new in new_codes:
                part = frame[frame[column] == old].copy()
                part[column] = new
                parts.append(part)
        out = pd.concat(parts, ignore_index=True)
        out[column] = harmonise_iso3(out[column])
        return out

    dist = expand(expand(dist, "iso_o"), "iso_d")
    dist = dist[dist["iso_o"] != dist["iso_d"]]
    distance = dist["distw"].where(dist["distw"].notna() & (dist["distw"] > 0), dist["dist"])
    out = pd.DataFrame(
        {
            "exporter": dist["iso_o"],
            "importer": dist["iso_d"],
            "log_dist": np.log(distance),
            "contig": dist["contig"].astype(float),
            "comlang_off": dist["comlang_off"].astype(float),
            "colony": dist["colony"].astype(float),
        }
    )
    # Keep the original rows where a successor copy and a genuine row coincide.
    out = out.drop_duplicates(["exporter", "importer"], keep="first")
    geo = expand(geo[["iso3", "landlocked"]].copy(), "iso3").drop_duplicates("iso3")
    landlocked = dict(zip(geo["iso3"], geo["landlocked"], strict=True))
    out["landlocked_any"] = (
        out["exporter"].map(landlocked).fillna(0) + out["importer"].map(landlocked).fillna(0) > 0
    ).astype(float)
    return out.reset_index(drop=True)


def read_dgd(path) -> pd.DataFrame:
    """The USITC Dynamic Gravity Dataset (the document's source of the gravity controls) ->
    the columns of :func:`read_geodist`. Time-invariant controls: each pair's last year (the
    document carries 2019 values forward to 2020-2024)."""
    source = "usitc-dgd"
    columns = [
        "year",
        "iso3_o",
        "iso3_d",
        "distance",
        "contiguity",
        "common_language",
        "colony_ever",
        "landlocked_o",
        "landlocked_d",
    ]
    frame = pd.read_csv(path, usecols=lambda c: c in columns)
    _require(frame, columns, source, path)
    frame = frame.sort_values("year").groupby(["iso3_o", "iso3_d"], as_index=False).last()
    frame["iso3_o"] = harmonise_iso3(frame["iso3_o"])
    frame["iso3_d"] = harmonise_iso3(frame["iso3_d"])
    frame = frame[(frame["iso3_o"] != frame["iso3_d"]) & (frame["distance"] > 0)]
    out = pd.DataFrame(
        {
            "exporter": frame["iso3_o"],
            "importer": frame["iso3_d"],
            "log_dist": np.log(frame["distance"]),
            "contig": frame["contiguity"].astype(float),
            "comlang_off": frame["common_language"].astype(float),
            "colony": frame["colony_ever"].astype(float),
            "landlocked_any": ((frame["landlocked_o"] + frame["landlocked_d"]) > 0).astype(float),
        }
    )
    return out.drop_duplicates(["exporter", "importer"]).reset_index(drop=True)


def read_sanctions(path, years, ongoing_last_year: int, carry_ongoing_to: int) -> pd.DataFrame:
    """Unordered pairs and years with a GSDB sanction between two states (either direction).

    Multi-country senders are split; the EU is expanded to its member states in each year;
    organisations (UN, AU, ECOWAS, ...) have no dyad and are skipped. Cases whose end is the
    release's last year (``ongoing_last_year``) are treated as ongoing until
    ``carry_ongoing_to``.
    """
    source = "gsdb"
    frame = check_source_frame(pd.read_csv(path, encoding="utf-8-sig"), source, path=path)
    _require(frame, ["sanctioned_state", "sanctioning_state", "begin", "end"], source, path)

    def split(text):
        text = re.sub(r"(\w+), (North|South|The)\b", r"\2 \1", str(text))
        return [part.strip() for part in text.split(",") if part.strip()]

    names = {
        n
        for col in ("sanctioned_state", "sanctioning_state")
        for v in frame[col].dropna()
        for n in split(v)
    }
    codes = names_to_iso3(names)
    years = set(years)
    rows = []
    for case in frame.itertuples(index=False):
        end = carry_ongoing_to if case.end >= ongoing_last_year else case.end
        for year in range(int(case.begin), int(end) + 1):
            if year not in years:
                continue
            targets = _expand_states([codes.get(n) for n in split(case.sanctioned_state)], year)
            senders = _expand_states([codes.get(n) for n in split(case.sanctioning_state)], year)
            rows.extend((min(s, t), max(s, t), year) for s in senders for t in targets if s != t)
    out = pd.DataFrame(rows, columns=["iso_a", "iso_b", "year"]).drop_duplicates()
    return out.reset_index(drop=True)


def _expand_states(codes, year: int) -> list[str]:
    out = []
    for code in codes:
        if code is None:
            continue
        out.extend(eu_members(year) if code == EU_CODE else [code])
    return out


def carry_forward(
    frame: pd.DataFrame,
    value_columns: list[str],
    last_year: int,
    max_years: int,
    flag: str,
    key: str = "iso3",
) -> pd.DataFrame:
    """Fill up to ``max_years`` years after a country's last observation (not beyond
    ``last_year``) with that observation; a boolean column ``flag`` marks the filled rows.

    Each value column is carried from its own last non-missing year.
    """
    frame = frame.copy()
    frame[flag] = False
    if max_years <= 0:
        return frame
    filled = [frame]
    for column in value_columns:
        latest = frame.dropna(subset=[column]).sort_values("year").groupby(key).tail(1)
        rows = [
            {key: k, "year": y, column: v}
            for k, last, v in zip(latest[key], latest["year"], latest[column], strict=True)
            for y in range(int(last) + 1, min(int(last) + max_years, last_year) + 1)
        ]
        if rows:
            filled.append(pd.DataFrame(rows).assign(**{flag: True}))
    out = pd.concat(filled, ignore_index=True)
    agg = {c: "first" for c in out.columns if c not in (key, "year", flag)}
    agg[flag] = "max"
    # Observed values first, so "first" keeps an observation over a carried value.
    out = out.sort_values(flag, kind="stable")
    return out.groupby([key, "year"], as_index=False).agg(agg)
