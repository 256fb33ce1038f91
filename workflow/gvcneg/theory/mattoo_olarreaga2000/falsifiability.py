"""Can each check fail? The claims re-evaluated under deliberate perturbations.

Only a perturbation that violates a premise the paper states, named and quoted
(:data:`PREMISE_PERTURBATIONS`: no preference change, substitute or independent tariffs, a
contract curve that does not shift, another terms-of-trade share), can falsify: every claim is
re-checked under each of them, and the row says whether that is a falsification (holds ->
fails), robustness (the verdict does not move) or shows that a failing claim can hold
(gvcneg.ledger.falsification). The other perturbations change our rules (the credited base
swapped, the ex-ante credit's effect on period T dropped, tariffs swapped), a check (alpha read
as the cut, a sign flipped) or the calibration (B's welfare weight, kappa x 60): they test our
code and are listed as sanity checks, never as falsification. The whole chain (baseline
scenarios, robustness grid, computed quantities, ledger comparison) is re-run under each one,
so a row says what the same code reports. The test suite requires a falsification row for
every result the ledger calls reproduced.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from gvcneg.ledger.claims import claims_frame
from gvcneg.ledger.compare import REPRODUCED, compare_one
from gvcneg.ledger.falsification import COLUMNS
from gvcneg.ledger.falsification import row as falsification_row
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

HOLDS, FAILS, UNTESTABLE = "holds", "fails", "untestable"

Frame = Callable[[pd.DataFrame], pd.DataFrame]


@dataclass(frozen=True)
class Perturbation:
    """One deliberate change: of the inputs, of the rules, of the solved frame, or of premises.

    ``violates``/``quote``: the paper's premise it violates and the paper's words (both empty
    for a sanity check: a changed rule, check or calibration)."""

    name: str
    inputs: Frame | None = None
    variant: ModelVariant = PAPER
    solved: Frame | None = None
    premises: Callable[[dict], dict] | None = None
    keywords: dict = field(default_factory=dict)
    violates: str = ""
    quote: str = ""


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
            violates="Sections 3-4: A's preference for economic efficiency increases",
            quote="faces an increase in its preference for economic efficiency",
        ),
        Perturbation(
            "premise violated: strategic substitutes (kappa sign flipped)",
            inputs=_assign(reciprocity=lambda f: -f["reciprocity"]),
            violates="Footnote 19 (section 3.1): strategic complements",
            quote="we assume here for exposition purposes that tariffs are strategic complements",
        ),
        Perturbation(
            f"very strong reciprocity term (kappa x {STRONG_RECIPROCITY_FACTOR})",
            inputs=_assign(reciprocity=lambda f: STRONG_RECIPROCITY_FACTOR * f["reciprocity"]),
        ),
        Perturbation(
            "premise violated: independent tariffs (reciprocity term dropped, kappa = 0)",
            inputs=_assign(reciprocity=0.0),
            violates="Footnote 19 (section 3.1): strategic complements",
            quote="we assume here for exposition purposes that tariffs are strategic complements",
        ),
        Perturbation(
            "premise violated: the T-1 bindings do not bind in period T",
            variant=ModelVariant(unbound=True),
            violates="Section 3.1 (and footnote 20): the T-1 tariffs are bound",
            quote="A tariff increase is of course ruled out due to the fact that",
        ),
        Perturbation(
            "credited round ends on the old contract curve (A's new preferences ignored)",
            solved=_credited_round_on_old_curve,
            violates="Section 4: A's preference change shifts the contract curve",
            quote="The change in preferences in country A causes a shift in A's isovalue curves "
            "and hence in the contract curve",
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
            violates="Section 3.4: a terms-of-trade share of 30 percent",
            quote='"terms-of-trade" effects can explain up to 30 percent of the tariff variation',
        ),
        Perturbation(
            "premise: terms-of-trade share 50% instead of 30%",
            premises=lambda p: p | {"tot_share": 0.5},
            violates="Section 3.4: a terms-of-trade share of 30 percent",
            quote='"terms-of-trade" effects can explain up to 30 percent of the tariff variation',
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
    """One row per (claim, perturbation): every claim under every premise-violating
    perturbation (:data:`PREMISE_PERTURBATIONS`) and under the sanity checks ``assignment``
    gives it; the kind of each row from gvcneg.ledger.falsification."""
    unknown = {p for names in assignment.values() for p in names} - set(PERTURBATIONS)
    if unknown:
        raise KeyError(f"unknown perturbations: {sorted(unknown)}")
    baseline = verdicts(section, axes, targets)
    needed = sorted(
        {p for names in assignment.values() for p in names} | set(PREMISE_PERTURBATIONS)
    )
    perturbed = {name: verdicts(section, axes, targets, PERTURBATIONS[name]) for name in needed}
    rows = []
    for target in targets["targets"]:
        own = [n for n in assignment.get(target["id"], []) if n not in PREMISE_PERTURBATIONS]
        for name in [*PREMISE_PERTURBATIONS, *own]:
            p = PERTURBATIONS[name]
            rows.append(
                falsification_row(
                    target["id"],
                    name,
                    baseline[target["id"]],
                    perturbed[name][target["id"]],
                    p.violates,
                    p.quote,
                )
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
# Every claim is re-checked under each perturbation that violates a stated premise.
PREMISE_PERTURBATIONS = tuple(name for name, p in PERTURBATIONS.items() if p.quote)

# The sanity checks (changed rules, checks or calibration) each claim is also run under (short
# target ids); premise-violating perturbations are run for every claim anyway.
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
    "section4_fn23_T1_round": [B_AS_A],
    "section4_fn23_X_round": [B_AS_A],
    "grid_fn23_T1": [B_AS_A],
    "grid_fn23_X": [B_AS_A],
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
    "grid_reciprocity_worse": [B_FIVE],
}


def assignment(document: str) -> dict[str, list[str]]:
    """The assignment keyed by full target id (``<document>.<short id>``)."""
    return {f"{document}.{short}": names for short, names in ASSIGNMENT_SHORT.items()}
