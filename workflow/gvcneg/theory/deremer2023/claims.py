"""The quantities of DeRemer (2023) that the targets registry asks about (computed.csv)."""

from __future__ import annotations

import pandas as pd

from gvcneg.ledger.claims import Claim, computed


def _outcome(equilibria: pd.DataFrame, case: str, equilibrium: str, country: str) -> float:
    row = equilibria[
        (equilibria["case"] == case)
        & (equilibria["equilibrium"].str.startswith(equilibrium))
        & (equilibria["country"] == country)
    ]
    (value,) = row["import_tariff"]
    return float(value)


def deremer2023_claims(
    equilibria: pd.DataFrame, power: pd.DataFrame, grid_summary: pd.DataFrame
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
        claims.append(
            computed(
                f"grid_share.{row['claim']}.{row['scope']}",
                row["share_holds"],
                f"{row['holds']} of {row['points']} valid grid points",
            )
        )
    return claims
