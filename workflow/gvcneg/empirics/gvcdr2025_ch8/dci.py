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

Coverage (``coverage_neutral``, default true): the components end in different years in the
offline WDI vintage (secure servers 2015, internet 2023, mobile 2024 with carry-forward), so a
penalty of k/3 shrinks every country's index after 2015 and the dyadic gaps with it: any dyads
observed late (as TTD signatories, mostly after 2019) then look "more symmetric" with no real
difference (the placebo of :func:`placebo_gap_difference` shows it). The coverage-neutral index
penalises relative to the components that exist in that year anywhere (k / K_t) and
re-standardises the index across countries each year (mean 0, sd 1, Table 8.1's "0-centered"),
so a change in coverage cannot create a trend in levels or gaps. Our inference of the
document's version: the footnote's "penalized version ... adjusts for missing components"
reads as mean z-score x k/3 on the then-current WDI vintage, whose re-based secure-servers
series runs to the 2020s (registry entry wdi-secure-servers-current); with that vintage the
k/3 penalty would bind far less than on ours. ``coverage_neutral: false`` is that version.
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
    components: pd.DataFrame,
    penalty: str = "share_available",
    min_components: int = 1,
    coverage_neutral: bool = True,
) -> pd.DataFrame:
    """iso3, year, the three z-scores, n_components, dci and dci_penalised.

    ``components`` has iso3, year and the columns of :data:`COMPONENTS` (NaN = missing).
    ``coverage_neutral``: penalise by the share of the components existing in the year and
    re-standardise both indices by year (see the module docstring).
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
    existing = z.notna().groupby(frame["year"]).transform("any").sum(axis=1)
    possible = existing if coverage_neutral else len(COMPONENTS)
    if penalty == "share_available":
        frame["dci_penalised"] = frame["dci"] * frame["n_components"] / possible
    else:
        # A component that exists nowhere in the year has no minimum and stays missing.
        filled = z.fillna(frame.groupby("year")[zcols].transform("min"))
        frame["dci_penalised"] = filled.mean(axis=1).where(enough)
    if coverage_neutral:
        for column in ("dci", "dci_penalised"):
            frame[column] = zscore_by_year(frame, column)
    return frame


def placebo_gap_difference(
    index: pd.DataFrame,
    economies: list[str],
    new_pairs_by_year: dict[int, int],
    window: tuple[int, int],
    rng: np.random.Generator,
    column: str = "dci_penalised",
) -> dict:
    """Figure 8.8 under random signings: mean DCI gap and mean level of randomly drawn pairs
    in their draw year minus the same for never-drawn pair-years in the window (pooled, as the
    figure compares them, and year-matched: minus never-drawn pairs of the same year).

    ``new_pairs_by_year``: how many unordered pairs "sign" in each year (the document's timing).
    With no real effect the differences should be zero; a non-zero mean over seeds is what the
    index's construction alone produces."""
    codes = np.asarray(sorted(set(economies) & set(index["iso3"])))
    n = len(codes)
    # The index as a code x year matrix (NaN where absent), so that each draw looks values up
    # by position instead of reindexing a (country, year) index with strings.
    years = np.arange(min(window[0], *new_pairs_by_year), max(window[1], *new_pairs_by_year) + 1)
    known = index[index["iso3"].isin(codes) & index["year"].isin(years)]
    table = np.full((n, len(years)), np.nan)
    table[np.searchsorted(codes, known["iso3"]), known["year"].to_numpy() - years[0]] = known[
        column
    ].to_numpy(dtype=float)
    upper = np.triu_indices(n, k=1)
    order = rng.permutation(len(upper[0]))
    signed, cursor = [], 0
    for year, count in sorted(new_pairs_by_year.items()):
        chosen = order[cursor : cursor + int(count)]
        cursor += int(count)
        signed.append((upper[0][chosen], upper[1][chosen], np.full(len(chosen), year)))
    treated = tuple(np.concatenate(parts) for parts in zip(*signed, strict=True))
    never_idx = order[cursor:]
    window_years = np.arange(window[0], window[1] + 1)
    never = (
        np.repeat(upper[0][never_idx], len(window_years)),
        np.repeat(upper[1][never_idx], len(window_years)),
        np.tile(window_years, len(never_idx)),
    )

    def gaps(pairs):
        a, b, year = pairs
        va, vb = table[a, year - years[0]], table[b, year - years[0]]
        frame = pd.DataFrame({"year": year, "gap": np.abs(va - vb), "mean": (va + vb) / 2})
        return frame.dropna(subset=["gap"])

    treated, never = gaps(treated), gaps(never)
    by_year = never.groupby("year")[["gap", "mean"]].mean()
    matched = treated[["gap", "mean"]].to_numpy() - by_year.reindex(treated["year"]).to_numpy()
    return {
        "gap_difference": float(treated["gap"].mean() - never["gap"].mean()),
        "mean_difference": float(treated["mean"].mean() - never["mean"].mean()),
        "gap_difference_year_matched": float(np.nanmean(matched[:, 0])),
        "mean_difference_year_matched": float(np.nanmean(matched[:, 1])),
    }


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
