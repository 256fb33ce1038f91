"""The baseline scenarios of the figures, built from the config section."""

from __future__ import annotations

import pandas as pd

from gvcneg.theory.mattoo_olarreaga2000.scenarios import PARAMETERS
from gvcneg.theory.mattoo_olarreaga2000.specification import signed_reciprocity

SHIFTS = ("small", "large")


def baseline_points(section: dict) -> pd.DataFrame:
    """One row per preference change of the config (``small``, ``large``), model inputs only."""
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
    frame = pd.DataFrame(rows)
    return frame[["scenario", *PARAMETERS]]
