"""The computed quantities of this document for the ledger (``results/jackson_two_level/computed.csv``)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from gvcneg.ledger.claims import Claim, computed
from gvcneg.theory.jackson_two_level.properties import claim_shares

TRANSCRIPTION_NOTE = (
    "transcription check: value in the sourced facts table "
    "(workflow/gvcneg/theory/jackson_two_level/commentary_facts.yaml) against the target; "
    "not verified against trade or tariff data (none available offline)"
)


def monte_carlo_check(defection_paths: pd.DataFrame) -> tuple[float, float]:
    """Largest |Monte Carlo - closed form| agreement probability, absolute and in standard errors
    (standard error of the simulated share at the closed-form probability; points where the
    closed form is numerically 0 or 1 count only if the simulation differs from it)."""
    diff = (
        defection_paths["agreement_probability_mc"] - defection_paths["agreement_probability"]
    ).abs()
    se = defection_paths["mc_standard_error"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 1e-12, diff / se, np.where(diff > 1e-12, np.inf, 0.0))
    return float(diff.max()), float(np.max(z))


def collect_claims(
    property_evaluation: pd.DataFrame,
    facts: pd.DataFrame,
    illustration: pd.DataFrame,
    defection_paths: pd.DataFrame,
    optimal_tightening: pd.DataFrame,
    constraint_path: pd.DataFrame,
) -> list[Claim]:
    """Every quantity the targets registry asks about, plus the model results the report cites."""
    claims = []
    grid_size = len(property_evaluation)
    for quantity, share in claim_shares(property_evaluation).items():
        claims.append(computed(quantity, share, f"share over a grid of {grid_size} games"))
    for fact in facts.itertuples():
        claims.append(computed(f"fact_{fact.fact}", fact.value, TRANSCRIPTION_NOTE))
    for row in illustration.itertuples():
        claims.append(computed(row.quantity, row.value, "derived from the facts table"))
    max_diff, max_z = monte_carlo_check(defection_paths)
    claims.append(computed("monte_carlo_max_abs_difference", max_diff))
    claims.append(computed("monte_carlo_max_abs_z", max_z))
    claims.append(computed("monte_carlo_comparisons", len(defection_paths)))
    claims.append(
        computed("unconstrained_nash_depth", constraint_path["unconstrained_nash_depth"].iloc[0])
    )
    slack = constraint_path["home_threshold"].idxmax()
    claims.append(computed("outcome_depth_slack", constraint_path.loc[slack, "outcome_depth"]))
    deals = constraint_path[constraint_path["deal_exists"] == 1]
    claims.append(computed("tightest_home_threshold_with_deal", deals["home_threshold"].min()))
    for row in optimal_tightening.itertuples():
        tag = f"spread_{row.belief_spread:g}"
        claims.append(computed(f"best_home_threshold_{tag}", row.best_home_threshold))
        claims.append(
            computed(f"agreement_probability_at_best_{tag}", row.agreement_probability_at_best)
        )
    return claims
