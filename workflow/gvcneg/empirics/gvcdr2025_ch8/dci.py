"""The Digital infrastructure Capability Index (DCI) of chapter 8, footnote 13.

"DCI aggregates three WDI indicators - internet users per 100 people, mobile cellular
subscriptions and secure internet servers per million people - into a standardized
country-year index. Indicators are z-normalized by year to ensure comparability. A penalized
version (weighted DCI) adjusts for missing components to reflect real-world infrastructure
gaps." Table 8.1: "Composite index (0-centered) based on standardized values".

``dci`` is the mean of the available z-scores. The penalised version is a choice (config
``dci.penalty``): ``share_available`` multiplies the DCI by the share of components observed
(k/3), so a country-year scored on fewer components is pulled towards the world mean of zero;
``year_minimum`` fills a missing component with that year's lowest z-score before averaging.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

COMPONENTS = ("internet_users", "mobile_subscriptions", "secure_servers")
PENALTIES = ("share_available", "year_minimum")


def zscore_by_year(frame: pd.DataFrame, column: str) -> pd.Series:
    grouped = frame.groupby("year")[column]
    return (frame[column] - grouped.transform("mean")) / grouped.transform("std", ddof=0)


def digital_capability_index(
    components: pd.DataFrame, penalty: str = "share_available", min_components: int = 1
) -> pd.DataFrame:
    """iso3, year, the three z-scores, n_components, dci and dci_penalised.

    ``components`` has iso3, year and the columns of :data:`COMPONENTS` (NaN = missing).
    """
    if penalty not in PENALTIES:
        raise ValueError(f"dci penalty {penalty!r} not in {PENALTIES}")
    frame = components[["iso3", "year", *COMPONENTS]].copy()
    zcols = [f"z_{c}" for c in COMPONENTS]
    for column, zcol in zip(COMPONENTS, zcols, strict=True):
        frame[zcol] = zscore_by_year(frame, column)
    z = frame[zcols]
    frame["n_components"] = z.notna().sum(axis=1)
    enough = frame["n_components"] >= min_components
    frame["dci"] = z.mean(axis=1).where(enough)
    if penalty == "share_available":
        frame["dci_penalised"] = frame["dci"] * frame["n_components"] / len(COMPONENTS)
    else:
        filled = z.fillna(frame.groupby("year")[zcols].transform("min"))
        frame["dci_penalised"] = filled.mean(axis=1).where(enough)
    return frame


def dyad_dci(
    pairs: pd.DataFrame, index: pd.DataFrame, column: str = "dci_penalised"
) -> pd.DataFrame:
    """Dyadic mean (average readiness) and absolute gap (asymmetry) of a country-year index."""
    values = index.set_index(["iso3", "year"])[column]
    exp = pd.Series(
        values.reindex(pd.MultiIndex.from_arrays([pairs["exporter"], pairs["year"]])).to_numpy(),
        index=pairs.index,
    )
    imp = pd.Series(
        values.reindex(pd.MultiIndex.from_arrays([pairs["importer"], pairs["year"]])).to_numpy(),
        index=pairs.index,
    )
    return pd.DataFrame({"dci_mean": (exp + imp) / 2.0, "dci_gap": np.abs(exp - imp)})
