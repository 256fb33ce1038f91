"""The robustness grid: where does each claim of sections 3-4 (and the summary) hold?

The grid is the Cartesian product of the axes in the config (``grid.sizes.<size>``), split
into contiguous chunks (one Snakemake job each), solved with :func:`solve_scenarios`, and
reduced to one boolean per claim and point (NaN where the claim does not apply). The summary
is the share of applicable valid points where each claim holds, overall and by tariff
interaction (complements / independent / substitutes).

Domains (issue: each claim is tested only where the paper's premises hold):

* every claim: valid points with trade at T-1 away from autarky (``min_trade_share``, our
  reading; the paper's figures draw interior tariffs);
* section 4 (Figures 4-5, the choice of rule): in addition A liberalized without credit and
  the no-credit round is accepted by both countries (footnote 21: "countries A and B will
  negotiate a multilateral deal that is incentive compatible for both countries"; footnote 23:
  efficiency with equiproportionate cuts "would hold if the bargaining solution could be
  supported by side-payments", which the model has not).

The section-4 claims are also evaluated where A liberalized but a country refuses the round:
columns ``<claim>__outside``, kind ``extension`` ("outside the paper's assumptions"), never
folded into the verdict.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from gvcneg.theory.mattoo_olarreaga2000.inequality6 import alpha_bound, inequality_6_holds
from gvcneg.theory.mattoo_olarreaga2000.scenarios import PARAMETERS, solve_scenarios
from gvcneg.theory.mattoo_olarreaga2000.specification import interaction_of

EPS = 1e-10

AXES = [
    "import_supply_slope",
    "export_supply_slope",
    "reciprocity",
    "welfare_weight_A_before",
    "welfare_weight_shift",  # a^A after / a^A before
    "welfare_weight_B_ratio",  # a^B / a^A before
    "retention",
    "discount",
]


@dataclass(frozen=True)
class Claim:
    name: str
    location: str
    statement: str
    kind: str  # "always" (the paper proves or asserts it), "may" (it can happen), "ambiguous"


CLAIMS = [
    Claim(
        "liberalization_iff_optimum_below_binding",
        "Section 3.1, Figure 1",
        "A cuts its tariff in T (no credit) iff its new optimum at B's binding is below its own binding",
        "always",
    ),
    Claim(
        "ex_ante_cut_at_least_no_credit",
        "Section 3.3.1, eq. (5')",
        "A's period-T tariff under ex-ante credit is no higher than under no credit",
        "always",
    ),
    Claim(
        "ex_ante_triggers_liberalization",
        "Section 3.3.2",
        "ex-ante credit brings a unilateral cut that would not happen without it",
        "may",
    ),
    Claim(
        "no_credit_cut_implies_ex_ante_cut",
        "Section 3.3.2",
        "whenever A cuts without credit it also cuts with ex-ante credit (never the reverse)",
        "always",
    ),
    Claim(
        "ex_ante_induces_B_cut",
        "Section 3.3.3, Figure 2",
        "ex-ante credit makes B cut below its binding too",
        "may",
    ),
    Claim(
        "weak_result_B_not_higher_under_ex_ante",
        "Section 3.3.3, footnote 20",
        "B's period-T tariff is never higher under ex-ante credit than under no credit",
        "always",
    ),
    Claim(
        "ex_post_dominated_by_ex_ante",
        "Section 3.4, Figure 3",
        "ex-ante: lower or equal tariffs in T, identical tariffs in T+1, compared with ex-post",
        "always",
    ),
    Claim(
        "no_credit_dominates_ex_post",
        "Section 3.4, Figure 3",
        "no credit: identical tariffs in T, lower or equal in T+1, compared with ex-post",
        "always",
    ),
    Claim(
        "ex_ante_average_lower",
        "Section 3.4",
        "A's T/T+1 average tariff is lower under ex-ante credit than under no credit",
        "ambiguous",
    ),
    Claim(
        "inequality_6_decides",
        "Section 3.4, inequality (6)",
        "where both rules bring a cut, ex-ante gives the lower average iff inequality (6) holds",
        "always",
    ),
    Claim(
        "ex_ante_lower_when_only_ex_ante_liberalizes",
        "Section 3.4",
        "where only ex-ante credit brings a cut, it gives the lower average",
        "always",
    ),
    Claim(
        "inequality_6_iff_alpha_below_share_bound",
        "Section 3.4, inequality (6)",
        "(6) holds iff alpha < s/(1-s), s = share of the ex-ante cut the credit adds",
        "always",
    ),
    Claim(
        "section_4_cut_larger_with_credit",
        "Section 4, Figure 4",
        "the proportional cut in T+1 is larger with credit (Y) than without (X)",
        "always",
    ),
    Claim(
        "section_4_contract_curve_negative_slope",
        "Section 4, footnote 25",
        "the contract curve slopes down (at the T-1 point, X and Y)",
        "always",
    ),
    Claim(
        "section_4_new_contract_curve_closer",
        "Section 4, footnote 27",
        "after the change the contract curve gives A a lower tariff at any B tariff",
        "always",
    ),
    Claim(
        "section_4_B_average_lower_with_ex_ante",
        "Section 4",
        "B's T/T+1 average tariff is lower under ex-ante credit (endogenous cut)",
        "always",
    ),
    Claim(
        "section_4_A_average_lower_with_ex_ante",
        "Section 4",
        "A's T/T+1 average tariff is lower under ex-ante credit (endogenous cut)",
        "ambiguous",
    ),
    Claim(
        "figure_5_credit_lowers_B_value",
        "Section 4, Figure 5",
        "B's value is lower at Y (credit) than at X (no credit)",
        "always",
    ),
    Claim(
        "figure_5_ex_post_below_B0",
        "Section 4, Figure 5",
        "the ex-post round leaves B below its value before A's change (B0)",
        "may",
    ),
    Claim(
        "ex_post_resisted_by_B",
        "Summary; section 4",
        "B's intertemporal value is lower under ex-post credit than under no credit",
        "always",
    ),
    Claim(
        "ex_ante_acceptable_to_B",
        "Summary; section 4",
        "B's intertemporal value is at least as high under ex-ante credit as under no credit",
        "may",
    ),
    Claim(
        "automatic_reciprocity_B_worse_than_before",
        "Summary; appendix",
        "under automatic reciprocity B's period-T value falls below its value before (B0)",
        "may",
    ),
]
CLAIMS.append(
    Claim(
        "section_4_round_accepted_by_both",
        "Section 4, footnote 21",
        "where A liberalized (no credit), both governments gain from the no-credit round N -> X",
        "premise",
    )
)
CLAIMS.extend(
    [
        Claim(
            "section_4_fn23_T1_benefit_reaches_contract_curve",
            "Section 4, footnote 23",
            "on the section-4 domain, both governments gain from every equiproportionate cut of "
            "round T-1 until the contract curve (no side-payments needed)",
            "premise",
        ),
        Claim(
            "section_4_fn23_X_benefit_reaches_contract_curve",
            "Section 4, footnote 23",
            "on the section-4 domain, both governments gain from every equiproportionate cut of "
            "the no-credit round N -> X until the contract curve",
            "premise",
        ),
    ]
)
# Footnote 23's premise holds where the mutual benefit lasts until the contract curve (shortfall
# at most this, in units of the round's base; exactly 0 in theory).
FN23_TOLERANCE = 1e-9
SECTION_4 = [
    "section_4_cut_larger_with_credit",
    "section_4_contract_curve_negative_slope",
    "section_4_new_contract_curve_closer",
    "section_4_B_average_lower_with_ex_ante",
    "section_4_A_average_lower_with_ex_ante",
    "section_4_ex_ante_average_lower_exogenous",
    "figure_5_credit_lowers_B_value",
    "figure_5_ex_post_below_B0",
    "ex_post_resisted_by_B",
    "ex_ante_acceptable_to_B",
]
CLAIMS.append(
    Claim(
        "section_4_ex_ante_average_lower_exogenous",
        "Section 4 (comparison)",
        "A's average tariff lower under ex-ante credit with the exogenous cut (section-4 domain)",
        "ambiguous",
    )
)
OUTSIDE = "__outside"
CLAIMS.extend(
    Claim(
        f"{c.name}{OUTSIDE}",
        c.location,
        f"{c.statement} -- outside the paper's assumptions (a country refuses the round)",
        "extension",
    )
    for c in list(CLAIMS)
    if c.name in SECTION_4
)
CLAIM_NAMES = [c.name for c in CLAIMS]
DEFAULT_MIN_TRADE_SHARE = 0.25


def _axis_values(spec) -> np.ndarray:
    if isinstance(spec, dict):
        return np.round(np.linspace(spec["min"], spec["max"], spec["points"]), 12)
    return np.asarray(spec, dtype=float)


def build_grid(axes_config: dict) -> pd.DataFrame:
    """All combinations of the axes, one row per point, in a fixed order, with model inputs."""
    values = [_axis_values(axes_config[name]) for name in AXES]
    frame = pd.DataFrame(list(itertools.product(*values)), columns=AXES)
    frame.insert(0, "point_id", np.arange(len(frame)))
    frame["welfare_weight_A_after"] = (
        frame["welfare_weight_A_before"] * frame["welfare_weight_shift"]
    )
    frame["welfare_weight_B"] = frame["welfare_weight_A_before"] * frame["welfare_weight_B_ratio"]
    frame["interaction"] = [interaction_of(k) for k in frame["reciprocity"]]
    return frame


def _where(applies, holds) -> np.ndarray:
    """1.0 / 0.0 where the claim applies, NaN elsewhere."""
    return np.where(applies, np.asarray(holds, dtype=float), np.nan)


def paper_domains(solved: pd.DataFrame, min_trade_share: float = DEFAULT_MIN_TRADE_SHARE):
    """Masks: ``base`` (valid, away from autarky), ``liberalized`` (base and A cuts without
    credit), ``accepted`` (both accept the no-credit round), ``section_4`` and ``outside``."""
    s = solved
    base = s["valid"].to_numpy(bool) & (s["trade_share_t0"].to_numpy(float) >= min_trade_share)
    liberalized = base & (s["T_no_credit_A"] < s["t0_A"] - EPS).to_numpy(bool)
    accepted = (s["accepts_A_no_credit_round"] & s["accepts_B_no_credit_round"]).to_numpy(bool)
    return {
        "base": base,
        "liberalized": liberalized,
        "accepted": accepted,
        "section_4": liberalized & accepted,
        "outside": liberalized & ~accepted,
    }


def evaluate_claims(
    solved: pd.DataFrame, min_trade_share: float = DEFAULT_MIN_TRADE_SHARE
) -> pd.DataFrame:
    """One column per claim: 1 (holds), 0 (fails), NaN (does not apply or outside its domain)."""
    s = solved
    domains = paper_domains(s, min_trade_share)
    v = domains["base"]
    t0_A, t0_B = s["t0_A"], s["t0_B"]
    nc_cut = v & (s["T_no_credit_A"] < t0_A - EPS)
    ea_cut = v & (s["T_ex_ante_A"] < t0_A - EPS)
    only_ea = ea_cut & ~nc_cut
    ar_cut = v & (s["T_automatic_reciprocity_A"] < t0_A - EPS)
    ineq6 = inequality_6_holds(s["T_no_credit_A"], s["T_ex_ante_A"], t0_A, s["retention"])
    with np.errstate(divide="ignore", invalid="ignore"):
        bound = alpha_bound(s["credit_share_of_cut"])
    lower_ea = s["avg_x_ex_ante_A"] < s["avg_x_no_credit_A"] - EPS
    same_T1 = (np.abs(s["T1x_ex_ante_A"] - s["T1x_ex_post_A"]) < EPS) & (
        np.abs(s["T1x_ex_ante_B"] - s["T1x_ex_post_B"]) < EPS
    )
    same_T = (np.abs(s["T_no_credit_A"] - s["T_ex_post_A"]) < EPS) & (
        np.abs(s["T_no_credit_B"] - s["T_ex_post_B"]) < EPS
    )
    slopes_negative = (s["cc_slope_X"] < 0) & (s["cc_slope_Y"] < 0) & (s["cc_slope_t0_before"] < 0)
    columns = {
        "liberalization_iff_optimum_below_binding": _where(
            v, nc_cut == (s["optimum_A_no_credit_at_binding"] < t0_A - EPS)
        ),
        "ex_ante_cut_at_least_no_credit": _where(v, s["T_ex_ante_A"] <= s["T_no_credit_A"] + EPS),
        "ex_ante_triggers_liberalization": _where(v, only_ea),
        "no_credit_cut_implies_ex_ante_cut": _where(nc_cut, ea_cut),
        "ex_ante_induces_B_cut": _where(v, s["T_ex_ante_B"] < t0_B - EPS),
        "weak_result_B_not_higher_under_ex_ante": _where(
            v, s["T_ex_ante_B"] <= s["T_no_credit_B"] + EPS
        ),
        "ex_post_dominated_by_ex_ante": _where(
            v,
            (s["T_ex_ante_A"] <= s["T_ex_post_A"] + EPS)
            & (s["T_ex_ante_B"] <= s["T_ex_post_B"] + EPS)
            & same_T1,
        ),
        "no_credit_dominates_ex_post": _where(
            v,
            same_T
            & (s["T1x_no_credit_A"] <= s["T1x_ex_post_A"] + EPS)
            & (s["T1x_no_credit_B"] <= s["T1x_ex_post_B"] + EPS),
        ),
        "ex_ante_average_lower": _where(ea_cut, lower_ea),
        "inequality_6_decides": _where(nc_cut, lower_ea == ineq6),
        "ex_ante_lower_when_only_ex_ante_liberalizes": _where(only_ea, lower_ea),
        "inequality_6_iff_alpha_below_share_bound": _where(
            nc_cut, ineq6 == (s["retention"] < bound)
        ),
        "automatic_reciprocity_B_worse_than_before": _where(
            ar_cut, s["value_B_T_automatic_reciprocity"] < s["value_B_t0"]
        ),
    }
    columns["section_4_round_accepted_by_both"] = _where(
        domains["liberalized"], domains["accepted"]
    )
    for name, column in (
        ("section_4_fn23_T1_benefit_reaches_contract_curve", "fn23_T1_shortfall"),
        ("section_4_fn23_X_benefit_reaches_contract_curve", "fn23_X_shortfall"),
    ):
        shortfall = s[column].to_numpy(float)
        columns[name] = _where(
            domains["section_4"] & np.isfinite(shortfall), shortfall <= FN23_TOLERANCE
        )
    for suffix, domain in (("", domains["section_4"]), (OUTSIDE, domains["outside"])):
        for name, (applies, holds) in _section_4_checks(s, ea_cut, domain, slopes_negative).items():
            columns[f"{name}{suffix}"] = _where(applies, holds)
    frame = pd.DataFrame(columns)
    return frame[CLAIM_NAMES]


def _section_4_checks(s, ea_cut, domain, slopes_negative) -> dict:
    """(applies, holds) of each section-4 claim on one domain of liberalizing points."""
    ea_domain = domain & ea_cut
    return {
        "section_4_cut_larger_with_credit": (domain, s["cut_Y"] > s["cut_X"] + EPS),
        "section_4_contract_curve_negative_slope": (domain, slopes_negative),
        "section_4_new_contract_curve_closer": (
            domain & np.isfinite(s["cc_shift_min_gap"]),
            s["cc_shift_min_gap"] > 0,
        ),
        "section_4_B_average_lower_with_ex_ante": (
            domain,
            s["avg_n_ex_ante_B"] < s["avg_n_no_credit_B"] - EPS,
        ),
        "section_4_A_average_lower_with_ex_ante": (
            ea_domain,
            s["avg_n_ex_ante_A"] < s["avg_n_no_credit_A"] - EPS,
        ),
        "section_4_ex_ante_average_lower_exogenous": (
            ea_domain,
            s["avg_x_ex_ante_A"] < s["avg_x_no_credit_A"] - EPS,
        ),
        "figure_5_credit_lowers_B_value": (
            domain,
            s["value_B_T1n_ex_post"] < s["value_B_T1n_no_credit"],
        ),
        "figure_5_ex_post_below_B0": (domain, s["value_B_T1n_ex_post"] < s["value_B_t0"]),
        "ex_post_resisted_by_B": (domain, s["value_B_x_ex_post"] < s["value_B_x_no_credit"]),
        "ex_ante_acceptable_to_B": (
            ea_domain,
            s["value_B_x_ex_ante"] >= s["value_B_x_no_credit"],
        ),
    }


KEEP = [
    "trade_share_t0",
    "gain_A_no_credit_round",
    "gain_B_no_credit_round",
    "t0_A",
    "t0_B",
    "T_no_credit_A",
    "T_ex_ante_A",
    "T_ex_ante_B",
    "cut_X",
    "cut_Y",
    "ineq6_lhs",
    "credit_share_of_cut",
    "fn23_T1_shortfall",
    "fn23_X_shortfall",
    "valid",
    "invalid_reason",
]


def evaluate_chunk(
    points: pd.DataFrame, min_trade_share: float = DEFAULT_MIN_TRADE_SHARE
) -> pd.DataFrame:
    """Solve a chunk of grid points and return the inputs, key outputs and claim columns."""
    solved = solve_scenarios(points[PARAMETERS])
    claims = evaluate_claims(solved, min_trade_share)
    keep = solved[KEEP].reset_index(drop=True)
    return pd.concat([points.reset_index(drop=True), keep, claims], axis=1)


def summarise_grid(results: pd.DataFrame) -> pd.DataFrame:
    """Share of applicable valid points where each claim holds, overall and by interaction."""
    rows = []
    groups = [("all", results)] + [
        (name, results[results["interaction"] == name])
        for name in ("complements", "independent", "substitutes")
    ]
    for claim in CLAIMS:
        row = {"claim": claim.name, "location": claim.location, "kind": claim.kind}
        for label, frame in groups:
            column = frame[claim.name]
            applicable = int(column.notna().sum())
            row[f"applicable_{label}"] = applicable
            row[f"share_{label}"] = float(column.mean()) if applicable else np.nan
        rows.append(row)
    summary = pd.DataFrame(rows)
    summary.insert(3, "points", len(results))
    summary.insert(4, "valid_points", int(results["valid"].sum()))
    return summary


def invalid_points(
    results: pd.DataFrame, min_trade_share: float = DEFAULT_MIN_TRADE_SHARE
) -> pd.DataFrame:
    """How many grid points were excluded, and why (invalid model or near autarky)."""
    valid = results["valid"].astype(bool)
    bad = results[~valid]
    counts = bad["invalid_reason"].value_counts().rename_axis("reason").reset_index(name="points")
    autarky = int((valid & (results["trade_share_t0"] < min_trade_share)).sum())
    if autarky:
        reason = f"near autarky: T-1 trade below {min_trade_share:.0%} of free trade"
        counts = pd.concat(
            [counts, pd.DataFrame({"reason": [reason], "points": [autarky]})], ignore_index=True
        )
    counts["share_of_grid"] = counts["points"] / max(len(results), 1)
    return counts
