"""pandera schemas of chapter 7's tidy frames: keys unique, ISO3 codes valid (World Bank economy
codes of the income classification in use), years in range, shares and Gini in their ranges.

The plausibility ranges catch silent unit changes (a Gini on 0-100, a share in percent, GDP in
thousands) rather than describing the data's actual spread.
"""

from __future__ import annotations

import pandera.pandas as pa

from gvcneg.empirics.gvcdr2025_ch7 import INCOME_GROUPS

ISO3_PATTERN = r"^[A-Z]{3}$"


def _iso3(valid_iso3) -> pa.Column:
    checks = [pa.Check.str_matches(ISO3_PATTERN)]
    if valid_iso3 is not None:
        checks.append(pa.Check.isin(sorted(valid_iso3)))
    return pa.Column(str, checks=checks)


def _year(first_year: int, last_year: int) -> pa.Column:
    return pa.Column(int, checks=pa.Check.in_range(first_year, last_year))


def country_year_panel_schema(valid_iso3, first_year: int, last_year: int) -> pa.DataFrameSchema:
    """The chapter's country-year panel (Figures 7.4-7.8)."""
    return pa.DataFrameSchema(
        {
            "iso3": _iso3(valid_iso3),
            "economy": pa.Column(str),
            "year": _year(first_year, last_year),
            "income_group": pa.Column(str, checks=pa.Check.isin(INCOME_GROUPS)),
            "gdp_pc_ppp": pa.Column(float, checks=pa.Check.in_range(50, 500_000), nullable=True),
            "population": pa.Column(float, checks=pa.Check.in_range(1_000, 2e9), nullable=True),
            "gini": pa.Column(float, checks=pa.Check.in_range(0.0, 1.0), nullable=True),
        },
        unique=["iso3", "year"],
        strict=True,
        ordered=True,
        coerce=True,
        name="gvcdr2025_ch7 country-year panel",
    )


def labour_share_schema(valid_iso3, first_year: int, last_year: int) -> pa.DataFrameSchema:
    """PWT labour shares by economy and year with the economy's income group (Figure 7.13)."""
    return pa.DataFrameSchema(
        {
            "iso3": _iso3(valid_iso3),
            "economy": pa.Column(str),
            "year": _year(first_year, last_year),
            "income_group": pa.Column(str, checks=pa.Check.isin(INCOME_GROUPS)),
            "labour_share": pa.Column(float, checks=pa.Check.in_range(0.0, 1.0)),
        },
        unique=["iso3", "year"],
        strict=True,
        coerce=True,
        name="gvcdr2025_ch7 labour-share panel",
    )


def gvc_panel_schema(valid_iso3, first_year: int, last_year: int) -> pa.DataFrameSchema:
    """GVC participation (shares of gross exports) by economy, sector and year."""
    share = pa.Check.in_range(-0.1, 1.5)
    return pa.DataFrameSchema(
        {
            "iso3": _iso3(valid_iso3),
            "sector": pa.Column(str),
            "year": _year(first_year, last_year),
            "income_group": pa.Column(str, checks=pa.Check.isin(INCOME_GROUPS)),
            "backward": pa.Column(float, checks=share),
            "forward": pa.Column(float, checks=share),
            "total": pa.Column(float, checks=pa.Check.in_range(-0.2, 3.0)),
        },
        unique=["iso3", "sector", "year"],
        strict=False,
        coerce=True,
        name="gvcdr2025_ch7 GVC participation panel",
    )
