"""Specification sweep behind National Board of Trade (2015)'s empirical verdicts: the
WTO-plus / WTO-beyond shares, their trend by signature year (both on DESTA, a declared
stand-in) and footnote 5's EU STRI dispersion, each on every combination of the choices the
document leaves open (config ``nbt2015.sweep``, main specification first). One row per
(specification, quantity), computed with the functions of the main pipeline.
"""

from __future__ import annotations

import pandas as pd

from gvcneg.empirics.nbt2015.claims import figure_1_claims
from gvcneg.empirics.nbt2015.rta_counts import rtas_in_force
from gvcneg.empirics.nbt2015.stri import eu_dispersion, share_of_sectors_differing
from gvcneg.empirics.nbt2015.wto_plus import (
    provision_shares,
    provision_trends,
    provisions_for,
    select_agreements,
)


def wto_plus_quantities(desta: pd.DataFrame, settings: dict, spec: dict) -> dict[str, float]:
    """Shares of agreements signed in [signed_from, signed_to] with each area."""
    chosen = select_agreements(
        desta,
        settings["signed_from"],
        int(spec["signed_to"]),
        bool(spec["base_treaties_only"]),
        bool(spec["wto_notified_only"]),
    )
    shares = provision_shares(chosen, provisions_for(desta, settings, spec["coding"]))
    return {f"wto_plus_share_{r.area}": r.share for r in shares.itertuples()}


def wto_plus_trend_quantities(desta: pd.DataFrame, settings: dict, spec: dict):
    """Uptake trend of each area (percentage points per decade), agreements signed from
    ``trend_signed_from`` to the document's window end."""
    chosen = select_agreements(
        desta,
        int(spec["trend_signed_from"]),
        settings["signed_to"],
        bool(spec["base_treaties_only"]),
        bool(spec["wto_notified_only"]),
    )
    trends = provision_trends(chosen, provisions_for(desta, settings, spec["coding"]))
    return {f"wto_plus_trend_{r.area}": r.slope_pp for r in trends.itertuples()}


def eu_members_in(year: int, settings: dict) -> list[str]:
    """EU member states (config ``stri_eu.members``) that had not left by ``year``."""
    departed = settings.get("departed", {})
    return [m for m in settings["members"] if year < departed.get(m, 10_000)]


def stri_eu_quantities(stri: pd.DataFrame, settings: dict, spec: dict) -> dict[str, float]:
    year = int(spec["year"])
    dispersion = eu_dispersion(stri, eu_members_in(year, settings), year)
    return {"stri_eu_share_sectors_differing": share_of_sectors_differing(dispersion)}


def rta_in_force_quantities(rtas: pd.DataFrame, settings: dict, spec: dict):
    """Figure 1's changes in the number of RTAs in force (both conventions)."""
    series = rtas_in_force(
        rtas, settings["first_year"], settings["last_year"], spec["inactive"] == "counted"
    )
    found = figure_1_claims(
        series, settings["first_year"], settings["last_year"], settings["wto_year"]
    )
    return {c.quantity: c.value for c in found if c.status == "computed"}


FAMILIES = {
    "rta_in_force": ("rtas", "figure_1", rta_in_force_quantities),
    "wto_plus": ("desta", "wto_plus", wto_plus_quantities),
    "wto_plus_trend": ("desta", "wto_plus", wto_plus_trend_quantities),
    "stri_eu": ("stri", "stri_eu", stri_eu_quantities),
}


def evaluate_family(family: str, frame: pd.DataFrame, cfg: dict, specs, names) -> pd.DataFrame:
    """Every specification of one family: family, specification, choices, quantity, value."""
    _, section, function = FAMILIES[family]
    rows = []
    for name, spec in zip(names, specs, strict=True):
        for quantity, value in function(frame, cfg[section], spec).items():
            rows.append(
                {
                    "family": family,
                    "specification": name,
                    **spec,
                    "quantity": quantity,
                    "value": float(value),
                }
            )
    return pd.DataFrame(rows)
