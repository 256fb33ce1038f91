"""The quantities of DeRemer (2023) that the targets registry asks about (computed.csv)."""

from __future__ import annotations

import pandas as pd

from gvcneg.ledger.claims import Claim, computed, untestable


def _outcome(equilibria: pd.DataFrame, case: str, equilibrium: str, country: str) -> float:
    row = equilibria[
        (equilibria["case"] == case)
        & (equilibria["equilibrium"].str.startswith(equilibrium))
        & (equilibria["country"] == country)
    ]
    (value,) = row["import_tariff"]
    return float(value)


def _flag(value) -> float:
    return 1.0 if str(value) in ("True", "1", "1.0") else 0.0


def deremer2023_claims(
    equilibria: pd.DataFrame,
    power: pd.DataFrame,
    grid_summary: pd.DataFrame,
    political_optimum: pd.DataFrame,
    remark_1_condition: pd.DataFrame,
    lower_tariffs: pd.DataFrame,
) -> list[Claim]:
    case = "figure_1"
    stable_home = _outcome(equilibria, case, "Reciprocity-stable", "Home")
    stable_foreign = _outcome(equilibria, case, "Reciprocity-stable", "Foreign")
    nash_home = _outcome(equilibria, case, "Nash", "Home")
    public_home = _outcome(equilibria, case, "Public-preferred", "Home")
    shift = power.set_index("case").loc[case]
    claims = [
        computed("stable_tariff_home_figure_1", stable_home, "numerical solve of conditions (6)"),
        computed("stable_tariff_foreign_figure_1", stable_foreign, "numerical solve of (6)"),
        computed("nash_minus_stable_tariff_figure_1", nash_home - stable_home),
        computed("public_minus_government_tariff_figure_1", public_home - stable_home),
        computed("dtau_x_dlambda_figure_1", shift["dtau_x_dlambda"]),
        computed("dtau_y_dlambda_figure_1", shift["dtau_y_dlambda"]),
        computed("terms_of_trade_gain_figure_1", shift["terms_of_trade"]),
        computed("import_rent_gain_figure_1", shift["import_rent"]),
        computed("export_rent_gain_figure_1", shift["export_rent"]),
        computed("home_public_gain_figure_1", shift["home_public_gain"]),
    ]
    for _, row in grid_summary.iterrows():
        if row["points"] == 0:
            claims.append(
                untestable(
                    f"grid_share.{row['claim']}.{row['region']}",
                    f"the configured grid has no solved point in this region ({row['region']}; "
                    f"{row['not_solved']} unsolved): widen remark_grid in config.yaml",
                )
            )
            continue
        claims.append(
            computed(
                f"grid_share.{row['claim']}.{row['region']}",
                row["share_holds"],
                f"{row['holds']} of {row['points']} grid points ({row['region']}); "
                f"{row['not_solved']} points of the region without the solve it needs",
            )
        )
    symmetric = political_optimum[political_optimum["symmetric"].map(_flag) == 1.0]
    for column in (
        "stable_vs_limited_instrument_efficient",
        "stable_vs_political_optimum_prices",
        "export_policy_ban_cost",
    ):
        claims.append(
            computed(
                f"max_{column}_symmetric",
                symmetric[column].abs().max(),
                f"largest absolute gap over {len(symmetric)} symmetric governments "
                "(Figure 1's and the grid's axes)",
            )
        )
    if len(remark_1_condition):
        point = remark_1_condition.iloc[0]
        claims.append(
            computed(
                "remark_1_condition_counterexample_gap",
                point["tau_W_minus_tau_G"],
                f"tau^W - tau^G (numerical solves) at gamma^G = ({point['gamma_M_G']:g}, "
                f"{point['gamma_E_G']:g}), gamma^W = ({point['gamma_M_W']:.6g}, "
                f"{point['gamma_E_W']:g}): d_M = {point['gap_M']:.6g} < 1.5 d_E = "
                f"{point['paper_bound_gap_M']:.6g} but > exact bound {point['exact_bound_gap_M']:.6g}",
            )
        )
    claims.append(
        computed(
            "lower_tariffs_worse_figure_1",
            _flag(lower_tariffs.iloc[0]["lower_tariffs_strictly_worse"]),
            "1 = both publics' welfare rises strictly along tau_x = tau_y* up to tau^W",
        )
    )
    return claims
