"""The quantities chapter 7's prose states about Figures 7.4-7.15, computed from the pipeline's
own results (one function per figure). The published values live only in
``targets/gvcdr2025_ch7.yaml``; the ledger compares.

Quantity names: ``fig7_<n>_<what>``; income groups as in :data:`INCOME_GROUPS`. Booleans
("claim holds") are 1/0.
"""

from __future__ import annotations

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7 import INCOME_GROUPS
from gvcneg.empirics.gvcdr2025_ch7.aggregates import change_between
from gvcneg.ledger.claims import Claim, computed, not_reproducible

FIRM_DATA_REASON = (
    "not reproducible: data not public (confidential firm-level data for the People's Republic "
    "of China, 2000-2013, used by Ma et al. 2024); the estimator is implemented and checked on "
    "simulated data only"
)


def claims_fig_7_4(ratios: pd.DataFrame, start: int, end: int, note: str = "") -> list[Claim]:
    """Ratio (end/start) of each group's GDP-per-capita ratio to high income, and the levels."""
    changes = change_between(ratios, "ratio_to_high_income", "income_group", start, end)
    out = []
    for _, row in changes[changes["income_group"] != "high"].iterrows():
        group = row["income_group"]
        out.append(computed(f"fig7_4_ratio_change_{group}", row["change"], note))
        out.append(computed(f"fig7_4_ratio_{group}_{start}", row[f"ratio_to_high_income_{start}"]))
        out.append(computed(f"fig7_4_ratio_{group}_{end}", row[f"ratio_to_high_income_{end}"]))
    return out


def claims_fig_7_5(points: pd.DataFrame, note: str = "") -> list[Claim]:
    """Shares of high-income (other) economies above (below) the 45-degree line; 1990 medians."""
    high = points[points["high_income"]]
    other = points[~points["high_income"]]
    return [
        computed("fig7_5_share_high_income_above", high["above_45_degree"].mean(), note),
        computed("fig7_5_share_other_below", other["below_45_degree"].mean(), note),
        computed("fig7_5_share_other_above", other["above_45_degree"].mean(), note),
        computed("fig7_5_n_high_income", len(high)),
        computed("fig7_5_n_other", len(other)),
        computed(
            "fig7_5_median_start_gini_other_minus_high",
            other["start"].median() - high["start"].median(),
            note,
        ),
    ]


def claims_fig_7_6(
    gini_groups: pd.DataFrame, start: int, end: int, gfc_year: int, note: str = ""
) -> list[Claim]:
    """Gini changes by group: start-end (both weightings), start-GFC and GFC-end (unweighted),
    and whether high income has the largest unweighted start-end rise."""
    out = []
    unweighted_change = {}
    for weighting in ("unweighted", "population"):
        sub = gini_groups[gini_groups["weighting"] == weighting]
        periods = {"": (start, end)}
        if weighting == "unweighted":
            periods.update({"_to_gfc": (start, gfc_year), "_since_gfc": (gfc_year, end)})
        for suffix, (a, b) in periods.items():
            changes = change_between(sub, "gini", "income_group", a, b, how="difference")
            for _, row in changes.iterrows():
                group = row["income_group"]
                out.append(
                    computed(f"fig7_6_{weighting}_change{suffix}_{group}", row["change"], note)
                )
                if weighting == "unweighted" and suffix == "":
                    unweighted_change[group] = row["change"]
    largest = max(unweighted_change, key=unweighted_change.get)
    out.append(
        computed("fig7_6_high_income_largest_unweighted_rise", float(largest == "high"), note)
    )
    return out


def claims_fig_7_7(result: dict, note: str = "") -> list[Claim]:
    return [
        computed("fig7_7_slope", result["slope"], note),
        computed("fig7_7_slope_robust_se", result["slope_se"], note),
        computed("fig7_7_slope_p_value", result["slope_p"], note),
        computed("fig7_7_n", result["n"], note),
    ]


def claims_fig_7_8(summary: pd.DataFrame, note: str = "") -> list[Claim]:
    """Per group: count and share above the line, median relative income at the end; whether
    upper-middle income has the largest median log change of relative income."""
    out = []
    for _, row in summary.iterrows():
        group = row["income_group"]
        out.append(computed(f"fig7_8_n_above_{group}", row["n_above"], note))
        out.append(computed(f"fig7_8_n_{group}", row["n"]))
        out.append(computed(f"fig7_8_share_above_{group}", row["share_above"], note))
        out.append(computed(f"fig7_8_median_relative_end_{group}", row["median_end"], note))
        out.append(computed(f"fig7_8_median_log_change_{group}", row["median_log_change"], note))
    strongest = summary.loc[summary["median_log_change"].idxmax(), "income_group"]
    out.append(
        computed("fig7_8_upper_middle_strongest_catch_up", float(strongest == "upper_middle"), note)
    )
    return out


def claims_fig_7_13(points: pd.DataFrame, note: str = "") -> list[Claim]:
    """Share of economies whose labour share fell, by group."""
    out = []
    for group in INCOME_GROUPS:
        sub = points[points["income_group"] == group]
        if len(sub):
            out.append(computed(f"fig7_13_share_fell_{group}", sub["below_45_degree"].mean(), note))
            out.append(computed(f"fig7_13_n_{group}", len(sub)))
    return out


def claims_fig_7_14(estimates: pd.DataFrame, note: str = "") -> list[Claim]:
    """Coefficients and p-values by sample and measure; forward minus backward (all
    economies); high income minus lower-middle income (total participation)."""
    out = []
    table = estimates.dropna(subset=["coef"]).set_index(["sample", "measure"])
    for (sample, measure), row in table.iterrows():
        out.append(computed(f"fig7_14_coef_{sample}_{measure}", row["coef"], note))
        out.append(computed(f"fig7_14_p_{sample}_{measure}", row["p"], note))
    if {("all", "forward"), ("all", "backward")} <= set(table.index):
        diff = table.loc[("all", "forward"), "coef"] - table.loc[("all", "backward"), "coef"]
        out.append(computed("fig7_14_forward_minus_backward_all", diff, note))
    if {("high", "total"), ("lower_middle", "total")} <= set(table.index):
        diff = table.loc[("high", "total"), "coef"] - table.loc[("lower_middle", "total"), "coef"]
        out.append(computed("fig7_14_high_minus_lower_middle_total", diff, note))
    return out


def claims_fig_7_15(fits: pd.DataFrame, note: str = "") -> list[Claim]:
    out = []
    for _, row in fits.iterrows():
        stem = f"{row['y'].removeprefix('d_')}_on_{row['x'].removeprefix('d_')}"
        out.append(computed(f"fig7_15_slope_{stem}", row["slope"], note))
        out.append(computed(f"fig7_15_p_{stem}", row["p"], note))
    return out


def claims_fig_7_10_7_11() -> list[Claim]:
    """The firm-level numbers of Figures 7.10-7.11 cannot be reproduced (confidential data)."""
    return [
        not_reproducible("fig7_10_gap_reduction_pp_per_doubling", FIRM_DATA_REASON),
        not_reproducible("fig7_11_bottom_quartile_minus_top_quartile_effect", FIRM_DATA_REASON),
    ]
