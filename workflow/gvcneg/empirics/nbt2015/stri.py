"""Footnote 5 of National Board of Trade (2015): "The EU single market is not yet fully
integrated with respect to services. This is reflected in figure 2, where actual STRI levels
differ between EU member states." Tested on the OECD STRI (the index the document names for
Figure 2): the spread of the sector STRIs across the EU member states in the data."""

from __future__ import annotations

import pandas as pd

TOTAL = "STRI"  # the policy_area value of a sector's overall index
ALL_SECTORS = "ALLSEC"


def eu_dispersion(stri: pd.DataFrame, members, year: int, decimals: int = 3) -> pd.DataFrame:
    """Per sector, the overall STRI of the EU ``members`` covered in ``year``: number of
    members, min, max, range and whether the levels differ (range > 0 after rounding to
    ``decimals``, the precision the OECD publishes)."""
    data = stri[
        (stri["policy_area"] == TOTAL)
        & (stri["year"] == year)
        & stri["country"].isin(list(members))
        & (stri["sector"] != ALL_SECTORS)
    ]
    if data.empty:
        raise ValueError(f"no STRI values for the EU members in {year}")
    grouped = data.assign(score=data["score"].round(decimals)).groupby("sector")["score"]
    out = pd.DataFrame(
        {"members": grouped.size(), "min": grouped.min(), "max": grouped.max()}
    ).reset_index()
    out["range"] = out["max"] - out["min"]
    out["differ"] = out["range"] > 0
    return out


def share_of_sectors_differing(dispersion: pd.DataFrame) -> float:
    """Share of sectors in which the EU members' STRI levels are not all equal."""
    return float(dispersion["differ"].mean())
