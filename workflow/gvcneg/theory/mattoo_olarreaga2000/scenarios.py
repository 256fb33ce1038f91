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
    Each step below adds its columns in turn (and may read the columns of the steps before).
    """
    missing = [c for c in PARAMETERS if c not in points]
    if missing:
        raise KeyError(f"parameter columns missing: {missing}")
    gov = governments_of(points)
    alpha = points["retention"].to_numpy(float)
    delta = points["discount"].to_numpy(float)
    out = {c: points[c].to_numpy() for c in points.columns}

    nash_A, nash_B, scale0, t0_A, t0_B = solve_round_T_minus_1(gov)
    out |= {"nash_A": nash_A, "nash_B": nash_B, "t0_scale": scale0, "t0_A": t0_A, "t0_B": t0_B}
    out |= _reactions_at_bindings(gov, alpha, delta, t0_A, t0_B)
    out["value_B_t0"] = gov.B.value(t0_A, t0_B)
    for rule in RULES:
        out |= _solve_rule(rule, gov, (t0_A, t0_B), alpha, delta, variant)
    upper = prohibitive_tariff(points["import_supply_slope"], points["export_supply_slope"])
    out |= _section_4(out, gov, len(points), upper)
    out |= _footnote_27(out, gov, upper)
    out |= _footnote_23(out, gov)
    out |= _inequality_6(out)
    reason = _invalid_reason(_validity_checks(out, gov, upper), len(points))
    out["valid"] = reason == ""
    out["invalid_reason"] = reason
    return pd.DataFrame(out)


def _reactions_at_bindings(gov, alpha, delta, t0_A, t0_B) -> dict:
    """Reaction functions at the bindings (Figure 1: does A's new optimum fall below t0_A?)."""
    factor = negotiating_currency_factor(alpha, delta)
    r_static_A, r_nc_A = reaction_of_A(gov.A_after), reaction_of_A(gov.A_after, factor)
    r_static_B, r_nc_B = reaction_of_B(gov.B), reaction_of_B(gov.B, factor)
    return {
        "slope_A": r_static_A.slope,
        "slope_B": r_static_B.slope,
        "optimum_A_no_credit_at_binding": r_nc_A(t0_B),
        "optimum_A_ex_ante_at_binding": r_static_A(t0_B),
        "optimum_B_static_at_binding": r_static_B(t0_A),
        "optimum_B_no_credit_at_binding": r_nc_B(t0_A),
        "optimum_A_before_no_credit_at_binding": reaction_of_A(gov.A_before, factor)(t0_B),
    }


def _solve_rule(rule, gov, t0, alpha, delta, variant) -> dict:
    """Periods T and T+1 (exogenous and endogenous cut) under one rule, and B's values."""
    T = solve_period_T(rule, gov, t0[0], t0[1], alpha, delta, variant)
    T1x = solve_round_T_plus_1_exogenous(rule, T, t0, alpha, variant)
    T1n_A, T1n_B, cut = solve_round_T_plus_1_endogenous(rule, gov, T, t0, variant)
    return {
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


def _section_4(out: dict, gov, n: int, upper) -> dict:
    """Section 4 / Figure 4: N (no-credit period-T tariffs), X and Y on the new contract curve;
    footnote 21's incentive compatibility; contract-curve slopes; trade at the bindings."""
    new = {}
    new["X_A"], new["X_B"] = out["T1n_no_credit_A"], out["T1n_no_credit_B"]
    new["Y_A"], new["Y_B"] = out["T1n_ex_post_A"], out["T1n_ex_post_B"]
    new["cut_X"], new["cut_Y"] = out["cut_no_credit"], out["cut_ex_post"]
    # Footnote 21: the negotiated deal must be "incentive compatible for both countries". The
    # disagreement point of round T+1 is N, where "at the beginning of period T+1 we are"
    # (section 4). Gains of each government from the no-credit round (N -> X) and of B from the
    # credited round (N -> Y); A is valued with its new preferences.
    N = (out["T_no_credit_A"], out["T_no_credit_B"])
    new["value_A_N"] = gov.A_after.value(*N)
    new["value_A_X"] = gov.A_after.value(new["X_A"], new["X_B"])
    new["value_A_Y"] = gov.A_after.value(new["Y_A"], new["Y_B"])
    new["gain_A_no_credit_round"] = new["value_A_X"] - new["value_A_N"]
    new["gain_B_no_credit_round"] = out["value_B_T1n_no_credit"] - out["value_B_T_no_credit"]
    new["gain_B_credit_round"] = out["value_B_T1n_ex_post"] - out["value_B_T_no_credit"]
    tol = 1e-12
    new["accepts_A_no_credit_round"] = new["gain_A_no_credit_round"] >= -tol
    new["accepts_B_no_credit_round"] = new["gain_B_no_credit_round"] >= -tol
    new["cc_slope_X"] = contract_curve_slope(gov.A_after, gov.B, new["X_A"], new["X_B"])
    new["cc_slope_Y"] = contract_curve_slope(gov.A_after, gov.B, new["Y_A"], new["Y_B"])
    new["cc_slope_t0_before"] = contract_curve_slope(gov.A_before, gov.B, out["t0_A"], out["t0_B"])
    new["prohibitive_tariff"] = np.broadcast_to(upper, (n,))
    # Imports are linear in the own tariff: at t they are (1 - t / prohibitive) of free trade.
    new["trade_share_t0"] = 1 - np.maximum(out["t0_A"], out["t0_B"]) / new["prohibitive_tariff"]
    new["nash_share_of_prohibitive"] = (
        np.maximum(out["nash_A"], out["nash_B"]) / new["prohibitive_tariff"]
    )
    return new


def _footnote_27(out: dict, gov, upper) -> dict:
    """Footnote 27: at a given tariff of B the new contract curve gives A a lower tariff.
    Checked at B tariffs 1/4, 1/2 and 3/4 of B's tariff at Y (where both curves exist); and
    the old contract curve along the ray through Y (is Y inside it?)."""
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
    return {
        "cc_shift_min_gap": np.where(all_missing, np.nan, filled.min(axis=0)),
        "cc_before_scale_on_Y_ray": ray_intersection(gov.A_before, gov.B, out["Y_A"], out["Y_B"]),
    }


def _footnote_23(out: dict, gov) -> dict:
    """Footnote 23: with equiproportionate cuts the negotiated point is on the contract curve
    only while cutting further benefits both; "when countries are not symmetric, the mutual
    benefits from reciprocal liberalization may terminate before the efficiency locus is
    reached. Our assumption would hold if the bargaining solution could be supported by
    side-payments" (the model has none). Along a ray the mutual benefit ends at the larger of
    the two governments' peaks; the contract curve is at the round's scale. Shortfall = (scale
    where mutual benefit ends) - (scale on the contract curve), in units of the round's base:
    0 where the premise holds, positive where one government would stop cutting first."""
    new = {}
    peak_A_T1 = ray_peak(gov.A_before, out["nash_A"], out["nash_B"])
    peak_B_T1 = ray_peak(gov.B, out["nash_A"], out["nash_B"])
    new["fn23_T1_peak_A"], new["fn23_T1_peak_B"] = peak_A_T1, peak_B_T1
    new["fn23_T1_shortfall"] = np.fmax(peak_A_T1, peak_B_T1) - out["t0_scale"]
    N_A, N_B = out["T_no_credit_A"], out["T_no_credit_B"]
    with np.errstate(divide="ignore", invalid="ignore"):
        scale_X = np.where(N_A > 0, out["X_A"] / N_A, np.nan)
    peak_A_X, peak_B_X = ray_peak(gov.A_after, N_A, N_B), ray_peak(gov.B, N_A, N_B)
    new["fn23_X_peak_A"], new["fn23_X_peak_B"] = peak_A_X, peak_B_X
    new["fn23_X_shortfall"] = np.fmax(peak_A_X, peak_B_X) - scale_X
    return new


def _inequality_6(out: dict) -> dict:
    """Inequality (6) (section 3.4): averages of each tariff over T and T+1, and its sides."""
    new = {}
    for rule in RULES:
        new[f"avg_x_{rule}_A"] = 0.5 * (out[f"T_{rule}_A"] + out[f"T1x_{rule}_A"])
        new[f"avg_x_{rule}_B"] = 0.5 * (out[f"T_{rule}_B"] + out[f"T1x_{rule}_B"])
        new[f"avg_n_{rule}_A"] = 0.5 * (out[f"T_{rule}_A"] + out[f"T1n_{rule}_A"])
        new[f"avg_n_{rule}_B"] = 0.5 * (out[f"T_{rule}_B"] + out[f"T1n_{rule}_B"])
    t_N, t_star, t0_A = out["T_no_credit_A"], out["T_ex_ante_A"], out["t0_A"]
    with np.errstate(divide="ignore", invalid="ignore"):
        new["ineq6_lhs"] = (t_N - t_star) / (t0_A - t_N)
        new["credit_share_of_cut"] = (t_N - t_star) / (t0_A - t_star)
    return new


def _validity_checks(out: dict, gov, upper) -> list:
    """(reason, mask) for points where the model's premises fail."""
    eps = 1e-12
    nash_A, nash_B, scale0 = out["nash_A"], out["nash_B"], out["t0_scale"]
    slopes = out["slope_A"] * out["slope_B"]
    return [
        ("objective not concave in own tariff", (gov.A_before.qAA >= 0) | (gov.A_after.qAA >= 0)),
        ("objective not concave in own tariff", gov.B.qBB >= 0),
        ("reaction functions unstable", np.abs(slopes) >= 1),
        ("Nash tariffs not positive", (nash_A <= 0) | (nash_B <= 0)),
        ("Nash tariffs prohibitive", (nash_A >= upper) | (nash_B >= upper)),
        ("no contract curve on the Nash ray", ~np.isfinite(scale0) | (scale0 >= 1 - eps)),
        ("no new contract curve on a negotiation ray", ~np.isfinite(out["cut_X"] + out["cut_Y"])),
        (
            "negative period-T tariff",
            np.min([out[f"T_{r}_{c}"] for r in RULES for c in "AB"], axis=0) < 0,
        ),
    ]
