"""Can each check fail? The claims re-evaluated under deliberate perturbations.

A perturbation violates a premise of the paper (substitute tariffs, no preference change,
B valuing welfare as A did), perturbs the model (the credited base swapped between rules, the
ex-ante credit's effect on period T dropped, a strong reciprocity term) or perturbs a check
(alpha read as the cut in inequality (6), the credit share measured against the wrong cut).
The whole chain (baseline scenarios, robustness grid, computed quantities, ledger comparison)
is re-run under each one, so a row says what the same code reports. A claim whose verdict no
perturbation changes could not fail: the test suite requires a failing row for every claim of
basis ``document``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from gvcneg.ledger.claims import claims_frame
from gvcneg.ledger.compare import REPRODUCED, compare_one
from gvcneg.theory.mattoo_olarreaga2000.baseline import baseline_points
from gvcneg.theory.mattoo_olarreaga2000.claims import (
    baseline_claims,
    grid_claims,
    illustration_premises,
    inequality_6_claims,
)
from gvcneg.theory.mattoo_olarreaga2000.figure_data import contract_curve_segment_slopes
from gvcneg.theory.mattoo_olarreaga2000.grid import build_grid, evaluate_claims, summarise_grid
from gvcneg.theory.mattoo_olarreaga2000.rules import CREDITED_BASE, PAPER, ModelVariant
from gvcneg.theory.mattoo_olarreaga2000.scenarios import PARAMETERS, solve_scenarios
from gvcneg.theory.mattoo_olarreaga2000.specification import interaction_of

COLUMNS = ["claim_id", "perturbation", "baseline_verdict", "perturbed_verdict", "can_fail"]
HOLDS, FAILS, UNTESTABLE = "holds", "fails", "untestable"

Frame = Callable[[pd.DataFrame], pd.DataFrame]


@dataclass(frozen=True)
class Perturbation:
    """One deliberate change: of the inputs, of the rules, of the solved frame, or of premises."""

    name: str
    inputs: Frame | None = None
    variant: ModelVariant = PAPER
    solved: Frame | None = None
    premises: Callable[[dict], dict] | None = None
    keywords: dict = field(default_factory=dict)


def _assign(**columns) -> Frame:
    def apply(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.assign(**{k: (v(frame) if callable(v) else v) for k, v in columns.items()})

    return apply


def _swap_period_T(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for country in "AB":
        a, b = f"T_no_credit_{country}", f"T_ex_ante_{country}"
        out[a], out[b] = frame[b], frame[a]
    return out


def _ex_ante_from_nash(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["T1x_ex_ante_A"] = frame["retention"] * frame["nash_A"]
    out["avg_x_ex_ante_A"] = 0.5 * (frame["T_ex_ante_A"] + out["T1x_ex_ante_A"])
    return out


STRONG_RECIPROCITY_FACTOR = 60
SWAPPED_BASE = tuple((rule, not credited) for rule, credited in CREDITED_BASE.items())
# A grid point of the section-4 domain where the credited round leaves B below B0 (found on
# the default grid; used to show that the Figure 5 check can also hold at a single point).
BELOW_B0_POINT = {
    "import_supply_slope": 1.0,
    "export_supply_slope": 4.0,
    "reciprocity": 1.0,
    "welfare_weight_A_before": 1.0,
    "welfare_weight_A_after": 2.328571428571,
    "welfare_weight_B": 1.5,
    "retention": 0.8,
}


def _credited_round_on_old_curve(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    scale = np.fmin(1.0, frame["cc_before_scale_on_Y_ray"])
    for country in "AB":
        out[f"T1n_ex_ante_{country}"] = scale * frame[f"t0_{country}"]
        out[f"avg_n_ex_ante_{country}"] = 0.5 * (
            frame[f"T_ex_ante_{country}"] + out[f"T1n_ex_ante_{country}"]
        )
    return out


PERTURBATIONS = {
    p.name: p
    for p in [
        Perturbation(
            "swap the period-T tariffs of no credit and ex-ante credit", solved=_swap_period_T
        ),
        Perturbation(
            "ex-ante credit without its period-T effect (negotiating-currency motive kept)",
            variant=ModelVariant(ex_ante_anticipates=True),
        ),
        Perturbation(
            "credited base swapped (no credit cut from T-1 bindings, credit rules from period T)",
            variant=ModelVariant(credited_base=SWAPPED_BASE),
        ),
        Perturbation(
            "premise violated: A's preferences do not change",
            inputs=_assign(welfare_weight_A_after=lambda f: f["welfare_weight_A_before"]),
        ),
        Perturbation(
            "premise violated: strategic substitutes (kappa sign flipped)",
            inputs=_assign(reciprocity=lambda f: -f["reciprocity"]),
        ),
        Perturbation(
            f"very strong reciprocity term (kappa x {STRONG_RECIPROCITY_FACTOR})",
            inputs=_assign(reciprocity=lambda f: STRONG_RECIPROCITY_FACTOR * f["reciprocity"]),
        ),
        Perturbation(
            "premise violated: independent tariffs (reciprocity term dropped, kappa = 0)",
            inputs=_assign(reciprocity=0.0),
        ),
        Perturbation(
            "credited round ends on the old contract curve (A's new preferences ignored)",
            solved=_credited_round_on_old_curve,
        ),
        Perturbation(
            "B weighs welfare half as much as A did before (a^B = a^A / 2)",
            inputs=_assign(welfare_weight_B=lambda f: 0.5 * f["welfare_weight_A_before"]),
        ),
        Perturbation(
            "B weighs welfare as A did before (a^B = a^A)",
            inputs=_assign(welfare_weight_B=lambda f: f["welfare_weight_A_before"]),
        ),
        Perturbation(
            "B weighs welfare 5 times more",
            inputs=_assign(welfare_weight_B=lambda f: 5 * f["welfare_weight_B"]),
        ),
        Perturbation(
            "check: alpha read as the cut in inequality (6)",
            solved=_assign(retention=lambda f: 1 - f["retention"]),
        ),
        Perturbation(
            "check: credit share measured against the no-credit cut",
            solved=_assign(credit_share_of_cut=lambda f: f["ineq6_lhs"]),
        ),
        Perturbation(
            "check: the contract-curve shift's sign flipped",
            solved=_assign(cc_shift_min_gap=lambda f: -f["cc_shift_min_gap"]),
        ),
        Perturbation(
            "ex-ante T+1 cut applied to the Nash tariffs",
            solved=_ex_ante_from_nash,
        ),
        Perturbation(
            "baseline moved to a section-4 grid point where B ends below B0",
            inputs=_assign(**BELOW_B0_POINT),
        ),
        Perturbation(
            "premise: terms-of-trade share 20% instead of 30%",
            premises=lambda p: p | {"tot_share": 0.2},
        ),
        Perturbation(
            "premise: terms-of-trade share 50% instead of 30%",
            premises=lambda p: p | {"tot_share": 0.5},
        ),
    ]
}


def _solve(points: pd.DataFrame, perturbation: Perturbation) -> pd.DataFrame:
    if perturbation.inputs is not None:
        points = perturbation.inputs(points)
    solved = solve_scenarios(points, perturbation.variant)
    if perturbation.solved is not None:
        solved = perturbation.solved(solved)
    return solved


def verdicts(
    section: dict, axes: dict, targets: dict, perturbation: Perturbation | None = None
) -> dict[str, str]:
    """holds / fails / untestable of every target, with the whole chain run under a perturbation."""
    perturbation = perturbation or Perturbation("none")
    min_trade_share = section["premises"]["min_trade_share"]
    solved = _solve(baseline_points(section), perturbation)
    grid = build_grid(axes)
    solved_grid = _solve(grid[PARAMETERS], perturbation)
    results = pd.concat(
        [
            grid[["point_id"]],
            solved_grid[["valid"]],
            evaluate_claims(solved_grid, min_trade_share),
        ],
        axis=1,
    )
    kappa = perturbation.inputs(grid)["reciprocity"] if perturbation.inputs else grid["reciprocity"]
    results["interaction"] = [interaction_of(k) for k in kappa]
    premises = illustration_premises(targets)
    if perturbation.premises is not None:
        premises = perturbation.premises(premises)
    claims = (
        baseline_claims(solved, contract_curve_segment_slopes(solved))
        + grid_claims(summarise_grid(results))
        + inequality_6_claims(premises)
    )
    by_quantity = claims_frame(claims).set_index("quantity")
    out = {}
    for target in targets["targets"]:
        row = by_quantity.loc[target["quantity"]]
        if row["status"] != "computed" or not np.isfinite(row["value"]):
            out[target["id"]] = UNTESTABLE
            continue
        verdict, _ = compare_one(target["published"], target.get("tolerance", {}), row["value"])
        out[target["id"]] = HOLDS if verdict == REPRODUCED else FAILS
    return out


def falsifiability_table(
    section: dict, axes: dict, targets: dict, assignment: dict[str, list[str]]
) -> pd.DataFrame:
    """One row per (claim, assigned perturbation); ``can_fail``: the check reports fails there."""
    unknown = {p for names in assignment.values() for p in names} - set(PERTURBATIONS)
    if unknown:
        raise KeyError(f"unknown perturbations: {sorted(unknown)}")
    baseline = verdicts(section, axes, targets)
    needed = sorted({p for names in assignment.values() for p in names})
    perturbed = {name: verdicts(section, axes, targets, PERTURBATIONS[name]) for name in needed}
    rows = []
    for target in targets["targets"]:
        for name in assignment.get(target["id"], []):
            after = perturbed[name][target["id"]]
            rows.append(
                {
                    "claim_id": target["id"],
                    "perturbation": name,
                    "baseline_verdict": baseline[target["id"]],
                    "perturbed_verdict": after,
                    "can_fail": after == FAILS,
                }
            )
    return pd.DataFrame(rows, columns=COLUMNS)


SWAP = "swap the period-T tariffs of no credit and ex-ante credit"
NO_EX_ANTE = "ex-ante credit without its period-T effect (negotiating-currency motive kept)"
BASE = "credited base swapped (no credit cut from T-1 bindings, credit rules from period T)"
UNCHANGED = "premise violated: A's preferences do not change"
SUBSTITUTES = "premise violated: strategic substitutes (kappa sign flipped)"
KAPPA_30 = f"very strong reciprocity term (kappa x {STRONG_RECIPROCITY_FACTOR})"
KAPPA_0 = "premise violated: independent tariffs (reciprocity term dropped, kappa = 0)"
OLD_CURVE = "credited round ends on the old contract curve (A's new preferences ignored)"
B_HALF = "B weighs welfare half as much as A did before (a^B = a^A / 2)"
B_AS_A = "B weighs welfare as A did before (a^B = a^A)"
B_FIVE = "B weighs welfare 5 times more"
ALPHA_CUT = "check: alpha read as the cut in inequality (6)"
SHARE = "check: credit share measured against the no-credit cut"
CC_SIGN = "check: the contract-curve shift's sign flipped"
NASH_BASE = "ex-ante T+1 cut applied to the Nash tariffs"
MOVED = "baseline moved to a section-4 grid point where B ends below B0"
TOT_20 = "premise: terms-of-trade share 20% instead of 30%"
TOT_50 = "premise: terms-of-trade share 50% instead of 30%"

# Which perturbations each claim is checked under (short target ids). A claim that fails at the
# baseline also gets one under which it holds, to show its verdict is not fixed either way.
ASSIGNMENT_SHORT = {
    "fig1_small_change": [SWAP],
    "fig1_large_change": [UNCHANGED],
    "grid_liberalization_iff_below_binding": [SWAP],
    "grid_ex_ante_larger_cut": [SWAP],
    "fig1_small_change_ex_ante": [NO_EX_ANTE],
    "grid_ex_ante_triggers": [NO_EX_ANTE],
    "grid_no_reverse": [SWAP],
    "fig2_B_dragged_down": [SUBSTITUTES],
    "grid_B_may_cut": [KAPPA_0],
    "grid_weak_result": [SWAP],
    "fig3_ex_ante_lower_in_T": [NO_EX_ANTE],
    "fig3_no_credit_lower_in_T1": [BASE],
    "fig3_same_T1": [BASE],
    "grid_ex_post_dominated": [BASE],
    "grid_no_credit_dominates_ex_post": [BASE],
    "grid_no_unambiguous_dominance": [NO_EX_ANTE],
    "grid_ineq6_decides": [ALPHA_CUT],
    "grid_only_ex_ante_lower": [NASH_BASE],
    "grid_ineq6_share_form": [SHARE],
    "ineq6_bound_expression": [TOT_20],
    "ineq6_bound_rounded": [TOT_20],
    "ineq6_bound_above_uruguay": [TOT_20],
    "ineq6_uruguay_alpha_as_cut": [TOT_20],
    "ineq6_uruguay_alpha_as_retained_share": [TOT_50, TOT_20],
    "tot_share_model": [NO_EX_ANTE, SWAP],
    "section4_B_accepts_round": [B_AS_A],
    "section4_A_accepts_round": [B_FIVE],
    "grid_round_accepted": [B_HALF],
    "fig4_cut_larger_with_credit": [BASE],
    "grid_cut_larger_with_credit": [BASE],
    "fig4_contract_curve_slope": [KAPPA_30],
    "fig4_contract_curves_slope_whole": [KAPPA_30],
    "grid_contract_curve_slope": [KAPPA_0, KAPPA_30],
    "grid_contract_curve_closer": [CC_SIGN],
    "grid_B_average_lower": [BASE],
    "grid_endogenous_strengthens": [OLD_CURVE],
    "fig5_credit_lowers_B": [BASE],
    "fig5_below_B0": [MOVED, SWAP],
    "grid_credit_lowers_B": [BASE],
    "grid_below_B0": [BASE],
    "grid_ex_post_resisted": [BASE],
    "grid_ex_ante_acceptable": [NO_EX_ANTE],
    "grid_cut_larger_with_credit_outside": [BASE],
    "grid_contract_curve_slope_outside": [KAPPA_0, KAPPA_30],
    "grid_contract_curve_closer_outside": [CC_SIGN],
    "grid_B_average_lower_outside": [BASE],
    "grid_credit_lowers_B_outside": [BASE],
    "grid_below_B0_outside": [B_FIVE],
    "grid_ex_post_resisted_outside": [BASE],
    "grid_ex_ante_acceptable_outside": [NO_EX_ANTE],
    "grid_endogenous_strengthens_outside": [BASE],
    "appendix_reciprocity_baseline": [B_AS_A, SWAP],
    "grid_reciprocity_worse": [B_FIVE],
}


def assignment(document: str) -> dict[str, list[str]]:
    """The assignment keyed by full target id (``<document>.<short id>``)."""
    return {f"{document}.{short}": names for short, names in ASSIGNMENT_SHORT.items()}
