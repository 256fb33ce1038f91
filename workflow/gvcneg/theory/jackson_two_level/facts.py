"""The commentary's facts: read and validate the sourced facts file, derive illustrative numbers.

The facts are used only as labelled illustration of the two-level game (Japan as the reluctant
liberalizer, the United States as the demandeur); the model's parameters do not depend on them.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import yaml

FACTS_FILE = Path(__file__).with_name("commentary_facts.yaml")

FACTS_SCHEMA = pa.DataFrameSchema(
    {
        "id": pa.Column(str, unique=True),
        "description": pa.Column(str),
        "value": pa.Column(float, pa.Check.ge(0)),
        "unit": pa.Column(str, pa.Check.isin(["billion US$", "percent", "units"])),
        "year": pa.Column(float, nullable=True),
        "location": pa.Column(str),
        "quote": pa.Column(str, pa.Check.str_length(min_value=10)),
    },
    strict=True,
    coerce=True,
)


class CommentaryFactsError(ValueError):
    """The facts file is missing, malformed or lacks a fact the pipeline needs."""


def load_commentary_facts(path=FACTS_FILE) -> pd.DataFrame:
    """The facts as a validated frame (one row per fact), in file order."""
    path = Path(path)
    if not path.exists():
        raise CommentaryFactsError(
            f"facts file {path} not found; it is part of the repository "
            "(workflow/gvcneg/theory/jackson_two_level/commentary_facts.yaml) - restore it from git"
        )
    data = yaml.safe_load(path.read_text()) or {}
    if "facts" not in data or not data["facts"]:
        raise CommentaryFactsError(f"{path}: no 'facts' list")
    frame = pd.DataFrame(data["facts"])
    if "year" not in frame:
        frame["year"] = float("nan")
    missing = sorted(set(FACTS_SCHEMA.columns) - set(frame.columns))
    if missing:
        raise CommentaryFactsError(f"{path}: facts lack the field(s) {missing}")
    try:
        return FACTS_SCHEMA.validate(frame)
    except pa.errors.SchemaError as err:
        raise CommentaryFactsError(f"{path}: {err}") from err


def fact_value(facts: pd.DataFrame, fact_id: str) -> float:
    match = facts.loc[facts["id"] == fact_id, "value"]
    if match.empty:
        raise CommentaryFactsError(f"fact {fact_id!r} missing from the commentary facts file")
    return float(match.iloc[0])


def table_commentary_facts(facts: pd.DataFrame) -> pd.DataFrame:
    """The sourced facts table of the report (value, unit, where the commentary says it)."""
    table = facts[["id", "description", "value", "unit", "location", "quote"]].copy()
    return table.rename(columns={"id": "fact"})


def derive_illustration(facts: pd.DataFrame) -> pd.DataFrame:
    """Numbers the pipeline derives from the facts (illustration only; not in the commentary)."""
    japan_us = fact_value(facts, "japan_to_us_auto_exports_2011")
    us_japan = fact_value(facts, "us_to_japan_auto_exports_2011")
    cars = fact_value(facts, "us_tariff_cars")
    trucks = fact_value(facts, "us_tariff_trucks")
    rows = [
        (
            "auto_trade_ratio_japan_us_2011",
            "Japan-to-US over US-to-Japan auto exports, 2011",
            japan_us / us_japan,
            "ratio",
        ),
        (
            "auto_trade_gap_japan_us_2011",
            "Japan-to-US minus US-to-Japan auto exports, 2011",
            japan_us - us_japan,
            "billion US$",
        ),
        (
            "us_truck_to_car_tariff_ratio",
            "U.S. truck tariff over U.S. car tariff",
            trucks / cars,
            "ratio",
        ),
    ]
    return pd.DataFrame(rows, columns=["quantity", "description", "value", "unit"])
