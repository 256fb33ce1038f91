"""Regional trade agreements in force by year, from the WTO RTA database export (Figure 1 of
National Board of Trade, 2015, "Number of regional trade agreements in force, 1958-2013").

Two counting conventions, both used by the WTO:

- ``agreements`` ("physical RTAs"): one count per agreement, goods and services parts and
  accessions counted together. An agreement is in force at the end of year t if its earliest
  entry into force (goods or services) is on or before 31 December t and it was not
  inactive by then. Accession rows (e.g. EU enlargements) are part of their base agreement
  and are not counted again.
- ``notifications``: the goods part (GATT Art. XXIV / Enabling Clause) and the services part
  (GATS Art. V) of an agreement, and each accession, count separately, as in the WTO's own
  charts of "notifications of RTAs in force".

Both count only RTAs notified to the WTO.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa

COLUMNS = {
    "RTA ID": "rta_id",
    "RTA Name": "name",
    "Coverage": "coverage",
    "Status": "status",
    "Accession?": "accession",
    "Date of Entry into Force (G)": "goods_in_force",
    "Date of Entry into Force (S)": "services_in_force",
    "Inactive Date": "inactive",
}

ACTIVE_STATUSES = ("In Force", "In force for at least one Party")
# RTAs notified to the WTO. "Early announcement" rows (signed or under negotiation, not yet
# notified) are not counted even where the export gives an entry-into-force date (e.g. the
# Cross-Straits ECFA, never notified), as in the WTO's own counts.
NOTIFIED_STATUSES = (*ACTIVE_STATUSES, "Inactive")

RTAS = pa.DataFrameSchema(
    {
        "rta_id": pa.Column(int, unique=True),
        "name": pa.Column(str),
        "coverage": pa.Column(str, nullable=True),
        "status": pa.Column(str),
        "accession": pa.Column(bool),
        "goods_in_force": pa.Column("datetime64[ns]", nullable=True),
        "services_in_force": pa.Column("datetime64[ns]", nullable=True),
        "inactive": pa.Column("datetime64[ns]", nullable=True),
    },
    checks=[
        pa.Check(
            lambda df: (df["status"] != "Inactive") | df["inactive"].notna(),
            error="an inactive RTA has an inactive date",
        ),
        pa.Check(
            lambda df: ~df["status"].isin(ACTIVE_STATUSES) | df["inactive"].isna(),
            error="an RTA in force has no inactive date",
        ),
        pa.Check(
            lambda df: (
                ~df["status"].isin(ACTIVE_STATUSES)
                | df[["goods_in_force", "services_in_force"]].notna().any(axis=1)
            ),
            error="an RTA in force has an entry-into-force date",
        ),
        pa.Check(
            lambda df: (
                df["inactive"].isna()
                | (df["inactive"] >= df[["goods_in_force", "services_in_force"]].min(axis=1))
            ),
            error="inactive no earlier than entry into force",
        ),
    ],
    strict=True,
    name="wto_rta_export",
)


def tidy_rtas(export: pd.DataFrame) -> pd.DataFrame:
    """The columns of the WTO "All RTAs" export that the counts need, typed and validated."""
    missing = sorted(set(COLUMNS) - set(export.columns))
    if missing:
        raise ValueError(f"WTO RTA export lacks columns {missing}")
    frame = export[list(COLUMNS)].rename(columns=COLUMNS).copy()
    frame["accession"] = frame["accession"].map({"Yes": True, "No": False})
    if frame["accession"].isna().any():
        raise ValueError("WTO RTA export: 'Accession?' must be Yes or No")
    frame["accession"] = frame["accession"].astype(bool)
    for col in ("goods_in_force", "services_in_force", "inactive"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
    frame["coverage"] = frame["coverage"].astype("object").where(frame["coverage"].notna(), None)
    frame["rta_id"] = frame["rta_id"].astype(int)
    return RTAS.validate(frame, lazy=True)


def _in_force_at(start: pd.Series, inactive: pd.Series, ends: np.ndarray) -> np.ndarray:
    """Count of rows in force at each date in ``ends`` (entered by it, not inactive by it)."""
    start_ = start.to_numpy(dtype="datetime64[ns]")[None, :]
    inactive_ = inactive.to_numpy(dtype="datetime64[ns]")[None, :]
    at = ends[:, None]
    entered = ~np.isnat(start_) & (start_ <= at)
    active = np.isnat(inactive_) | (inactive_ > at)
    return (entered & active).sum(axis=1)


def rtas_in_force(
    rtas: pd.DataFrame, first_year: int, last_year: int, include_inactive: bool = True
) -> pd.DataFrame:
    """Number of RTAs in force at the end of each year, under both conventions.

    Only RTAs notified to the WTO count (see ``NOTIFIED_STATUSES``). ``include_inactive``:
    agreements no longer in force count in the years they were (the database's history);
    without, only agreements active in the export's vintage count (what the current list
    alone gives). Returns a long frame: year, convention, count (one row per year and
    convention).
    """
    if first_year > last_year:
        raise ValueError("first_year must not exceed last_year")
    statuses = NOTIFIED_STATUSES if include_inactive else ACTIVE_STATUSES
    rtas = rtas[rtas["status"].isin(statuses)]
    base = rtas[~rtas["accession"]]
    start = base[["goods_in_force", "services_in_force"]].min(axis=1)
    years = np.arange(first_year, last_year + 1)
    ends = np.array([f"{y}-12-31" for y in years], dtype="datetime64[ns]")
    agreements = _in_force_at(start, base["inactive"], ends)
    notifications = _in_force_at(rtas["goods_in_force"], rtas["inactive"], ends) + _in_force_at(
        rtas["services_in_force"], rtas["inactive"], ends
    )
    frame = pd.DataFrame(
        {"year": years, "agreements": agreements, "notifications": notifications}
    ).melt(id_vars="year", var_name="convention", value_name="count")
    return frame.sort_values(["year", "convention"], ignore_index=True).astype(
        {"year": int, "count": int}
    )


def latest_entry_into_force(rtas: pd.DataFrame) -> pd.Timestamp:
    """The latest entry-into-force date in the export (its effective vintage)."""
    return rtas[["goods_in_force", "services_in_force"]].max().max()


def count_in(series: pd.DataFrame, year: int, convention: str) -> int:
    """One count from :func:`rtas_in_force`'s output."""
    row = series[(series["year"] == year) & (series["convention"] == convention)]
    if len(row) != 1:
        raise KeyError(f"no count for {convention} in {year}")
    return int(row["count"].iloc[0])
