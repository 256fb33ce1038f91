"""The computed quantities of Mattoo and Olarreaga (2000) for the ledger.

Every target in ``targets/mattoo_olarreaga2000.yaml`` names one of these quantities. The
premises of the numeric illustration of inequality (6) (the 30% terms-of-trade share and the
Uruguay Round cuts) are published numbers: they are read from the targets registry (the
``at`` of the targets that state them), never typed into the code.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from gvcneg.ledger.claims import Claim, computed
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


def baseline_claims(solved: pd.DataFrame, contract_slopes: pd.DataFrame) -> list[Claim]:
    small, large = _scenario(solved, "small"), _scenario(solved, "large")
    eps = 1e-10
    return [
        computed(
            "fig1_small_change_no_unilateral_cut",
            small["T_no_credit_A"] >= small["t0_A"] - eps,
            "1 = A keeps its binding after the small change (no credit)",
        ),
        computed(
            "fig1_large_change_unilateral_cut",
            large["T_no_credit_A"] < large["t0_A"] - eps,
            "1 = A cuts below its binding after the large change (no credit)",
        ),
        computed(
            "fig1_small_change_ex_ante_cut",
            small["T_ex_ante_A"] < small["t0_A"] - eps,
            "1 = with ex-ante credit A cuts even after the small change",
        ),
        computed(
            "fig2_ex_ante_B_cut",
            (large["T_ex_ante_B"] < large["t0_B"] - eps)
            and (large["T_no_credit_B"] >= large["t0_B"] - eps),
            "1 = B cuts below its binding under ex-ante credit but not under no credit",
        ),
        computed(
            "fig3_A_tariff_T_no_credit_minus_ex_ante",
            large["T_no_credit_A"] - large["T_ex_ante_A"],
        ),
        computed(
            "fig3_A_tariff_T1_ex_post_minus_no_credit",
            large["T1x_ex_post_A"] - large["T1x_no_credit_A"],
        ),
        computed(
            "fig3_A_tariff_T1_ex_ante_minus_ex_post",
            large["T1x_ex_ante_A"] - large["T1x_ex_post_A"],
        ),
        computed("fig4_cut_with_credit_minus_without", large["cut_Y"] - large["cut_X"]),
        computed("fig4_cut_without_credit", large["cut_X"], "alpha^N of section 4 (a cut)"),
        computed("fig4_cut_with_credit", large["cut_Y"], "alpha^C of section 4 (a cut)"),
        computed(
            "fig4_contract_curve_max_slope",
            float(np.nanmax(contract_slopes["slope"])),
            "largest dt_A/dt_B on the plotted new contract curve between the rays through N and t^{T-1}",
        ),
        computed(
            "fig5_B_value_X_minus_Y",
            large["value_B_T1n_no_credit"] - large["value_B_T1n_ex_post"],
        ),
        computed("fig5_B_value_Y_minus_B0", large["value_B_T1n_ex_post"] - large["value_B_t0"]),
        computed(
            "appendix_B_value_reciprocity_minus_B0",
            large["value_B_T_automatic_reciprocity"] - large["value_B_t0"],
        ),
        computed(
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
        out.append(
            computed(
                f"grid_share_{claim.name}",
                row["share_all"],
                f"share of {int(row['applicable_all'])} applicable valid grid points",
            )
        )
    strengthen = (
        by_name.loc["section_4_A_average_lower_with_ex_ante", "share_all"]
        - by_name.loc["ex_ante_average_lower", "share_all"]
    )
    out.append(
        computed(
            "grid_section_4_strengthens_ex_ante_for_A",
            strengthen,
            "share with endogenous cut minus share with exogenous cut",
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
