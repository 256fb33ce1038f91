"""The baseline scenarios of the figures, built from the config section.

``small`` and ``large`` are A's two preference changes of Figure 1; ``strong_complements`` is
the large change with the overrides of ``strong_complements`` in the config: Figure 2 (section
3.3.3) needs B's reaction slope to exceed the proportional cut of round T-1, which in our
economy only a strong reciprocity term gives, and there the premises of section 4 fail (the
report shows both on the grid). Sections 3.1, 3.4 and 4 are read at ``small``/``large``.
"""

from __future__ import annotations

import pandas as pd

from gvcneg.theory.mattoo_olarreaga2000.scenarios import PARAMETERS
from gvcneg.theory.mattoo_olarreaga2000.specification import signed_reciprocity

SHIFTS = ("small", "large")
FIGURE_2_SCENARIO = "strong_complements"


def baseline_points(section: dict) -> pd.DataFrame:
    """One row per scenario (``small``, ``large``, ``strong_complements``), model inputs only."""
    economy = section["economy"]
    politics = section["politics"]
    kappa = signed_reciprocity(politics["tariff_interaction"], politics["reciprocity_strength"])
    rows = []
    for shift in SHIFTS:
        rows.append(
            {
                "scenario": shift,
                "import_supply_slope": economy["import_supply_slope"],
                "export_supply_slope": economy["export_supply_slope"],
                "reciprocity": kappa,
                "welfare_weight_A_before": politics["welfare_weight_before"]["A"],
                "welfare_weight_A_after": section["preference_change"][shift],
                "welfare_weight_B": politics["welfare_weight_before"]["B"],
                "retention": section["rounds"]["retention"],
                "discount": section["rounds"]["discount"],
            }
        )
    strong = section["strong_complements"]
    rows.append(
        rows[-1]
        | {
            "scenario": FIGURE_2_SCENARIO,
            "reciprocity": strong["reciprocity"],
            "welfare_weight_B": strong["welfare_weight_B"],
        }
    )
    frame = pd.DataFrame(rows)
    return frame[["scenario", *PARAMETERS]]
