"""Trade around TTD signing: the raw profile of Figure 8.10 and its event-study version.

Figure 8.10 plots bilateral trade of signing dyads by year relative to TTD signature (Panel A
digitally deliverable services, Panel B critical raw minerals). The text warns that pre-trends
and secular growth drive part of the profile and that only a gravity regression with fixed
effects identifies the TTD effect. The event-study version replaces the single TTD dummy of
Tables 8.3/8.A.5 by event-time dummies (leads and lags, end points binned, year -1 the
reference) in the same PPML with exporter, importer and year effects and dyad-clustered errors.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from gvcneg.empirics.gvcdr2025_ch8.ppml import PPMLResult, fit_ppml


def event_time(panel: pd.DataFrame, first_year: str, year: str = "year") -> pd.Series:
    """Years since first TTD signing (NaN for never-signing dyads)."""
    return panel[year] - panel[first_year]


def event_time_label(k: int) -> str:
    return f"evt_m{-k}" if k < 0 else f"evt_p{k}"


def add_event_dummies(
    panel: pd.DataFrame, first_year: str, leads: int, lags: int, reference: int = -1
) -> tuple[pd.DataFrame, list[str]]:
    """Binned event-time dummies: k < -leads pooled into -leads, k > lags into lags."""
    k = event_time(panel, first_year).clip(lower=-leads, upper=lags)
    out = panel.copy()
    names = []
    for value in range(-leads, lags + 1):
        if value == reference:
            continue
        name = event_time_label(value)
        out[name] = (k == value).astype(float)
        names.append(name)
    return out, names


def raw_event_profile(
    panel: pd.DataFrame, outcome: str, first_year: str, window: tuple[int, int]
) -> pd.DataFrame:
    """Mean trade of signing dyads by event time (the descriptive Figure 8.10)."""
    k = event_time(panel, first_year)
    inside = k.between(window[0], window[1])
    data = pd.DataFrame({"event_time": k[inside].astype(int), "value": panel.loc[inside, outcome]})
    grouped = data.dropna().groupby("event_time")["value"]
    profile = grouped.agg(["mean", "median", "count"]).reset_index()
    return profile.rename(columns={"mean": "mean_trade", "median": "median_trade", "count": "n"})


def fit_event_study(
    panel: pd.DataFrame,
    outcome: str,
    first_year: str,
    controls: list[str],
    leads: int,
    lags: int,
    fixed_effects=("exporter", "importer", "year"),
    cluster: str = "dyad",
) -> tuple[pd.DataFrame, PPMLResult]:
    """PPML with event-time dummies; returns (coefficient path incl. the reference 0, fit)."""
    data, names = add_event_dummies(panel, first_year, leads, lags)
    result = fit_ppml(data, outcome, names + list(controls), fixed_effects, cluster)
    rows = result.table[result.table["term"].isin(names)].copy()
    rows["event_time"] = [
        -int(t[5:]) if t.startswith("evt_m") else int(t[5:]) for t in rows["term"]
    ]
    reference = pd.DataFrame(
        [{"term": "reference", "coef": 0.0, "se": 0.0, "pvalue": np.nan, "event_time": -1}]
    )
    path = pd.concat([rows, reference], ignore_index=True).sort_values("event_time")
    path["ci_low"] = path["coef"] - 1.959963984540054 * path["se"]
    path["ci_high"] = path["coef"] + 1.959963984540054 * path["se"]
    columns = ["event_time", "coef", "se", "ci_low", "ci_high", "pvalue"]
    return path[columns].reset_index(drop=True), result
