"""The quantities chapter 7's prose states about Figures 7.4-7.15, computed from the pipeline's
own results (one function per figure). The published values live only in
``targets/gvcdr2025_ch7.yaml``; the ledger compares.

Quantity names: ``fig7_<n>_<what>``; income groups as in :data:`INCOME_GROUPS`. Booleans
("claim holds") are 1/0.
"""

from __future__ import annotations

import math

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7 import INCOME_GROUPS
from gvcneg.empirics.gvcdr2025_ch7.aggregates import between_economy_gini, change_between
from gvcneg.ledger.claims import Claim, computed, not_reproducible, untestable


def _value(quantity: str, value, note: str = "") -> Claim:
    """A computed quantity, or "untestable" where the chosen sample has no data for it (e.g. an
    income group with no economy observed in every year): visible in the ledger, never a
    silent gap."""
    value = float(value)
    if math.isnan(value):
        return untestable(quantity, "no economy of this sample has the data this quantity needs")
    return computed(quantity, value, note)


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
        out.append(_value(f"fig7_4_ratio_change_{group}", row["change"], note))
        out.append(_value(f"fig7_4_ratio_{group}_{start}", row[f"ratio_to_high_income_{start}"]))
        out.append(_value(f"fig7_4_ratio_{group}_{end}", row[f"ratio_to_high_income_{end}"]))
    return out


def claims_fig_7_5(points: pd.DataFrame, note: str = "") -> list[Claim]:
    """Shares of high-income (other) economies above (below) the 45-degree line; 1990 medians."""
    high = points[points["high_income"]]
    other = points[~points["high_income"]]
    return [
        _value("fig7_5_share_high_income_above", high["above_45_degree"].mean(), note),
        _value("fig7_5_share_other_below", other["below_45_degree"].mean(), note),
        _value("fig7_5_share_other_above", other["above_45_degree"].mean(), note),
        _value("fig7_5_n_high_income", len(high)),
        _value("fig7_5_n_other", len(other)),
        _value(
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
                    _value(f"fig7_6_{weighting}_change{suffix}_{group}", row["change"], note)
                )
                if weighting == "unweighted" and suffix == "":
                    unweighted_change[group] = row["change"]
    valid = {g: v for g, v in unweighted_change.items() if not math.isnan(v)}
    if "high" in valid:
        largest = max(valid, key=valid.get)
        out.append(
            _value("fig7_6_high_income_largest_unweighted_rise", float(largest == "high"), note)
        )
    else:
        out.append(_value("fig7_6_high_income_largest_unweighted_rise", math.nan))
    return out


def claims_fig_7_6_gfc_timing(
    gini_groups: pd.DataFrame, start: int, end: int, gfc_year: int, note: str = ""
) -> list[Claim]:
    """ "The rise ... was largely confined to the period up to the global financial crisis":
    the share of each group's upward movement of the unweighted Gini that happened by the
    GFC, rise_before / (rise_before + rise_after) with rise = max(change, 0). Compared with
    the rise over the whole period, not just the sign after the GFC. The sentence asserts a rise
    ("the rise of the Gini in ... lower-middle and upper-middle income economies"): where a
    group's Gini rose in neither sub-period the claim fails there, so the value is 0 (nothing of
    a rise before the GFC) with a note, and a sweep counts that specification against the claim
    instead of setting it aside as giving no value (a referee's re-derivation, issue 21)."""
    sub = gini_groups[gini_groups["weighting"] == "unweighted"]
    before = change_between(sub, "gini", "income_group", start, gfc_year, how="difference")
    after = change_between(sub, "gini", "income_group", gfc_year, end, how="difference")
    changes = before.set_index("income_group")["change"].to_frame("before")
    changes["after"] = after.set_index("income_group")["change"]
    out = []
    for group in ("high", "upper_middle", "lower_middle"):
        if group not in changes.index:
            continue
        up_before = max(changes.loc[group, "before"], 0.0)
        up_after = max(changes.loc[group, "after"], 0.0)
        quantity = f"fig7_6_rise_share_before_gfc_{group}"
        if up_before + up_after <= 0:
            out.append(
                _value(
                    quantity,
                    0.0,
                    f"the {group} Gini did not rise before or after {gfc_year}: no rise, so the "
                    "claim that the rise was confined to the pre-GFC period fails (0)",
                )
            )
        else:
            out.append(_value(quantity, up_before / (up_before + up_after), note))
    return out


def claims_rising_inequality_larger_economies(
    points: pd.DataFrame, panel: pd.DataFrame, end: int, note: str = ""
) -> list[Claim]:
    """ "Within the lower- and upper-middle-income groups, a subset of larger economies have
    seen increases in inequality": among the group's economies of Figure 7.5, the population
    share of those whose Gini rose minus their count share (> 0: the risers are larger than
    the group's typical economy)."""
    population = panel[panel["year"] == end].set_index("iso3")["population"]
    out = []
    for group in ("lower_middle", "upper_middle"):
        sub = points[points["income_group"] == group].assign(
            population=lambda f: f["iso3"].map(population)
        )
        sub = sub.dropna(subset=["population"])
        rising = sub["above_45_degree"].astype(bool)
        total = float(sub["population"].sum())
        pop_share = float(sub.loc[rising, "population"].sum()) / total if total else math.nan
        out.append(
            _value(f"fig7_6_larger_economies_rising_{group}", pop_share - rising.mean(), note)
        )
    return out


def claims_between_economy(
    panel: pd.DataFrame,
    start: int,
    end: int,
    balanced: bool,
    largest_excluded: int,
    note="",
    largest_by: str = "population",
) -> list[Claim]:
    """ "Between-economy inequality has fallen on a population-weighted basis, [which] appears
    to owe much to the performance of a few large economies": the population-weighted Gini of
    GDP per capita across economies, its change, and the change without the
    ``largest_excluded`` largest economies in ``end`` (by population, or by GDP = GDP per
    capita x population: "large" allows both) as a share of the change with them (below 1/2:
    most of the fall is theirs)."""
    if largest_by not in ("population", "gdp"):
        raise ValueError(f"largest_by must be 'population' or 'gdp', not {largest_by!r}")
    ginis = between_economy_gini(panel, (start, end), balanced)
    change = ginis[end] - ginis[start]
    size = panel[panel["year"] == end].dropna(subset=["population", "gdp_pc_ppp"])
    size = size.assign(gdp=size["gdp_pc_ppp"] * size["population"])
    largest = size.nlargest(largest_excluded, largest_by)["iso3"].tolist()
    without = between_economy_gini(panel, (start, end), balanced, exclude=largest)
    change_without = without[end] - without[start]
    detail = f"{note}; " if note else ""
    detail += f"largest by {largest_by} left out: {', '.join(largest)}"
    out = [_value("between_gini_change", change, note)]
    if change < 0:
        out.append(_value("between_fall_share_without_largest", change_without / change, detail))
    else:
        out.append(
            untestable(
                "between_fall_share_without_largest",
                f"the population-weighted Gini did not fall ({change:+.4f})",
            )
        )
    return out


def claims_fig_7_7(result: dict, note: str = "") -> list[Claim]:
    return [
        _value("fig7_7_slope", result["slope"], note),
        _value("fig7_7_slope_robust_se", result["slope_se"], note),
        _value("fig7_7_slope_p_value", result["slope_p"], note),
        _value("fig7_7_n", result["n"], note),
    ]


def claims_fig_7_8(
    summary: pd.DataFrame, note: str = "", relative: pd.DataFrame | None = None
) -> list[Claim]:
    """Per group: count and share above the line, median relative income at the end; whether
    upper-middle income has the largest median log change of relative income. With the
    economies' ``relative`` incomes: lower-middle minus low median log change ("modest but
    more meaningful progress" than low income) and low income's median gain in relative
    income ("actual convergence gains are minimal")."""
    out = []
    for _, row in summary.iterrows():
        group = row["income_group"]
        out.append(_value(f"fig7_8_n_above_{group}", row["n_above"], note))
        out.append(_value(f"fig7_8_n_{group}", row["n"]))
        out.append(_value(f"fig7_8_share_above_{group}", row["share_above"], note))
        out.append(_value(f"fig7_8_median_relative_end_{group}", row["median_end"], note))
        out.append(_value(f"fig7_8_median_log_change_{group}", row["median_log_change"], note))
    strongest = summary.loc[summary["median_log_change"].idxmax(), "income_group"]
    out.append(
        _value("fig7_8_upper_middle_strongest_catch_up", float(strongest == "upper_middle"), note)
    )
    change = summary.set_index("income_group")["median_log_change"]
    if {"lower_middle", "low"} <= set(change.index):
        out.append(
            _value(
                "fig7_8_lower_middle_minus_low_median_log_change",
                change["lower_middle"] - change["low"],
                note,
            )
        )
    if relative is not None:
        low = relative[relative["income_group"] == "low"]
        if len(low):
            gain = (low["end"] - low["start"]).median()
            out.append(_value("fig7_8_median_gain_low", gain, note))
    return out


def claims_fig_7_13(
    points: pd.DataFrame, note: str = "", imputed_constant: str = "count"
) -> list[Claim]:
    """Share of economies whose labour share fell, by group. ``"count"`` (the data as
    published, the document's data) counts an economy PWT fills with one imputed constant (data
    layer flag ``imputed_constant``: the same value in 2000 and 2019 by construction) as "not
    falling"; ``"exclude"`` leaves those economies out (our artefact check on part of the data).
    Both shares and the number of imputed economies are reported either way."""
    if imputed_constant not in ("exclude", "count"):
        raise ValueError(f"imputed_constant must be 'exclude' or 'count', not {imputed_constant!r}")
    out = []
    for group in INCOME_GROUPS:
        sub = points[points["income_group"] == group]
        if not len(sub):
            continue
        imputed = (
            sub["imputed_constant"].fillna(False).astype(bool)
            if "imputed_constant" in sub
            else pd.Series(False, index=sub.index)
        )
        measured = sub[~imputed]
        counted = sub if imputed_constant == "count" else measured
        out.append(_value(f"fig7_13_share_fell_{group}", counted["below_45_degree"].mean(), note))
        out.append(_value(f"fig7_13_n_{group}", len(counted)))
        out.append(_value(f"fig7_13_n_imputed_constant_{group}", imputed.sum()))
        out.append(
            _value(
                f"fig7_13_share_fell_counting_imputed_{group}",
                sub["below_45_degree"].mean(),
                note,
            )
        )
        out.append(
            _value(
                f"fig7_13_share_fell_excluding_imputed_{group}",
                measured["below_45_degree"].mean(),
                note,
            )
        )
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
    """Slope and p-value of each fitted line; a fit without a value (a sweep window the GVC
    source does not cover) is untestable, like every other chapter-7 quantity."""
    out = []
    for _, row in fits.iterrows():
        stem = f"{row['y'].removeprefix('d_')}_on_{row['x'].removeprefix('d_')}"
        out.append(_value(f"fig7_15_slope_{stem}", row["slope"], note))
        out.append(_value(f"fig7_15_p_{stem}", row["p"], note))
    return out


def claims_fig_7_10_7_11() -> list[Claim]:
    """The firm-level numbers of Figures 7.10-7.11 cannot be reproduced (confidential data)."""
    return [
        not_reproducible("fig7_10_gap_reduction_pp_per_doubling", FIRM_DATA_REASON),
        not_reproducible("fig7_11_bottom_quartile_minus_top_quartile_effect", FIRM_DATA_REASON),
    ]
