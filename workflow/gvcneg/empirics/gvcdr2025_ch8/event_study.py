"""Trade around TTD signing: the raw profile of Figure 8.10 and its event-study version.

Figure 8.10 plots bilateral trade of signing dyads by year relative to TTD signature (Panel A
digitally deliverable services, Panel B critical raw minerals). The text warns that pre-trends
and secular growth drive part of the profile and that only a gravity regression with fixed
effects identifies the TTD effect. The event-study version replaces the single TTD dummy of
Tables 8.3/8.A.5 by event-time dummies (leads and lags, end points binned, year -1 the
reference).

Design (ours; the chapter's event study is not specified beyond "exploit the staggered timing"):
the PPML includes dyad fixed effects (plus exporter-year and importer-year effects by default),
so leads and lags compare each signing dyad with itself before signing, net of the never- and
not-yet-signing dyads' changes. With only exporter, importer and year effects (the
specification of Tables 8.3/8.A.5) the event dummies also absorb the level difference between
signing and never-signing dyads, which gives flat but non-zero "pre-trends" and a jump at
signing that no TTD caused (tests/empirics/gvcdr2025_ch8/test_event_study.py shows it).

A staggered-adoption check that is robust to effects varying by signing cohort: Gardner's
two-stage DiD (:func:`fit_did2s_event_study`) on log(1 + trade): dyad and year effects are estimated on
untreated dyad-years only, then the residualised outcome is regressed on event-time dummies.
It is linear in log(1 + trade), so it checks sign and timing, not the PPML magnitude.
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


def add_interacted_effects(panel: pd.DataFrame, fixed_effects) -> pd.DataFrame:
    """Columns for fixed effects named ``<a>_<b>`` (e.g. ``exporter_year``) as a x b codes."""
    out = panel
    for name in fixed_effects:
        if name in panel.columns or "_" not in name:
            continue
        left, right = name.rsplit("_", 1)
        if left in panel.columns and right in panel.columns:
            if out is panel:
                out = panel.copy()
            out[name] = out[left].astype(str) + "|" + out[right].astype(str)
    return out


def fit_event_study(
    panel: pd.DataFrame,
    outcome: str,
    first_year: str,
    controls: list[str],
    leads: int,
    lags: int,
    fixed_effects=("dyad", "exporter_year", "importer_year"),
    cluster: str = "dyad",
) -> tuple[pd.DataFrame, PPMLResult]:
    """PPML with event-time dummies; returns (coefficient path incl. the reference 0, fit).

    ``fixed_effects`` may name interactions as ``exporter_year`` (built here)."""
    data, names = add_event_dummies(panel, first_year, leads, lags)
    data = add_interacted_effects(data, fixed_effects)
    result = fit_ppml(data, outcome, names + list(controls), tuple(fixed_effects), cluster)
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


def fit_did2s_event_study(
    panel: pd.DataFrame,
    outcome: str,
    first_year: str,
    leads: int,
    lags: int,
    unit: str = "dyad",
    cluster: str = "dyad",
) -> pd.DataFrame:
    """Gardner's two-stage event study on log(1 + outcome), written out with pyfixest ``feols``.

    First stage: unit and year effects on untreated dyad-years only (never-signing dyads and
    signing dyads before signing); second stage: the outcome net of those effects on
    event-time dummies (end points binned, reference: untreated dyad-years). pyfixest's own
    ``did2s`` builds a dense dummy matrix of all units for its GMM variance (about 24 GB at the
    chapter's 40,000 dyads), so the second-stage errors here are clustered by ``cluster`` and
    ignore the first-stage estimation error (slightly too small; the point estimates are
    Gardner's). Units signing before the window have no untreated year and are dropped.
    Returns event_time, coef, se, ci_low, ci_high, pvalue."""
    import pyfixest as pf

    columns = list(dict.fromkeys([unit, "year", first_year, outcome, cluster]))
    data = panel[columns].dropna(subset=[outcome]).copy()
    data["_y"] = np.log1p(data[outcome].astype(float))
    untreated = data[first_year].isna() | (data["year"] < data[first_year])
    first = pf.feols(f"_y ~ 1 | {unit} + year", data=data[untreated], vcov="iid")
    effects = first.fixef()
    unit_fe = pd.Series(effects[f"C({unit})"])
    year_fe = pd.Series(effects["C(year)"])
    unit_fe.index = unit_fe.index.astype(str)
    year_fe.index = year_fe.index.astype(str)
    intercept = float(first.coef().get("Intercept", 0.0))
    data["_fe_unit"] = data[unit].astype(str).map(unit_fe)
    data["_fe_year"] = data["year"].astype(str).map(year_fe)
    data = data.dropna(subset=["_fe_unit", "_fe_year"])
    data["_resid"] = data["_y"] - intercept - data["_fe_unit"] - data["_fe_year"]
    k = event_time(data, first_year).clip(lower=-leads, upper=lags)
    names = []
    for value in range(-leads, lags + 1):
        name = event_time_label(value)
        data[name] = (k == value).astype(float)
        names.append(name)
    cluster_col = "_cluster"
    data[cluster_col] = pd.factorize(data[cluster])[0]
    second = pf.feols(f"_resid ~ {' + '.join(names)} - 1", data=data, vcov={"CRV1": cluster_col})
    tidy = second.tidy()
    path = pd.DataFrame(
        {
            "event_time": [
                -int(t[5:]) if t.startswith("evt_m") else int(t[5:]) for t in tidy.index
            ],
            "coef": tidy["Estimate"].to_numpy(),
            "se": tidy["Std. Error"].to_numpy(),
            "pvalue": tidy["Pr(>|t|)"].to_numpy(),
        }
    )
    path["ci_low"] = path["coef"] - 1.959963984540054 * path["se"]
    path["ci_high"] = path["coef"] + 1.959963984540054 * path["se"]
    columns = ["event_time", "coef", "se", "ci_low", "ci_high", "pvalue"]
    return path[columns].sort_values("event_time").reset_index(drop=True)
