"""CRM endowment of a dyad (chapter 8, Table 8.1 and Figure 8.9).

Table 8.1: "For each dyad, we take the maximum production value of critical raw minerals (in
constant 1998 USD) between exporter and importer. For regression analysis, we normalize by
annual world totals and take the log of the maximum global production share".

From BGS World Mineral Statistics (14 critical minerals, quantities by country-year) we
compute, for each mineral and year, each country's share of world production (one production
stage per mineral, config ``crm_endowment.minerals``). A country's CRM share combines the
mineral shares with weights (config ``crm_endowment.weighting``): ``equal`` (the mean share
across minerals) or ``max`` (its largest share in any mineral). Value weights in constant 1998
USD need a unit-value series per mineral (USGS Historical Statistics), which is not available
offline; the report documents this substitution.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args

import numpy as np
import pandas as pd

from gvcneg.data.source_schemas import check_source_frame
from gvcneg.empirics.gvcdr2025_ch8.covariates import CovariateSourceError
from gvcneg.empirics.gvcdr2025_ch8.iso import harmonise_iso3

SOURCE = "bgs-mineral-production"
# How the minerals combine into one country share: their mean, or the largest.
Weighting = Literal["equal", "max"]
WEIGHTINGS = get_args(Weighting)


def read_bgs_production(path, table: str, mineral: str) -> pd.DataFrame:
    """iso3, year, mineral, quantity for one BGS production table (e.g. mine production)."""
    cols = ["country_iso3_code", "year", "quantity", "yearbook_table_trans"]
    frame = check_source_frame(pd.read_csv(path, usecols=lambda c: c in cols), SOURCE, path=path)
    if any(c not in frame.columns for c in cols):
        raise CovariateSourceError(
            f"source {SOURCE}: file {Path(path).name}: expected columns {cols}"
        )
    frame = frame[frame["yearbook_table_trans"] == table]
    if frame.empty:
        found = sorted(
            pd.read_csv(path, usecols=["yearbook_table_trans"])["yearbook_table_trans"].unique()
        )
        raise CovariateSourceError(
            f"source {SOURCE}: file {Path(path).name}: no rows of table {table!r}; tables: {found}"
        )
    out = pd.DataFrame(
        {
            "iso3": harmonise_iso3(frame["country_iso3_code"].astype(str)),
            "year": pd.to_datetime(frame["year"]).dt.year,
            "mineral": mineral,
            "quantity": pd.to_numeric(frame["quantity"], errors="coerce"),
        }
    )
    out = out[out["iso3"].str.fullmatch(r"[A-Z]{3}")].dropna(subset=["quantity"])
    return out.groupby(["iso3", "year", "mineral"], as_index=False)["quantity"].sum()


def world_shares(production: pd.DataFrame) -> pd.DataFrame:
    """Each country's share of world production per mineral-year."""
    production = production.copy()
    world = production.groupby(["mineral", "year"])["quantity"].transform("sum")
    production["share"] = np.where(world > 0, production["quantity"] / world, 0.0)
    return production


def country_crm_share(shares: pd.DataFrame, weighting: Weighting = "equal") -> pd.DataFrame:
    """iso3, year, crm_share: minerals combined (equal weights over the minerals or max)."""
    if weighting not in WEIGHTINGS:
        raise ValueError(f"crm weighting {weighting!r} not in {WEIGHTINGS}")
    wide = shares.pivot_table(
        index=["iso3", "year"], columns="mineral", values="share", fill_value=0.0
    )
    n_minerals = shares["mineral"].nunique()
    combined = wide.sum(axis=1) / n_minerals if weighting == "equal" else wide.max(axis=1)
    return combined.rename("crm_share").reset_index()


def dyad_crm_endowment(pairs: pd.DataFrame, country: pd.DataFrame, floor: float) -> pd.DataFrame:
    """crm_max_share (max of the two partners, 0 for non-producers) and its log (floored)."""
    values = country.set_index(["iso3", "year"])["crm_share"]

    def lookup(column):
        index = pd.MultiIndex.from_arrays([pairs[column], pairs["year"]])
        return values.reindex(index).fillna(0.0).to_numpy()

    top = np.maximum(lookup("exporter"), lookup("importer"))
    return pd.DataFrame(
        {"crm_max_share": top, "log_crm_max_share": np.log(np.maximum(top, floor))},
        index=pairs.index,
    )
