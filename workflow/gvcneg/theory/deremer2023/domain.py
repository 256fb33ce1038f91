"""The premises DeRemer (2023) states, as predicates on the robustness grid.

A claim is tested only where the premises its section states hold (its *domain*); the rest of
the grid is reported as an extension ("outside the paper's assumptions"), never folded into the
verdict. Each premise carries the paper's own words (seed 002); where a premise is our reading
of the text rather than a sentence of it, ``ours`` says so.

The grid frame has the government and public weights of both countries as columns
``{gov,pub}_{home,foreign}_{M,E}`` (see ``gvcneg.theory.deremer2023.grid.weights_at``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

#: Tolerance for "equal" weights on the grid (the grid's values are rounded to 1e-12).
EQUAL_TOL = 1e-9


@dataclass(frozen=True)
class Premise:
    name: str
    quote: str  # the paper's own words (formulas as the seed's LaTeX reads, in Unicode)
    location: str
    summary: str  # what it says, in a few words (the falsifiability table's "violates")
    ours: str = ""  # non-empty where the predicate is our reading of the words

    @property
    def label(self) -> str:
        return f"{self.location[0].upper()}{self.location[1:]}: {self.summary}"


PREMISES = {
    "governments_above_one": Premise(
        "governments_above_one",
        "The objective includes standard political economy weights γ_M^G, γ_E^G, γ_M^G*, and "
        "γ_E^G* which are all greater than one",
        "section 3.1, text under equation (1)",
        "government weights greater than one",
    ),
    "public_export_below_government": Premise(
        "public_export_below_government",
        "All public export industry parameters are strictly less than those for the government",
        "section 3.1, text above equation (2)",
        "public export weights below the government's",
    ),
    "import_weights_equal": Premise(
        "import_weights_equal",
        "while we for now assume that import industry parameters are identical",
        "section 3.1, text above equation (2)",
        "public and government import weights equal",
    ),
    "public_import_at_most_government": Premise(
        "public_import_at_most_government",
        "we could relax this restriction and allow both γ_M^G > γ_M^W and γ_E^G > γ_E^W",
        "section 3.3, paragraph on the (3/2) condition",
        "public import weights at most the government's",
    ),
    "import_gap_within_three_halves": Premise(
        "import_gap_within_three_halves",
        "We just require that (γ_M^G - γ_M^W) < (3/2)(γ_E^G - γ_E^W) so the public's desire for "
        "import protection is not too much weaker than the government's",
        "section 3.3, paragraph on the (3/2) condition",
        "the public's import-weight gap within 3/2 of its export-weight gap",
    ),
    "public_weights_at_least_one": Premise(
        "public_weights_at_least_one",
        "We still allow the possibility of some externalities in output for the import or "
        "export sector which could reflect in a reduced-form way positive externalities of "
        "strategic export industries or dynamic transition costs of import industries",
        "section 3.1, text above equation (2)",
        "public weights at least one (our reading: positive externalities)",
        ours=(
            "our reading: the public's weights are welfare (1) plus positive externalities, so "
            "at least one; the paper gives no explicit lower bound, and the grid below 1 is "
            "reported as an extension"
        ),
    ),
    "convexity": Premise(
        "convexity",
        "this condition is sufficient due to the convexity of the problem",
        "section 3.2",
        "convexity of the problem (not a grid domain: checked at Figure 1's weights)",
    ),
    "symmetric_countries": Premise(
        "symmetric_countries",
        "First we consider the case in which the political parameters are symmetric",
        "section 3.3 (equation (7), the (3/2) condition, Figure 1)",
        "symmetric political parameters",
    ),
}


def _weights(frame: pd.DataFrame, who: str) -> pd.DataFrame:
    return frame[
        [f"{who}_{country}_{sector}" for country in ("home", "foreign") for sector in "ME"]
    ]


def premise_holds(frame: pd.DataFrame, name: str) -> pd.Series:
    """Where one premise holds on the grid (boolean Series aligned with ``frame``)."""
    if name == "governments_above_one":
        return (_weights(frame, "gov") > 1.0).all(axis=1)
    if name == "public_export_below_government":
        return (frame["pub_home_E"] < frame["gov_home_E"] - EQUAL_TOL) & (
            frame["pub_foreign_E"] < frame["gov_foreign_E"] - EQUAL_TOL
        )
    if name == "import_weights_equal":
        return ((frame["pub_home_M"] - frame["gov_home_M"]).abs() <= EQUAL_TOL) & (
            (frame["pub_foreign_M"] - frame["gov_foreign_M"]).abs() <= EQUAL_TOL
        )
    if name == "public_import_at_most_government":
        return (frame["pub_home_M"] <= frame["gov_home_M"] + EQUAL_TOL) & (
            frame["pub_foreign_M"] <= frame["gov_foreign_M"] + EQUAL_TOL
        )
    if name == "import_gap_within_three_halves":
        return pd.Series(
            np.all(
                [
                    frame[f"gov_{c}_M"] - frame[f"pub_{c}_M"]
                    < 1.5 * (frame[f"gov_{c}_E"] - frame[f"pub_{c}_E"])
                    for c in ("home", "foreign")
                ],
                axis=0,
            ),
            index=frame.index,
        )
    if name == "public_weights_at_least_one":
        return (_weights(frame, "pub") >= 1.0 - EQUAL_TOL).all(axis=1)
    if name == "symmetric_countries":
        gov, pub = _weights(frame, "gov").to_numpy(), _weights(frame, "pub").to_numpy()
        return pd.Series(
            np.all(np.abs(gov[:, :2] - gov[:, 2:]) <= EQUAL_TOL, axis=1)
            & np.all(np.abs(pub[:, :2] - pub[:, 2:]) <= EQUAL_TOL, axis=1),
            index=frame.index,
        )
    raise KeyError(f"unknown premise {name!r}; expected one of {sorted(PREMISES)}")


def in_domain(frame: pd.DataFrame, premises: tuple[str, ...]) -> pd.Series:
    """Where all of a claim's premises hold."""
    mask = pd.Series(True, index=frame.index)
    for name in premises:
        mask &= premise_holds(frame, name)
    return mask
