"""The quantities the ledger compares with targets/nbt2015.yaml."""

from __future__ import annotations

import pandas as pd

from gvcneg.empirics.nbt2015.rta_counts import count_in
from gvcneg.ledger.claims import Claim, awaiting_data, claims_frame, computed

WTO_PLUS_NOTE = (
    "stand-in: DESTA v2.03 provision coding ({variables}; {n} of {coded} coded "
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


TREND_NOTE = (
    "stand-in: DESTA v2.03 provision coding ({variables}), {n} agreements signed {signed}; "
    "OLS slope of the area's presence on the signature year, percentage points per decade "
    "(HC1 p = {p:.2g})"
)


def wto_plus_trend_claims(trends: pd.DataFrame, provisions: dict) -> list[Claim]:
    """The uptake trend of each area by signature year (percentage points per decade)."""
    return [
        computed(
            f"wto_plus_trend_{row.area}",
            row.slope_pp,
            TREND_NOTE.format(
                variables=" or ".join(provisions[row.area]),
                n=row.agreements,
                signed=row.signed,
                p=row.p,
            ),
        )
        for row in trends.itertuples()
    ]


def stri_eu_claims(dispersion: pd.DataFrame) -> list[Claim]:
    """Footnote 5: share of STRI sectors where the EU members' levels are not all equal."""
    year = int(dispersion["year"].iloc[0])
    members = int(dispersion["members"].max())
    note = (
        f"OECD STRI {year}, overall index of {len(dispersion)} sectors, {members} EU member "
        f"states covered; largest spread {dispersion['range'].max():.3f} "
        f"({dispersion.loc[dispersion['range'].idxmax(), 'sector']})"
    )
    return [computed("stri_eu_share_sectors_differing", dispersion["differ"].mean(), note)]


def figure_2_claims() -> list[Claim]:
    source = (
        "GATS commitments and Doha (DDA) offers scored on the OECD STRI scale (the document: "
        "'The OECD's newly launched services restrictiveness index (STRI) database yields a "
        "similar result (see figure 2)'); not in the offline OECD STRI export"
    )
    note = (
        "actual-policy OECD STRI levels are available (oecd-stri); scores of commitments and "
        "offers are not (the World Bank's commitments/offers database, registry wb-stri-gats, "
        "would be a different index: our inference)"
    )
    return [
        awaiting_data("fig_2_water_in_the_gats", source, note),
        awaiting_data("dda_offer_to_actual_restrictiveness_ratio", source, note),
    ]


def nbt2015_claims(
    series, wto_plus, first_year, last_year, wto_year, trends=None, provisions=None, stri=None
):
    extra = []
    if trends is not None:
        extra += wto_plus_trend_claims(trends, provisions)
    if stri is not None:
        extra += stri_eu_claims(stri)
    return claims_frame(
        figure_1_claims(series, first_year, last_year, wto_year)
        + wto_plus_claims(wto_plus)
        + extra
        + figure_2_claims()
    )
