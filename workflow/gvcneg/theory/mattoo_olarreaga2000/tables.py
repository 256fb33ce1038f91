"""Tables of the baseline: tariffs and B's values under each rule; the reaction-function check."""

from __future__ import annotations

import numpy as np
import pandas as pd

from gvcneg.theory.mattoo_olarreaga2000.numeric_economy import numerical_best_response
from gvcneg.theory.mattoo_olarreaga2000.reactions import reaction_function_callable
from gvcneg.theory.mattoo_olarreaga2000.rules import RULE_LABELS, RULES


def table_rule_outcomes(solved: pd.DataFrame) -> pd.DataFrame:
    """Per scenario and rule: tariffs in T-1, T, T+1 (exogenous and endogenous cut), averages,
    and B's values (per period and intertemporal)."""
    rows = []
    for _, row in solved.iterrows():
        for rule in RULES:
            rows.append(
                {
                    "scenario": row["scenario"],
                    "rule": RULE_LABELS[rule],
                    "t_A T-1": row["t0_A"],
                    "t_B T-1": row["t0_B"],
                    "t_A T": row[f"T_{rule}_A"],
                    "t_B T": row[f"T_{rule}_B"],
                    "t_A T+1 (exogenous cut)": row[f"T1x_{rule}_A"],
                    "t_B T+1 (exogenous cut)": row[f"T1x_{rule}_B"],
                    "average t_A (exogenous)": row[f"avg_x_{rule}_A"],
                    "t_A T+1 (contract curve)": row[f"T1n_{rule}_A"],
                    "t_B T+1 (contract curve)": row[f"T1n_{rule}_B"],
                    "cut T+1 (contract curve)": row[f"cut_{rule}"],
                    "V_B T": row[f"value_B_T_{rule}"],
                    "V_B T+1 (contract curve)": row[f"value_B_T1n_{rule}"],
                    "V_B before (B0)": row["value_B_t0"],
                }
            )
    return pd.DataFrame(rows)


def table_reaction_check(solved: pd.DataFrame, other_tariffs) -> pd.DataFrame:
    """Closed-form reaction functions (sympy) against numerical maximisation of the numerically
    computed objective, for both countries, static and intertemporal, at each scenario."""
    rows = []
    for _, row in solved.iterrows():
        for country in "AB":
            weight = row["welfare_weight_A_after"] if country == "A" else row["welfare_weight_B"]
            for kind in ("static", "intertemporal"):
                closed = reaction_function_callable(country, kind)
                for other in other_tariffs:
                    formula = float(
                        closed(
                            other,
                            row["import_supply_slope"],
                            row["export_supply_slope"],
                            row["reciprocity"],
                            weight,
                            row["retention"],
                            row["discount"],
                        )
                    )
                    numeric = numerical_best_response(
                        country,
                        other,
                        row["import_supply_slope"],
                        row["export_supply_slope"],
                        row["reciprocity"],
                        weight,
                        retention=row["retention"] if kind == "intertemporal" else None,
                        discount=row["discount"],
                    )
                    rows.append(
                        {
                            "scenario": row["scenario"],
                            "country": country,
                            "reaction": kind,
                            "other tariff": float(other),
                            "closed form": formula,
                            "numerical": float(numeric),
                            "abs difference": abs(formula - float(numeric)),
                        }
                    )
    return pd.DataFrame(rows)


def reaction_check_points(t_max: float, n: int = 5) -> np.ndarray:
    return np.linspace(0.0, t_max, n)
