"""User-supplied bilateral trade flows of chapter 8 (not available offline).

Table 8.1: digital trade = exports of digitally deliverable services from the WTO-OECD BaTiS
database (registry source ``oecd-wto-batis``); CRM trade = bilateral trade in the HS6 codes of
the ADB-WTO Trade in Critical Raw Minerals Database (registry source ``baci-crm``). The user
supplies a tidy extract: one row per exporter, importer and year with the flow in US dollars.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

TRADE_SCHEMA = pa.DataFrameSchema(
    {
        "exporter": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{3}$")),
        "importer": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{3}$")),
        "year": pa.Column(int, pa.Check.in_range(1990, 2030), coerce=True),
        "value": pa.Column(float, pa.Check.ge(0), coerce=True),
    },
    unique=["exporter", "importer", "year"],
    checks=[pa.Check(lambda df: df["exporter"] != df["importer"], error="exporter == importer")],
    strict="filter",
    name="bilateral trade flows (exporter, importer, year, value in USD)",
)


class TradeDataError(ValueError):
    """A user-supplied trade file is missing or malformed."""


def load_trade_flows(path, source: str) -> pd.DataFrame:
    """Read and validate a tidy bilateral flow file (CSV): exporter, importer, year, value."""
    path = Path(path)
    hint = (
        f"Supply a CSV with columns exporter, importer (ISO3), year, value (USD, >= 0), one row "
        f"per directed pair and year, and set config paths.user_data['{source}'] to it."
    )
    if not path.is_file():
        raise TradeDataError(f"source {source}: file {path} not found. {hint}")
    frame = pd.read_csv(path)
    try:
        return TRADE_SCHEMA.validate(frame, lazy=True).reset_index(drop=True)
    except pa.errors.SchemaErrors as err:
        summary = err.failure_cases[["column", "check"]].drop_duplicates().head(8)
        items = "; ".join(f"{c}: {k}" for c, k in summary.itertuples(index=False))
        raise TradeDataError(
            f"source {source}: file {path} does not validate ({items}). {hint}"
        ) from err


def attach_trade(panel: pd.DataFrame, flows: pd.DataFrame) -> pd.DataFrame:
    """Panel rows of the flow file's years with ``trade`` (missing pairs = zero flows)."""
    years = set(flows["year"])
    out = panel[panel["year"].isin(years)].merge(
        flows.rename(columns={"value": "trade"}), on=["exporter", "importer", "year"], how="left"
    )
    out["trade"] = out["trade"].fillna(0.0)
    return out
