"""The country-year panel and its pandera schema."""

import pandas as pd
import pandera.errors
import pytest

from gvcneg.empirics.gvcdr2025_ch7.panel import build_country_year_panel
from gvcneg.empirics.gvcdr2025_ch7.schemas import country_year_panel_schema

INCOME = pd.DataFrame(
    {
        "iso3": ["AAA", "BBB", "VEN"],
        "economy": ["A", "B", "Venezuela"],
        "income_group": ["high", "low", None],
    }
)


def _frames(gini_value=0.4):
    gdp = pd.DataFrame(
        {"iso3": ["AAA", "BBB", "ZZZ"], "year": 2000, "gdp_pc_ppp": [40e3, 1e3, 5e3]}
    )
    pop = pd.DataFrame({"iso3": ["AAA", "BBB"], "year": 2000, "population": [1e6, 2e7]})
    gini = pd.DataFrame({"iso3": ["AAA"], "year": 2000, "gini": [gini_value]})
    return gdp, pop, gini


def test_panel_covers_classified_economies_and_years_only():
    gdp, pop, gini = _frames()
    panel = build_country_year_panel(gdp, pop, gini, INCOME, 2000, 2001)
    assert sorted(panel["iso3"].unique()) == ["AAA", "BBB"]  # unclassified VEN, unknown ZZZ out
    assert len(panel) == 4
    a2000 = panel[(panel["iso3"] == "AAA") & (panel["year"] == 2000)].iloc[0]
    assert a2000["gini"] == 0.4 and a2000["income_group"] == "high"
    assert panel[panel["year"] == 2001]["gdp_pc_ppp"].isna().all()


def test_gini_on_a_percent_scale_fails_validation():
    gdp, pop, gini = _frames(gini_value=40.0)
    with pytest.raises(pandera.errors.SchemaErrors):
        build_country_year_panel(gdp, pop, gini, INCOME, 2000, 2000)


def test_duplicate_source_keys_are_refused():
    gdp, pop, gini = _frames()
    with pytest.raises(ValueError, match="gdp_pc_ppp: duplicated"):
        build_country_year_panel(pd.concat([gdp, gdp]), pop, gini, INCOME, 2000, 2000)


def test_schema_rejects_unknown_codes_and_years_out_of_range():
    schema = country_year_panel_schema(["AAA"], 1990, 2023)
    row = {
        "iso3": "AAA",
        "economy": "A",
        "year": 2000,
        "income_group": "high",
        "gdp_pc_ppp": 1e4,
        "population": 1e6,
        "gini": 0.3,
    }
    schema.validate(pd.DataFrame([row]))
    for bad in ({"iso3": "ABC"}, {"year": 1989}, {"income_group": "rich"}):
        with pytest.raises(pandera.errors.SchemaError):
            schema.validate(pd.DataFrame([{**row, **bad}]))
    with pytest.raises(pandera.errors.SchemaError):
        schema.validate(pd.DataFrame([row, row]))
