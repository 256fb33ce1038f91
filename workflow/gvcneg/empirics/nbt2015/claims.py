"""The quantities the ledger compares with targets/nbt2015.yaml."""

from __future__ import annotations

import pandas as pd

from gvcneg.empirics.nbt2015.rta_counts import count_in
from gvcneg.ledger.claims import Claim, awaiting_data, claims_frame, computed

WTO_PLUS_NOTE = (
    "substitute source: DESTA v2.03 provision coding ({variables}; {n} of {coded} coded "
    "agreements signed {signed}) instead of the OECD (2014a) summary of the Horn-Mavroidis-Sapir "
    "/ World Bank coding"
)


def figure_1_claims(
    series: pd.DataFrame, first_year: int, last_year: int, wto_year: int
) -> list[Claim]:
    """Changes in the number of RTAs in force (each convention) over the document's window
    and since the WTO's founding."""
    claims = []
    for convention in ("agreements", "notifications"):
        start, end = (
            count_in(series, first_year, convention),
            count_in(series, last_year, convention),
        )
        wto = count_in(series, wto_year, convention)
        note = f"{convention}: {start} in {first_year}, {wto} in {wto_year}, {end} in {last_year}"
        claims.append(computed(f"rta_in_force_change_{convention}", end - start, note))
        claims.append(computed(f"rta_in_force_change_since_wto_{convention}", end - wto, note))
    claims.append(
        awaiting_data(
            "fig_1_plotted_values",
            "the values plotted in Figure 1 (the text extraction has only its title)",
            "both conventions are computed; with the plotted values the ledger would say "
            "which one the figure follows",
        )
    )
    return claims


def wto_plus_claims(table: pd.DataFrame) -> list[Claim]:
    """Shares (fractions) for the document's window: one claim per provision area."""
    claims = []
    for row in table[table["window"] == "document"].itertuples():
        note = WTO_PLUS_NOTE.format(
            variables=row.variables, n=row.with_provision, coded=row.coded, signed=row.signed
        )
        claims.append(computed(f"wto_plus_share_{row.area}", row.share, note))
    return claims


def figure_2_claims() -> list[Claim]:
    source = (
        "GATS commitments and Doha (DDA) offers scored on the services restrictiveness scale "
        "(registry: wb-stri-gats, not available offline)"
    )
    note = "actual-policy STRI levels are available (oecd-stri); the commitments and offers are not"
    return [
        awaiting_data("fig_2_water_in_the_gats", source, note),
        awaiting_data("dda_offer_to_actual_restrictiveness_ratio", source, note),
    ]


def nbt2015_claims(series, wto_plus, first_year, last_year, wto_year):
    return claims_frame(
        figure_1_claims(series, first_year, last_year, wto_year)
        + wto_plus_claims(wto_plus)
        + figure_2_claims()
    )
