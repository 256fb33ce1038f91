"""The computed quantities of Mattoo and Olarreaga (2000) for the ledger.

Every target in ``targets/mattoo_olarreaga2000.yaml`` names one of these quantities. The
premises of the numeric illustration of inequality (6) (the 30% terms-of-trade share and the
Uruguay Round cuts) are published numbers: they are read from the targets registry (the
``at`` of the targets that state them), never typed into the code.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from gvcneg.ledger.claims import Claim, computed, untestable
from gvcneg.theory.mattoo_olarreaga2000.baseline import FIGURE_2_SCENARIO
from gvcneg.theory.mattoo_olarreaga2000.figure_data import contract_curve_whole_slopes
from gvcneg.theory.mattoo_olarreaga2000.grid import CLAIMS
from gvcneg.theory.mattoo_olarreaga2000.inequality6 import alpha_bound, uruguay_round_check

BOUND_TARGET = "mattoo_olarreaga2000.ineq6_bound_expression"
URUGUAY_TARGET = "mattoo_olarreaga2000.ineq6_uruguay_alpha_as_cut"


def illustration_premises(targets: dict) -> dict:
    """The stated premises (terms-of-trade share; Uruguay cut interval) from the targets file."""
    by_id = {t["id"]: t for t in targets["targets"]}
    try:
        share = by_id[BOUND_TARGET]["published"]["at"]["s"]
        at = by_id[URUGUAY_TARGET]["published"]["at"]
        return {"tot_share": share, "cut_lower": at["cut_lower"], "cut_upper": at["cut_upper"]}
    except KeyError as err:
        raise KeyError(
            f"targets file lacks the premise {err} of inequality (6)'s illustration "
            f"(targets {BOUND_TARGET} and {URUGUAY_TARGET} must state them under published.at)"
        ) from err


def _scenario(solved: pd.DataFrame, name: str) -> pd.Series:
    return solved[solved["scenario"] == name].iloc[0]


SECTION_4_PREMISE = (
    "the section-4 premise fails at the baseline: a government loses from the no-credit round "
    "N -> X (footnote 21 requires a deal 'incentive compatible for both countries')"
)


def _value(quantity: str, value, note: str = "") -> Claim:
    """A computed quantity, or untestable where the model leaves it undefined (NaN)."""
    value = float(value)
    if not np.isfinite(value):
        return untestable(quantity, "undefined at these parameters (e.g. no unilateral cut)")
    return computed(quantity, value, note)


def section_4_premise_holds(row: pd.Series) -> bool:
    """A liberalized without credit and both governments accept the no-credit round."""
    return bool(
        row["T_no_credit_A"] < row["t0_A"] - 1e-10
        and row["accepts_A_no_credit_round"]
        and row["accepts_B_no_credit_round"]
    )


def baseline_claims(solved: pd.DataFrame, contract_slopes: pd.DataFrame) -> list[Claim]:
    small, large = _scenario(solved, "small"), _scenario(solved, "large")
    strong = _scenario(solved, FIGURE_2_SCENARIO)
    eps = 1e-10
    premise = section_4_premise_holds(large)

    def section_4(quantity, value, note=""):
        return _value(quantity, value, note) if premise else untestable(quantity, SECTION_4_PREMISE)

    return [
        _value(
            "section_4_B_gain_from_no_credit_round",
            large["gain_B_no_credit_round"],
            "V_B(X) - V_B(N), large change (B's participation, footnote 21)",
        ),
        _value(
            "section_4_A_gain_from_no_credit_round",
            large["gain_A_no_credit_round"],
            "V_A(X) - V_A(N) with A's new preferences, large change",
        ),
        _value(
            "section_4_fn23_T1_shortfall",
            large["fn23_T1_shortfall"],
            "round T-1 along the Nash ray: scale where the first government's value peaks "
            f"(A {large['fn23_T1_peak_A']:.3f}, B {large['fn23_T1_peak_B']:.3f}) minus the scale "
            f"on the contract curve ({large['t0_scale']:.3f}); 0 = mutual benefit lasts until "
            "the curve",
        ),
        _value(
            "section_4_fn23_X_shortfall",
            large["fn23_X_shortfall"],
            "no-credit round N -> X along the ray through N: scale where the first government's "
            f"value peaks (A {large['fn23_X_peak_A']:.3f}, B {large['fn23_X_peak_B']:.3f}) "
            "minus the scale of X; 0 = mutual benefit lasts until the curve",
        ),
        _value(
            "baseline_trade_share_t0",
            large["trade_share_t0"],
            "imports at the T-1 tariffs / free-trade imports",
        ),
        _value(
            "baseline_nash_share_of_prohibitive",
            large["nash_share_of_prohibitive"],
            "Nash tariff (T-1 preferences) / prohibitive tariff",
        ),
        _value(
            "fig1_small_change_no_unilateral_cut",
            small["T_no_credit_A"] >= small["t0_A"] - eps,
            "1 = A keeps its binding after the small change (no credit)",
        ),
        _value(
            "fig1_large_change_unilateral_cut",
            large["T_no_credit_A"] < large["t0_A"] - eps,
            "1 = A cuts below its binding after the large change (no credit)",
        ),
        _value(
            "fig1_small_change_ex_ante_cut",
            small["T_ex_ante_A"] < small["t0_A"] - eps,
            "1 = with ex-ante credit A cuts even after the small change",
        ),
        _value(
            "fig2_ex_ante_B_cut",
            (strong["T_ex_ante_B"] < strong["t0_B"] - eps)
            and (strong["T_no_credit_B"] >= strong["t0_B"] - eps),
            "1 = B cuts below its binding under ex-ante credit but not under no credit "
            "(strong-complements scenario)",
        ),
        _value(
            "fig3_A_tariff_T_no_credit_minus_ex_ante",
            large["T_no_credit_A"] - large["T_ex_ante_A"],
        ),
        _value(
            "fig3_A_tariff_T1_ex_post_minus_no_credit",
            large["T1x_ex_post_A"] - large["T1x_no_credit_A"],
        ),
        _value(
            "fig3_A_tariff_T1_ex_ante_minus_ex_post",
            large["T1x_ex_ante_A"] - large["T1x_ex_post_A"],
        ),
        section_4("fig4_cut_with_credit_minus_without", large["cut_Y"] - large["cut_X"]),
        _value("fig4_cut_without_credit", large["cut_X"], "alpha^N of section 4 (a cut)"),
        _value("fig4_cut_with_credit", large["cut_Y"], "alpha^C of section 4 (a cut)"),
        section_4(
            "fig4_contract_curve_max_slope",
            float(np.nanmax(contract_slopes["slope"])),
            "largest dt_A/dt_B on the plotted new contract curve between the rays through N and t^{T-1}",
        ),
        section_4(
            "fig4_contract_curves_max_slope_whole",
            float(np.nanmax(contract_curve_whole_slopes(solved)["slope"])),
            "largest dt_A/dt_B along the whole plotted curves CC and C'C' (large change)",
        ),
        section_4(
            "fig5_B_value_X_minus_Y",
            large["value_B_T1n_no_credit"] - large["value_B_T1n_ex_post"],
        ),
        section_4("fig5_B_value_Y_minus_B0", large["value_B_T1n_ex_post"] - large["value_B_t0"]),
        _value(
            "appendix_B_value_reciprocity_minus_B0",
            large["value_B_T_automatic_reciprocity"] - large["value_B_t0"],
        ),
        _value(
            "baseline_credit_share_of_cut",
            large["credit_share_of_cut"],
            "share of A's ex-ante unilateral cut added by the credit, large change",
        ),
    ]


def grid_claims(summary: pd.DataFrame) -> list[Claim]:
    by_name = summary.set_index("claim")
    out = []
    for claim in CLAIMS:
        row = by_name.loc[claim.name]
        quantity = f"grid_share_{claim.name}"
        if int(row["applicable_all"]) == 0:
            out.append(untestable(quantity, "no grid point satisfies the claim's premises"))
            continue
        out.append(
            computed(
                quantity,
                row["share_all"],
                f"share of {int(row['applicable_all'])} grid points in the claim's domain",
            )
        )
    for suffix in ("", "__outside"):
        endogenous = by_name.loc[f"section_4_A_average_lower_with_ex_ante{suffix}"]
        exogenous = by_name.loc[f"section_4_ex_ante_average_lower_exogenous{suffix}"]
        quantity = f"grid_section_4_strengthens_ex_ante_for_A{suffix}"
        if int(endogenous["applicable_all"]) == 0:
            out.append(untestable(quantity, "no grid point satisfies the claim's premises"))
            continue
        out.append(
            computed(
                quantity,
                endogenous["share_all"] - exogenous["share_all"],
                "share with endogenous cut minus share with exogenous cut, same points",
            )
        )
    return out


def inequality_6_claims(premises: dict) -> list[Claim]:
    bound = float(alpha_bound(premises["tot_share"]))
    check = uruguay_round_check(bound, premises["cut_lower"], premises["cut_upper"])
    return [
        computed("ineq6_alpha_bound_at_cited_tot_share", bound, "s/(1-s) derived from (6)"),
        computed(
            "ineq6_holds_at_uruguay_cuts_alpha_as_cut",
            check["as_cut"],
            "share of the cut interval below the bound, alpha read as the cut (the paper's reading)",
        ),
        computed(
            "ineq6_holds_at_uruguay_cuts_alpha_as_retained_share",
            check["as_retained_share"],
            "alpha = 1 - cut, as alpha is defined in section 3.4",
        ),
    ]


def mattoo_olarreaga2000_claims(
    solved: pd.DataFrame, contract_slopes: pd.DataFrame, summary: pd.DataFrame, targets: dict
) -> list[Claim]:
    return (
        baseline_claims(solved, contract_slopes)
        + grid_claims(summary)
        + inequality_6_claims(illustration_premises(targets))
    )
