"""What an estimate rests on: treated pairs, events and clusters beside each coefficient.

A coefficient on a treatment dummy is identified by the country pairs it switches on for and
the signings (events) among them; its clustered standard error by the number of clusters. A
t-ratio of 20 from five deals says little, so each chapter-8 coefficient carries these counts
and a row whose estimate rests on fewer than the configured minimum (``gvcdr2025_ch8.guards``)
is flagged, not judged (:func:`thin_support`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SUPPORT_COLUMNS = ["treated_pairs", "events", "clusters"]


def _is_dummy(values: pd.Series) -> bool:
    present = values.dropna()
    return len(present) > 0 and bool(present.isin((0, 1)).all())


def term_support(
    sample: pd.DataFrame, terms: list[str], cluster: str, event_year: str | None = None
) -> pd.DataFrame:
    """Per term: unordered pairs with the dummy on in ``sample`` (NaN for a continuous term),
    pairs whose switch-on year ``event_year`` lies inside the sample's years (treatment terms
    only; else NaN), and the clusters of ``sample``.

    ``sample`` holds the estimation sample's rows with a ``pair`` column (unordered country pair).
    """
    clusters = int(sample[cluster].nunique()) if len(sample) else 0
    years = sample["year"] if "year" in sample else pd.Series(dtype=float)
    rows = []
    for term in terms:
        values = sample[term]
        treated = np.nan
        events = np.nan
        if _is_dummy(values):
            on = sample.loc[values == 1, "pair"]
            treated = float(on.nunique())
            if event_year is not None and term.startswith("ttd_") and len(years):
                starts = sample.loc[values == 1].groupby("pair")[event_year].min()
                events = float(starts.between(years.min(), years.max()).sum())
        rows.append(
            {"term": term, "treated_pairs": treated, "events": events, "clusters": clusters}
        )
    return pd.DataFrame(rows, columns=["term", *SUPPORT_COLUMNS])


def thin_support(row: pd.Series, minimum: dict) -> str | None:
    """The ledger status text of a coefficient below a stated minimum, else None."""
    short = [
        f"{int(row[column])} {column.replace('_', ' ')} (minimum {minimum[f'min_{column}']})"
        for column in SUPPORT_COLUMNS
        if column in row
        and pd.notna(row[column])
        and f"min_{column}" in minimum
        and row[column] < minimum[f"min_{column}"]
    ]
    return f"flagged: rests on {', '.join(short)}" if short else None
