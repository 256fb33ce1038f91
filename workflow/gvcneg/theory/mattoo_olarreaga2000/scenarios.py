"""Solve a table of parameter points: every period under every rule, vectorised.

The baseline of the figures is a table of one row; the robustness grid is a table of many rows.
Input columns (:data:`PARAMETERS`); output: one row per point with the tariffs of each period
and rule, B's values, each government's gain from the no-credit round of section 4 (its
participation, footnote 21), T-1 trade relative to free trade, the diagnostics the claims need,
and a validity flag with its reason.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from gvcneg.theory.mattoo_olarreaga2000.contract_curve import (
    contract_curve_slope,
    contract_curve_tA,
    ray_intersection,
)
from gvcneg.theory.mattoo_olarreaga2000.reactions import (
    negotiating_currency_factor,
    reaction_of_A,
    reaction_of_B,
)
from gvcneg.theory.mattoo_olarreaga2000.rules import (
    PAPER,
    RULES,
    Governments,
    ModelVariant,
    solve_period_T,
    solve_round_T_minus_1,
    solve_round_T_plus_1_endogenous,
    solve_round_T_plus_1_exogenous,
)
from gvcneg.theory.mattoo_olarreaga2000.specification import (
    Economy,
    objective_coefficients,
    prohibitive_tariff,
)

PARAMETERS = [
    "import_supply_slope",  # lambda
    "export_supply_slope",  # mu
    "reciprocity",  # kappa
    "welfare_weight_A_before",  # a^A in T-1
    "welfare_weight_A_after",  # a^A from period T on
    "welfare_weight_B",  # a^B (unchanged)
    "retention",  # alpha: share of the base kept after the T+1 round (cut = 1 - alpha)
    "discount",  # delta
]


def governments_of(points: pd.DataFrame) -> Governments:
    economy = Economy(
        points["import_supply_slope"].to_numpy(float),
        points["export_supply_slope"].to_numpy(float),
        points["reciprocity"].to_numpy(float),
    )
    return Governments(
        A_before=objective_coefficients(economy, points["welfare_weight_A_before"], "A"),
        A_after=objective_coefficients(economy, points["welfare_weight_A_after"], "A"),
        B=objective_coefficients(economy, points["welfare_weight_B"], "B"),
    )


def ray_peak(V, base_A, base_B):
    """Scale s at which V(s base_A, s base_B) peaks along the ray of equiproportionate cuts."""
    linear = V.cA * base_A + V.cB * base_B
    curvature = V.qAA * base_A * base_A + 2 * V.qAB * base_A * base_B + V.qBB * base_B * base_B
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(curvature < 0, -linear / curvature, np.nan)


def _invalid_reason(checks: list[tuple[str, np.ndarray]], n: int) -> np.ndarray:
    reason = np.full(n, "", dtype=object)
    for name, bad in checks:
        bad = np.broadcast_to(np.asarray(bad, dtype=bool), (n,))
        reason = np.where((reason == "") & bad, name, reason)
    return reason


def solve_scenarios(points: pd.DataFrame, variant: ModelVariant = PAPER) -> pd.DataFrame:
    """All periods and rules at every point (see the module docstring).

    ``variant`` perturbs the rules (falsifiability checks); the default is the paper's model.
    """
    missing = [c for c in PARAMETERS if c not in points]
    if missing:
        raise KeyError(f"parameter columns missing: {missing}")
    n = len(points)
    gov = governments_of(points)
    alpha = points["retention"].to_numpy(float)
    delta = points["discount"].to_numpy(float)
    out = {c: points[c].to_numpy() for c in points.columns}

    nash_A, nash_B, scale0, t0_A, t0_B = solve_round_T_minus_1(gov)
    t0 = (t0_A, t0_B)
    out |= {"nash_A": nash_A, "nash_B": nash_B, "t0_scale": scale0, "t0_A": t0_A, "t0_B": t0_B}

    # Reaction functions at the bindings (Figure 1: does A's new optimum fall below t0_A?).
    factor = negotiating_currency_factor(alpha, delta)
    r_static_A, r_nc_A = reaction_of_A(gov.A_after), reaction_of_A(gov.A_after, factor)
    r_static_B, r_nc_B = reaction_of_B(gov.B), reaction_of_B(gov.B, factor)
    out["slope_A"] = r_static_A.slope
    out["slope_B"] = r_static_B.slope
    out["optimum_A_no_credit_at_binding"] = r_nc_A(t0_B)
    out["optimum_A_ex_ante_at_binding"] = r_static_A(t0_B)
    out["optimum_B_static_at_binding"] = r_static_B(t0_A)
    out["optimum_B_no_credit_at_binding"] = r_nc_B(t0_A)
    out["optimum_A_before_no_credit_at_binding"] = reaction_of_A(gov.A_before, factor)(t0_B)

    B0 = gov.B.value(t0_A, t0_B)
    out["value_B_t0"] = B0
    for rule in RULES:
        T = solve_period_T(rule, gov, t0_A, t0_B, alpha, delta, variant)
        T1x = solve_round_T_plus_1_exogenous(rule, T, t0, alpha, variant)
        T1n_A, T1n_B, cut = solve_round_T_plus_1_endogenous(rule, gov, T, t0, variant)
        out |= {
            f"T_{rule}_A": T[0],
            f"T_{rule}_B": T[1],
            f"T1x_{rule}_A": T1x[0],
            f"T1x_{rule}_B": T1x[1],
            f"T1n_{rule}_A": T1n_A,
            f"T1n_{rule}_B": T1n_B,
            f"cut_{rule}": cut,
            f"value_B_T_{rule}": gov.B.value(*T),
            f"value_B_T1x_{rule}": gov.B.value(*T1x),
            f"value_B_T1n_{rule}": gov.B.value(T1n_A, T1n_B),
            f"value_B_x_{rule}": gov.B.value(*T) + delta * gov.B.value(*T1x),
            f"value_B_n_{rule}": gov.B.value(*T) + delta * gov.B.value(T1n_A, T1n_B),
        }

    # Section 4 / Figure 4: N (no-credit period-T tariffs), X and Y on the new contract curve.
    out["X_A"], out["X_B"] = out["T1n_no_credit_A"], out["T1n_no_credit_B"]
    out["Y_A"], out["Y_B"] = out["T1n_ex_post_A"], out["T1n_ex_post_B"]
    out["cut_X"], out["cut_Y"] = out["cut_no_credit"], out["cut_ex_post"]
    # Footnote 21: the negotiated deal must be "incentive compatible for both countries". The
    # disagreement point of round T+1 is N, where "at the beginning of period T+1 we are"
    # (section 4). Gains of each government from the no-credit round (N -> X) and of B from the
    # credited round (N -> Y); A is valued with its new preferences.
    N = (out["T_no_credit_A"], out["T_no_credit_B"])
    out["value_A_N"] = gov.A_after.value(*N)
    out["value_A_X"] = gov.A_after.value(out["X_A"], out["X_B"])
    out["value_A_Y"] = gov.A_after.value(out["Y_A"], out["Y_B"])
    out["gain_A_no_credit_round"] = out["value_A_X"] - out["value_A_N"]
    out["gain_B_no_credit_round"] = out["value_B_T1n_no_credit"] - out["value_B_T_no_credit"]
    out["gain_B_credit_round"] = out["value_B_T1n_ex_post"] - out["value_B_T_no_credit"]
    tol = 1e-12
    out["accepts_A_no_credit_round"] = out["gain_A_no_credit_round"] >= -tol
    out["accepts_B_no_credit_round"] = out["gain_B_no_credit_round"] >= -tol
    out["cc_slope_X"] = contract_curve_slope(gov.A_after, gov.B, out["X_A"], out["X_B"])
    out["cc_slope_Y"] = contract_curve_slope(gov.A_after, gov.B, out["Y_A"], out["Y_B"])
    out["cc_slope_t0_before"] = contract_curve_slope(gov.A_before, gov.B, t0_A, t0_B)
    upper = prohibitive_tariff(points["import_supply_slope"], points["export_supply_slope"])
    out["prohibitive_tariff"] = np.broadcast_to(upper, (n,))
    # Imports are linear in the own tariff: at t they are (1 - t / prohibitive) of free trade.
    out["trade_share_t0"] = 1 - np.maximum(t0_A, t0_B) / out["prohibitive_tariff"]
    out["nash_share_of_prohibitive"] = np.maximum(nash_A, nash_B) / out["prohibitive_tariff"]
    # Footnote 27: the new contract curve gives A a lower tariff at B's T-1 tariff.
    # Footnote 27: at a given tariff of B the new contract curve gives A a lower tariff.
    # Checked at B tariffs 1/4, 1/2 and 3/4 of B's tariff at Y (where both curves exist).
    gaps = []
    for fraction in (0.25, 0.5, 0.75):
        y = fraction * out["T1n_ex_post_B"]
        gaps.append(
            contract_curve_tA(gov.A_before, gov.B, y, upper)
            - contract_curve_tA(gov.A_after, gov.B, y, upper)
        )
    stacked = np.vstack(gaps)
    all_missing = np.all(np.isnan(stacked), axis=0)
    filled = np.where(np.isnan(stacked), np.inf, stacked)
    out["cc_shift_min_gap"] = np.where(all_missing, np.nan, filled.min(axis=0))
    # The old contract curve along the ray through Y (is Y inside it?).
    scale_old_Y = ray_intersection(gov.A_before, gov.B, out["Y_A"], out["Y_B"])
    out["cc_before_scale_on_Y_ray"] = scale_old_Y

    # Footnote 23: with equiproportionate cuts the negotiated point is on the contract curve
    # only while cutting further benefits both; "when countries are not symmetric, the mutual
    # benefits from reciprocal liberalization may terminate before the efficiency locus is
    # reached. Our assumption would hold if the bargaining solution could be supported by
    # side-payments" (the model has none). Along a ray the mutual benefit ends at the larger of
    # the two governments' peaks; the contract curve is at the round's scale. Shortfall = (scale
    # where mutual benefit ends) - (scale on the contract curve), in units of the round's base:
    # 0 where the premise holds, positive where one government would stop cutting first.
    peak_A_T1 = ray_peak(gov.A_before, nash_A, nash_B)
    peak_B_T1 = ray_peak(gov.B, nash_A, nash_B)
    out["fn23_T1_peak_A"], out["fn23_T1_peak_B"] = peak_A_T1, peak_B_T1
    out["fn23_T1_shortfall"] = np.fmax(peak_A_T1, peak_B_T1) - scale0
    N_A, N_B = N
    with np.errstate(divide="ignore", invalid="ignore"):
        scale_X = np.where(N_A > 0, out["X_A"] / N_A, np.nan)
    peak_A_X, peak_B_X = ray_peak(gov.A_after, N_A, N_B), ray_peak(gov.B, N_A, N_B)
    out["fn23_X_peak_A"], out["fn23_X_peak_B"] = peak_A_X, peak_B_X
    out["fn23_X_shortfall"] = np.fmax(peak_A_X, peak_B_X) - scale_X

    # Inequality (6) (section 3.4): averages of A's tariff over T and T+1 (exogenous cut).
    for rule in RULES:
        out[f"avg_x_{rule}_A"] = 0.5 * (out[f"T_{rule}_A"] + out[f"T1x_{rule}_A"])
        out[f"avg_x_{rule}_B"] = 0.5 * (out[f"T_{rule}_B"] + out[f"T1x_{rule}_B"])
        out[f"avg_n_{rule}_A"] = 0.5 * (out[f"T_{rule}_A"] + out[f"T1n_{rule}_A"])
        out[f"avg_n_{rule}_B"] = 0.5 * (out[f"T_{rule}_B"] + out[f"T1n_{rule}_B"])
    t_N, t_star = out["T_no_credit_A"], out["T_ex_ante_A"]
    with np.errstate(divide="ignore", invalid="ignore"):
        out["ineq6_lhs"] = (t_N - t_star) / (t0_A - t_N)
        out["credit_share_of_cut"] = (t_N - t_star) / (t0_A - t_star)

    eps = 1e-12
    checks = [
        ("objective not concave in own tariff", (gov.A_before.qAA >= 0) | (gov.A_after.qAA >= 0)),
        ("objective not concave in own tariff", gov.B.qBB >= 0),
        ("reaction functions unstable", np.abs(r_static_A.slope * r_static_B.slope) >= 1),
        ("Nash tariffs not positive", (nash_A <= 0) | (nash_B <= 0)),
        ("Nash tariffs prohibitive", (nash_A >= upper) | (nash_B >= upper)),
        ("no contract curve on the Nash ray", ~np.isfinite(scale0) | (scale0 >= 1 - eps)),
        ("no new contract curve on a negotiation ray", ~np.isfinite(out["cut_X"] + out["cut_Y"])),
        (
            "negative period-T tariff",
            np.min([out[f"T_{r}_{c}"] for r in RULES for c in "AB"], axis=0) < 0,
        ),
    ]
    reason = _invalid_reason(checks, n)
    out["valid"] = reason == ""
    out["invalid_reason"] = reason
    return pd.DataFrame(out)
