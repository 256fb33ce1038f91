"""pandera schemas: ISO3, years, shares/Gini ranges and unit checks, key uniqueness."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pytest

from gvcneg.data.schemas import country_year_schema, gini_column, share_column, validate


def panel(**columns):
    base = {"iso3": ["SWE", "SWE", "NOR"], "year": [2000, 2001, 2000]}
    return pd.DataFrame({**base, **columns})


SCHEMA = country_year_schema(
    {"gini": gini_column("fraction"), "gvc_backward": share_column("percent")}, 1990, 2023
)


def test_valid_panel_passes():
    frame = panel(gini=[0.25, 0.26, 0.27], gvc_backward=[30.0, 31.0, 20.0])
    assert validate(frame, SCHEMA).shape == (3, 4)


@pytest.mark.parametrize(
    "bad",
    [
        {"iso3": ["SWE", "SWE", "XXX"]},
        {"iso3": ["SWE", "SWE", "SWE"], "year": [2000, 2001, 2001]},  # duplicate key
        {"year": [1989, 2001, 2000]},
        {"gini": [0.25, 26.0, 0.27]},  # a Gini on the 0-100 scale in a 0-1 column
    ],
)
def test_violations_fail(bad):
    frame = panel(gini=[0.25, 0.26, 0.27], gvc_backward=[30.0, 31.0, 20.0])
    for key, values in bad.items():
        frame[key] = values
    with pytest.raises(pa.errors.SchemaErrors):
        validate(frame, SCHEMA)


def test_fractions_in_a_percent_column_are_a_unit_error():
    schema = country_year_schema({"share": share_column("percent")}, 1990, 2030)
    frame = pd.DataFrame(
        {
            "iso3": ["SWE"] * 12,
            "year": range(2000, 2012),
            "share": [0.3 + 0.01 * i for i in range(12)],
        }
    )
    with pytest.raises(pa.errors.SchemaErrors, match="fractions given as percent"):
        validate(frame, schema)
    frame["share"] = frame["share"] * 100
    validate(frame, schema)


def test_unknown_columns_are_rejected():
    frame = panel(gini=[0.2, 0.2, 0.2], gvc_backward=[10.0, 20.0, 30.0], extra=[1, 2, 3])
    with pytest.raises(pa.errors.SchemaErrors):
        validate(frame, SCHEMA)
