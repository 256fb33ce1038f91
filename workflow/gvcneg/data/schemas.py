"""pandera schemas of the shared tidy tables, and column builders the document helpers use
for their own panels (keys unique, ISO3 codes valid, years in range, shares and Gini in
their ranges, no silent unit changes)."""

from __future__ import annotations

from typing import Literal

import pandas as pd
import pandera.pandas as pa

from gvcneg.data.countries import valid_iso3

INCOME_GROUPS = ("Low income", "Lower middle income", "Upper middle income", "High income")
INCOME_CODES = {
    "L": INCOME_GROUPS[0],
    "LM": INCOME_GROUPS[1],
    "UM": INCOME_GROUPS[2],
    "H": INCOME_GROUPS[3],
}
WB_REGIONS = (
    "East Asia & Pacific",
    "Europe & Central Asia",
    "Latin America & Caribbean",
    "Middle East, North Africa, Afghanistan & Pakistan",
    "North America",
    "South Asia",
    "Sub-Saharan Africa",
)


def _iso3_check() -> pa.Check:
    codes = valid_iso3()
    return pa.Check(
        lambda s: s.isin(codes), element_wise=False, error="ISO3 code known to country_converter"
    )


def iso3_column(nullable: bool = False, unique: bool = False) -> pa.Column:
    """A column of ISO 3166-1 alpha-3 codes as country_converter knows them (plus XKX)."""
    return pa.Column(str, _iso3_check(), nullable=nullable, unique=unique)


def year_column(first: int, last: int) -> pa.Column:
    return pa.Column(int, pa.Check.in_range(first, last), coerce=True)


# The declared scale of a share: 0-1 or 0-100.
Scale = Literal["fraction", "percent"]


def share_column(scale: Scale, nullable: bool = True) -> pa.Column:
    """A share on the declared scale: "fraction" (0-1) or "percent" (0-100).

    For percent columns a frame-wide check also rejects data that are all within [0, 1] (with
    more than a handful of values), which would mean fractions labelled as percent: a unit
    change is never silent."""
    if scale == "fraction":
        checks = [pa.Check.in_range(0.0, 1.0)]
    elif scale == "percent":
        checks = [
            pa.Check.in_range(0.0, 100.0),
            pa.Check(
                lambda s: s.dropna().size < 10 or s.dropna().max() > 1.0,
                element_wise=False,
                error="percent column whose values are all <= 1: fractions given as percent?",
            ),
        ]
    else:
        raise ValueError(f"scale must be 'fraction' or 'percent', not {scale!r}")
    return pa.Column(float, checks, nullable=nullable, coerce=True)


def gini_column(scale: Scale = "fraction", nullable: bool = True) -> pa.Column:
    """A Gini coefficient, 0-1 ("fraction") or 0-100 ("percent") as declared."""
    return share_column(scale, nullable=nullable)


def country_year_schema(
    value_columns: dict[str, pa.Column], first: int, last: int, name: str = "country-year panel"
) -> pa.DataFrameSchema:
    """A country-year panel keyed by (iso3, year) with the given value columns."""
    return pa.DataFrameSchema(
        {"iso3": iso3_column(), "year": year_column(first, last), **value_columns},
        unique=["iso3", "year"],
        strict=True,
        name=name,
    )


COUNTRY_METADATA = pa.DataFrameSchema(
    {
        "wb_code": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{3}$")),
        "iso3": iso3_column(nullable=True),
        "economy": pa.Column(str),
        "fiscal_year": year_column(1989, 2100),
        "gni_year": year_column(1987, 2098),
        "region": pa.Column(str, pa.Check.isin(WB_REGIONS)),
        "region_code": pa.Column(str),
        "income_group": pa.Column(str, pa.Check.isin(INCOME_GROUPS), nullable=True),
        "income_group_source": pa.Column(
            str, pa.Check.isin(["OGHIST", "CLASS.dta back-fill"]), nullable=True
        ),
        "income_group_current": pa.Column(str, pa.Check.isin(INCOME_GROUPS), nullable=True),
    },
    checks=[
        pa.Check(
            lambda df: (df["gni_year"] == df["fiscal_year"] - 2).all(),
            error="gni_year = fiscal_year - 2 (classification uses GNI two years back)",
        ),
        pa.Check(
            lambda df: ~df.dropna(subset=["iso3"]).duplicated(["iso3", "fiscal_year"]).any(),
            error="(iso3, fiscal_year) unique",
        ),
    ],
    unique=["wb_code", "fiscal_year"],
    strict=True,
    name="country_metadata",
)


def validate(frame: pd.DataFrame, schema: pa.DataFrameSchema) -> pd.DataFrame:
    """Validate lazily (all failures at once) and return the validated frame."""
    return schema.validate(frame, lazy=True)
