"""Income-group aggregations behind GVC Development Report 2025 Figures 7.4, 7.5, 7.6, 7.8 and
7.13 (section 7.2 and 7.4.1). Pure functions on the validated panels of ``panel``.

Groups are the fixed "2023 income status" of each economy (the classification in the panel).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7 import INCOME_GROUPS


def complete_economies(panel: pd.DataFrame, columns, first_year: int, last_year: int) -> list:
    """Economies with every ``columns`` non-missing in every year of [first_year, last_year]."""
    window = panel[panel["year"].between(first_year, last_year)]
    n_years = last_year - first_year + 1
    ok = window.dropna(subset=list(columns)).groupby("iso3")["year"].nunique()
    return sorted(ok[ok == n_years].index)


def restrict_sample(panel, columns, first_year: int, last_year: int, balanced: bool):
    """The panel in [first_year, last_year] with ``columns`` present; if ``balanced``, only
    economies observed in every year (a constant composition of each group)."""
    window = panel[panel["year"].between(first_year, last_year)].dropna(subset=list(columns))
    if balanced:
        window = window[
            window["iso3"].isin(complete_economies(panel, columns, first_year, last_year))
        ]
    return window


def weighted_group_mean(frame: pd.DataFrame, value: str, weight: str | None, by) -> pd.DataFrame:
    """Mean of ``value`` by ``by`` (weighted by ``weight`` if given), with the count ``n``."""
    data = frame.dropna(subset=[value] + ([weight] if weight else []))
    if weight is None:
        out = data.groupby(list(by))[value].agg(["mean", "size"])
    else:
        w = data[weight]
        num = (data[value] * w).groupby([data[b] for b in by]).sum()
        den = w.groupby([data[b] for b in by]).sum()
        out = pd.DataFrame({"mean": num / den, "size": data.groupby(list(by)).size()})
    return out.rename(columns={"mean": value, "size": "n"}).reset_index()


def income_ratio_to_high_income(
    panel: pd.DataFrame, first_year: int, last_year: int, balanced: bool = True
) -> pd.DataFrame:
    """Figure 7.4: population-weighted GDP per capita (PPP) of each income group and its ratio
    to the high-income group's, by year.

    Group GDP per capita = sum(pop * gdp_pc) / sum(pop) over the group's economies.
    Columns: year, income_group, gdp_pc_ppp, n, ratio_to_high_income.
    """
    sample = restrict_sample(panel, ["gdp_pc_ppp", "population"], first_year, last_year, balanced)
    groups = weighted_group_mean(sample, "gdp_pc_ppp", "population", ["year", "income_group"])
    high = groups[groups["income_group"] == "high"].set_index("year")["gdp_pc_ppp"]
    groups["ratio_to_high_income"] = groups["gdp_pc_ppp"] / groups["year"].map(high)
    order = pd.Categorical(groups["income_group"], categories=INCOME_GROUPS, ordered=True)
    return (
        groups.assign(income_group=order)
        .sort_values(["income_group", "year"])
        .assign(income_group=lambda f: f["income_group"].astype(str))[
            ["year", "income_group", "gdp_pc_ppp", "n", "ratio_to_high_income"]
        ]
        .reset_index(drop=True)
    )


def change_between(
    frame: pd.DataFrame, value: str, by, start: int, end: int, how: str = "ratio"
) -> pd.DataFrame:
    """``value`` in ``end`` relative to ``start`` within each ``by`` group (ratio or difference)."""
    by = [by] if isinstance(by, str) else list(by)
    wide = frame[frame["year"].isin([start, end])].pivot_table(
        index=by, columns="year", values=value, aggfunc="first"
    )
    if how == "ratio":
        change = wide[end] / wide[start]
    elif how == "difference":
        change = wide[end] - wide[start]
    else:
        raise ValueError(f"how must be 'ratio' or 'difference', not {how!r}")
    out = wide.rename(columns={start: f"{value}_{start}", end: f"{value}_{end}"})
    out["change"] = change
    return out.reset_index()


def start_end_values(panel: pd.DataFrame, value: str, start: int, end: int) -> pd.DataFrame:
    """Economies with ``value`` in both ``start`` and ``end`` (Figures 7.5, 7.13): columns iso3,
    economy, income_group, high_income, start, end, above_45_degree (end > start)."""
    wide = panel[panel["year"].isin([start, end])].pivot_table(
        index=["iso3", "economy", "income_group"], columns="year", values=value, aggfunc="first"
    )
    wide = wide.dropna(subset=[start, end]).reset_index()
    out = pd.DataFrame(
        {
            "iso3": wide["iso3"],
            "economy": wide["economy"],
            "income_group": wide["income_group"],
            "high_income": wide["income_group"] == "high",
            "start": wide[start].astype(float),
            "end": wide[end].astype(float),
        }
    )
    out["above_45_degree"] = out["end"] > out["start"]
    out["below_45_degree"] = out["end"] < out["start"]
    return out.sort_values("iso3").reset_index(drop=True)


def shares_above_line(points: pd.DataFrame, by: str) -> pd.DataFrame:
    """Counts and shares of points above and below the 45-degree line by ``by``."""
    grouped = points.groupby(by)
    out = pd.DataFrame(
        {
            "n": grouped.size(),
            "n_above": grouped["above_45_degree"].sum(),
            "n_below": grouped["below_45_degree"].sum(),
        }
    )
    out["share_above"] = out["n_above"] / out["n"]
    out["share_below"] = out["n_below"] / out["n"]
    return out.reset_index()


def gini_by_income_group(
    panel: pd.DataFrame, first_year: int, last_year: int, balanced: bool = True
) -> pd.DataFrame:
    """Figure 7.6: mean Gini by income group and year, unweighted and population-weighted.

    Columns: year, income_group, weighting ('unweighted' | 'population'), gini, n.
    """
    sample = restrict_sample(panel, ["gini", "population"], first_year, last_year, balanced)
    frames = []
    for weighting, weight in (("unweighted", None), ("population", "population")):
        means = weighted_group_mean(sample, "gini", weight, ["year", "income_group"])
        frames.append(means.assign(weighting=weighting))
    out = pd.concat(frames, ignore_index=True)
    return (
        out[["year", "income_group", "weighting", "gini", "n"]]
        .sort_values(["weighting", "income_group", "year"])
        .reset_index(drop=True)
    )


def relative_to_lead_economy(
    panel: pd.DataFrame, start: int, end: int, lead_min_population: float | None = None
) -> pd.DataFrame:
    """Figure 7.8: GDP per capita relative to the lead economy (the richest economy with data in
    that year) in ``start`` and ``end``, for economies with data in both years.

    ``lead_min_population``: if given, the lead is the richest economy with at least that many
    people (the document's "highest GDP per capita" does not say whether micro-states count).

    Columns: iso3, economy, income_group, start, end, above_45_degree, below_45_degree,
    lead_start, lead_end (the lead economies' ISO3 codes).
    """
    rows = {}
    for year in (start, end):
        year_data = panel[(panel["year"] == year)].dropna(subset=["gdp_pc_ppp"])
        if year_data.empty:
            raise ValueError(f"no GDP per capita data in {year}")
        candidates = year_data
        if lead_min_population is not None:
            candidates = year_data[year_data["population"] >= lead_min_population]
        lead = candidates.loc[candidates["gdp_pc_ppp"].idxmax()]
        rel = year_data.set_index("iso3")["gdp_pc_ppp"] / lead["gdp_pc_ppp"]
        rows[year] = (rel, lead["iso3"])
    both = rows[start][0].to_frame("start").join(rows[end][0].to_frame("end"), how="inner")
    meta = panel.drop_duplicates("iso3").set_index("iso3")[["economy", "income_group"]]
    out = both.join(meta).reset_index()
    out["above_45_degree"] = out["end"] > out["start"]
    out["below_45_degree"] = out["end"] < out["start"]
    out["lead_start"] = rows[start][1]
    out["lead_end"] = rows[end][1]
    columns = ["iso3", "economy", "income_group", "start", "end", "above_45_degree"]
    columns += ["below_45_degree", "lead_start", "lead_end"]
    return out[columns].sort_values("iso3").reset_index(drop=True)


def catch_up_summary(relative: pd.DataFrame) -> pd.DataFrame:
    """Per income group: count/share above the line, median relative income in both years and
    the median log change of relative income (Figure 7.8's panels)."""
    grouped = relative.assign(
        log_change=np.log(relative["end"]) - np.log(relative["start"])
    ).groupby("income_group")
    out = pd.DataFrame(
        {
            "n": grouped.size(),
            "n_above": grouped["above_45_degree"].sum(),
            "median_start": grouped["start"].median(),
            "median_end": grouped["end"].median(),
            "median_log_change": grouped["log_change"].median(),
        }
    )
    out["share_above"] = out["n_above"] / out["n"]
    return out.reindex([g for g in INCOME_GROUPS if g in out.index]).reset_index()


def weighted_gini(values, weights) -> float:
    """Gini of ``values`` across units weighted by ``weights`` (e.g. GDP per capita across
    economies weighted by population: between-economy inequality among people).

    Mean absolute difference over all pairs of people / (2 x mean), computed from the
    weighted Lorenz curve of the sorted values."""
    x = np.asarray(values, dtype=float)
    w = np.asarray(weights, dtype=float)
    order = np.argsort(x)
    x, w = x[order], w[order]
    p = w / w.sum()
    share = p * x / np.sum(p * x)
    lorenz_right = np.cumsum(share)
    lorenz_left = lorenz_right - share
    return float(1.0 - np.sum(p * (lorenz_right + lorenz_left)))


def between_economy_gini(
    panel: pd.DataFrame, years, balanced: bool = True, exclude=()
) -> dict[int, float]:
    """Population-weighted Gini of GDP per capita across economies in each of ``years``;
    ``balanced``: only economies with GDP and population in all of them; ``exclude``: ISO3
    codes left out (e.g. the most populous economies)."""
    data = panel[panel["year"].isin(list(years)) & ~panel["iso3"].isin(list(exclude))]
    data = data.dropna(subset=["gdp_pc_ppp", "population"])
    if balanced:
        counts = data.groupby("iso3")["year"].nunique()
        data = data[data["iso3"].isin(counts[counts == len(set(years))].index)]
    return {
        int(year): weighted_gini(group["gdp_pc_ppp"], group["population"])
        for year, group in data.groupby("year")
    }
