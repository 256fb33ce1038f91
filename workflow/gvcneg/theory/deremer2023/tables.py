"""Result tables of DeRemer (2023): equilibria and the section-4 power shift, per parameter case."""

from __future__ import annotations

from dataclasses import asdict

import numpy as np
import pandas as pd

from gvcneg.theory.deremer2023.equilibrium import (
    equation_7,
    nash_tariffs,
    outcome_table_rows,
    solve_public_preferred_tariffs,
    solve_reciprocity_stable_tariffs,
)
from gvcneg.theory.deremer2023.exact_condition import (
    PAPER_FACTOR,
    PUBLIC_MINUS_GOVERNMENT,
    counterexample,
)
from gvcneg.theory.deremer2023.model import CountryPair
from gvcneg.theory.deremer2023.political_optimum import compare_stable_point
from gvcneg.theory.deremer2023.power import power_shift
from gvcneg.theory.deremer2023.public_path import lower_tariffs_strictly_worse


def parameter_cases(section: dict) -> dict[str, tuple[CountryPair, CountryPair]]:
    """The config's parameter cases: the Figure 1 (symmetric) case and the asymmetric example."""
    return {
        "figure_1": (
            CountryPair.from_config(section["government"]),
            CountryPair.from_config(section["public"]),
        ),
        "asymmetric_example": (
            CountryPair.from_config(section["asymmetric_example"]["government"]),
            CountryPair.from_config(section["asymmetric_example"]["public"]),
        ),
    }


def table_equilibria(section: dict) -> pd.DataFrame:
    """Nash, reciprocity-stable (government) and public-preferred (W) outcomes per case, with
    equation (7) evaluated where the countries are symmetric."""
    rows = []
    for case, (government, public) in parameter_cases(section).items():
        symmetric = government.home == government.foreign
        for name, tariffs in (
            ("Nash", nash_tariffs(government)),
            ("Reciprocity-stable efficient (G)", solve_reciprocity_stable_tariffs(government)),
            ("Public-preferred reciprocal (W)", solve_public_preferred_tariffs(public)),
        ):
            for row in outcome_table_rows(case, name, tariffs, government, public):
                weights = public if name.endswith("(W)") else government
                own = weights.home if row["country"] == "Home" else weights.foreign
                closed = (
                    equation_7(own.gamma_M, own.gamma_E)
                    if symmetric and name != "Nash" and weights.home == weights.foreign
                    else float("nan")
                )
                rows.append({**row, "equation_7": closed})
    return pd.DataFrame(rows)


def table_power_shift(section: dict) -> pd.DataFrame:
    """lambda^R, d tau / d lambda and Remark 2's decomposition of Home's gain, per case."""
    rows = []
    for case, (government, public) in parameter_cases(section).items():
        stable = solve_reciprocity_stable_tariffs(government)
        rows.append({"case": case, **power_shift(stable, government, public).as_dict()})
    return pd.DataFrame(rows)


def table_remark_1_condition(section: dict) -> pd.DataFrame:
    """The counterexample to the 3/2 rule at Figure 1's government weights and the config's
    public export gap: closed-form and numerically solved tau^W - tau^G."""
    government = CountryPair.from_config(section["government"])
    public = CountryPair.from_config(section["public"])
    gm, ge = government.home.gamma_M, government.home.gamma_E
    gap_e = ge - public.home.gamma_E
    point = counterexample(gm, ge, gap_e)
    if point is None:
        return pd.DataFrame(columns=REMARK_1_CONDITION_COLUMNS)
    stable = solve_reciprocity_stable_tariffs(government)
    preferred = solve_public_preferred_tariffs(CountryPair.symmetric(*point.public))
    row = {
        "gamma_M_G": gm,
        "gamma_E_G": ge,
        "gamma_M_W": point.public[0],
        "gamma_E_W": point.public[1],
        "gap_M": point.gap_M,
        "gap_E": point.gap_E,
        "paper_bound_gap_M": float(PAPER_FACTOR) * point.gap_E,
        "exact_bound_gap_M": point.exact_ratio * point.gap_E,
        "tau_G": stable.tau_x,
        "tau_W": preferred.tau_x,
        "tau_W_minus_tau_G": preferred.tau_x - stable.tau_x,
        "closed_form_difference": float(PUBLIC_MINUS_GOVERNMENT(gm, ge, point.gap_M, point.gap_E)),
    }
    return pd.DataFrame([row], columns=REMARK_1_CONDITION_COLUMNS)


REMARK_1_CONDITION_COLUMNS = [
    "gamma_M_G",
    "gamma_E_G",
    "gamma_M_W",
    "gamma_E_W",
    "gap_M",
    "gap_E",
    "paper_bound_gap_M",
    "exact_bound_gap_M",
    "tau_G",
    "tau_W",
    "tau_W_minus_tau_G",
    "closed_form_difference",
]


def table_political_optimum(section: dict) -> pd.DataFrame:
    """Stable point against the limited-instrument efficient point and the political optimum
    with export policies: Figure 1's weights, every symmetric government on the grid's axes,
    and the asymmetric example (outside the paper's symmetric premise)."""
    grid = section["remark_grid"]
    axis = {
        k: np.round(np.linspace(grid[k]["min"], grid[k]["max"], grid[k]["points"]), 12)
        for k in ("gamma_M_G", "gamma_E_G")
    }
    cases = [("figure_1", CountryPair.from_config(section["government"]))]
    cases += [
        (f"symmetric_grid_{gm:g}_{ge:g}", CountryPair.symmetric(float(gm), float(ge)))
        for gm in axis["gamma_M_G"]
        for ge in axis["gamma_E_G"]
    ]
    cases.append(
        ("asymmetric_example", CountryPair.from_config(section["asymmetric_example"]["government"]))
    )
    rows = []
    for case, weights in cases:
        comparison = compare_stable_point(weights)
        rows.append(
            {
                "case": case,
                "symmetric": weights.home == weights.foreign,
                "gamma_M_home": weights.home.gamma_M,
                "gamma_E_home": weights.home.gamma_E,
                "gamma_M_foreign": weights.foreign.gamma_M,
                "gamma_E_foreign": weights.foreign.gamma_E,
                **asdict(comparison),
            }
        )
    return pd.DataFrame(rows)


def table_lower_tariffs(section: dict) -> pd.DataFrame:
    """Figure 1's public: tau^W and whether welfare rises strictly along the diagonal up to it."""
    public = CountryPair.from_config(section["public"])
    spec = section["lower_tariffs"]
    preferred = solve_public_preferred_tariffs(public)
    holds = lower_tariffs_strictly_worse(public, spec["tau_min"], spec["points"])
    return pd.DataFrame(
        [
            {
                "case": "figure_1",
                "tau_W": preferred.tau_x,
                "tau_min": spec["tau_min"],
                "points": spec["points"],
                "second_order_denominator": 59 - 9 * public.home.gamma_E - 8 * public.home.gamma_M,
                "lower_tariffs_strictly_worse": holds,
            }
        ]
    )
