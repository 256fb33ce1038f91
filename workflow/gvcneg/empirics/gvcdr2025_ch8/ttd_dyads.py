"""TTDs expanded to country pairs (section 8.4: "a dyadic panel dataset where the unit of
observation is a dyad-year").

Every pair of signatories of a deal forms a dyad from the signing year; an acceding country
forms dyads with every existing party from its accession year; the EU (code ``EUN``) stands for
its member states in the signing (or accession) year. Per dyad and theme we keep the first
signing year, and the first year of a deal coded ``binding`` by the footnote 15 coder (the
"Digital TTD x binding language" term of Table 8.A.5).
"""

from __future__ import annotations

from itertools import permutations

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch8.iso import EU_CODE, eu_members
from gvcneg.empirics.gvcdr2025_ch8.ttd_schema import accession_items, split_codes


def _members(codes: list[str], year: int) -> list[str]:
    out = []
    for code in codes:
        out.extend(eu_members(year) if code == EU_CODE else [code])
    return sorted(set(out))


def deal_dyads(deals: pd.DataFrame) -> pd.DataFrame:
    """Directed dyads of each deal: ttd_id, theme, exporter, importer, year (start), binding."""
    rows = []
    for deal in deals.itertuples(index=False):
        binding = deal.binding_language == "binding"
        year = int(deal.year_signed)
        parties = _members(split_codes(deal.signatories), year)
        rows.extend(
            (deal.ttd_id, deal.theme, e, i, year, binding) for e, i in permutations(parties, 2)
        )
        members = list(parties)
        for code, joined in sorted(
            accession_items(getattr(deal, "accessions", None)), key=lambda x: x[1]
        ):
            new = _members([code], joined)
            for n in new:
                for m in members:
                    if n != m:
                        rows.append((deal.ttd_id, deal.theme, n, m, joined, binding))
                        rows.append((deal.ttd_id, deal.theme, m, n, joined, binding))
            members = sorted(set(members) | set(new))
    columns = ["ttd_id", "theme", "exporter", "importer", "year", "binding"]
    return pd.DataFrame(rows, columns=columns).drop_duplicates()


def first_signing(dyads: pd.DataFrame) -> pd.DataFrame:
    """Per directed dyad and theme: first signing year, first binding-TTD year, deals signed."""
    first = dyads.groupby(["exporter", "importer", "theme"], as_index=False).agg(
        first_year=("year", "min"), n_deals=("ttd_id", "nunique")
    )
    binding = (
        dyads[dyads["binding"]]
        .groupby(["exporter", "importer", "theme"], as_index=False)["year"]
        .min()
        .rename(columns={"year": "first_binding_year"})
    )
    return first.merge(binding, on=["exporter", "importer", "theme"], how="left")


def signing_events(dyads: pd.DataFrame) -> pd.DataFrame:
    """Directed dyad-years in which a dyad signs at least one TTD of a theme."""
    events = dyads.groupby(["exporter", "importer", "theme", "year"], as_index=False).size()
    return events.rename(columns={"size": "n_signed"})


def add_ttd_variables(panel: pd.DataFrame, dyads: pd.DataFrame, theme: str) -> pd.DataFrame:
    """Add for one theme: ``ttd_signed`` (formation event in the year), ``ttd_ever``,
    ``ttd_first_year``, ``ttd_active`` (from first signing on), ``ttd_binding_active``."""
    sub = dyads[dyads["theme"] == theme]
    first = first_signing(sub).drop(columns="theme")
    events = signing_events(sub).drop(columns="theme")
    keys = ["exporter", "importer"]
    out = panel.merge(first, on=keys, how="left").merge(events, on=[*keys, "year"], how="left")
    out["ttd_signed"] = (out["n_signed"].fillna(0) > 0).astype(float)
    out["ttd_ever"] = out["first_year"].notna().astype(float)
    out["ttd_first_year"] = out["first_year"]
    out["ttd_active"] = (out["year"] >= out["first_year"]).astype(float)
    out["ttd_binding_active"] = (out["year"] >= out["first_binding_year"]).astype(float)
    return out.drop(columns=["first_year", "n_signed", "first_binding_year", "n_deals"])


def signatories_outside_panel(dyads: pd.DataFrame, economies) -> pd.DataFrame:
    """Signatory codes with no row in the dyad panel (e.g. Chinese Taipei, TWN, which has no
    WDI series): code, deals, directed TTD dyads lost. Every such dyad drops out of Figures
    8.6-8.10 and the models, so the rule reports them instead of losing them silently."""
    inside = set(economies)
    rows = []
    for code in sorted((set(dyads["exporter"]) | set(dyads["importer"])) - inside):
        involved = dyads[(dyads["exporter"] == code) | (dyads["importer"] == code)]
        rows.append(
            {
                "code": code,
                "deals": involved["ttd_id"].nunique(),
                "themes": ";".join(sorted(involved["theme"].unique())),
                "directed_dyads_lost": len(
                    involved[["exporter", "importer", "theme"]].drop_duplicates()
                ),
            }
        )
    return pd.DataFrame(rows, columns=["code", "deals", "themes", "directed_dyads_lost"])
