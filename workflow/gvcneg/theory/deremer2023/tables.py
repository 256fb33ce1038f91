"""Result tables of DeRemer (2023): equilibria and the section-4 power shift, per parameter case."""

from __future__ import annotations

import pandas as pd

from gvcneg.theory.deremer2023.equilibrium import (
    equation_7,
    nash_tariffs,
    outcome_table_rows,
    solve_public_preferred_tariffs,
    solve_reciprocity_stable_tariffs,
)
from gvcneg.theory.deremer2023.model import CountryPair
from gvcneg.theory.deremer2023.power import power_shift


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
