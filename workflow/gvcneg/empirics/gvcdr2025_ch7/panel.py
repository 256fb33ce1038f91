"""Assemble chapter 7's validated panels from the tidy source frames (see ``readers``).

The universe of economies is the World Bank income classification used for the chapter's
"2023 income status" (by default the FY2025 list, based on 2023 GNI per capita); an economy
the list leaves unclassified (e.g. Venezuela in FY2025) cannot be grouped and is left out.
"""

from __future__ import annotations

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7.schemas import (
    country_year_panel_schema,
    labour_share_schema,
)


def classified_economies(income: pd.DataFrame) -> pd.DataFrame:
    """Economies of the classification that have an income group."""
    return income.dropna(subset=["income_group"]).drop_duplicates("iso3").reset_index(drop=True)


def build_country_year_panel(
    gdp: pd.DataFrame,
    population: pd.DataFrame,
    gini: pd.DataFrame,
    income: pd.DataFrame,
    first_year: int,
    last_year: int,
) -> pd.DataFrame:
    """One row per classified economy and year in [first_year, last_year] with GDP per capita
    (PPP), population, Gini (NaN where a source has no value) and the fixed income group."""
    economies = classified_economies(income)
    years = pd.DataFrame({"year": range(first_year, last_year + 1)})
    panel = economies.merge(years, how="cross")
    for frame, column in ((gdp, "gdp_pc_ppp"), (population, "population"), (gini, "gini")):
        keyed = frame[["iso3", "year", column]]
        if keyed.duplicated(["iso3", "year"]).any():
            raise ValueError(f"{column}: duplicated (iso3, year) keys in the source frame")
        panel = panel.merge(keyed, on=["iso3", "year"], how="left")
    panel = panel[
        ["iso3", "economy", "year", "income_group", "gdp_pc_ppp", "population", "gini"]
    ].astype({"gdp_pc_ppp": float, "population": float, "gini": float})
    panel = panel.sort_values(["iso3", "year"]).reset_index(drop=True)
    schema = country_year_panel_schema(economies["iso3"], first_year, last_year)
    return schema.validate(panel, lazy=True)


def build_labour_share_panel(
    labour_share: pd.DataFrame, income: pd.DataFrame, first_year: int, last_year: int
) -> pd.DataFrame:
    """PWT labour shares of classified economies in [first_year, last_year]."""
    economies = classified_economies(income)
    frame = labour_share[labour_share["year"].between(first_year, last_year)]
    frame = frame.merge(economies, on="iso3", how="inner")
    frame = frame[["iso3", "economy", "year", "income_group", "labour_share"]]
    frame = frame.sort_values(["iso3", "year"]).reset_index(drop=True)
    schema = labour_share_schema(economies["iso3"], first_year, last_year)
    return schema.validate(frame, lazy=True)
