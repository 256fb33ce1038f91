"""Rule script: validate the user's TTD database and compute the deal-level descriptives."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch8 import descriptives as d
from gvcneg.empirics.gvcdr2025_ch8.coder_run import apply_coded_codes
from gvcneg.empirics.gvcdr2025_ch8.ttd_dyads import deal_dyads, first_signing
from gvcneg.empirics.gvcdr2025_ch8.ttd_schema import (
    INVESTMENT_COLUMNS,
    mappable,
    validate_ttd,
)
from gvcneg.empirics.gvcdr2025_ch8.ttd_template import read_user_ttd
from gvcneg.io import save_csv
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["gvcdr2025_ch8"]
    out = snakemake.output
    deals = read_user_ttd(snakemake.input.ttd)  # schema layout or the annexes' wide layout
    coded = pd.read_csv(snakemake.input.coded) if "coded" in snakemake.input.keys() else None
    deals, sources = apply_coded_codes(deals, coded, cfg["binding_language_from"])
    deals = validate_ttd(deals, file=f"{snakemake.input.ttd} (codes after the coder)")
    log.info("footnote-15 codes: %s", sources.groupby(["field", "source_used"]).size().to_dict())
    save_csv(sources, out.binding_sources)
    dyads = deal_dyads(deals)
    last = cfg["years"]["crm"][1]
    save_csv(deals, out.deals)
    save_csv(dyads, out.dyads)
    counts = d.deal_counts(deals)
    log.info("deal counts: %s", counts)
    save_csv(pd.DataFrame([counts]), out.deal_counts)
    years = range(cfg["years"]["crm"][0], last + 1)
    save_csv(d.cumulative_dyads(first_signing(dyads), years), out.cumulative)
    participation = d.participation_by_country(dyads, cfg["figure_8_2_split_year"], last)
    save_csv(participation, out.participation)
    north = d.read_high_income(snakemake.input.income)
    save_csv(d.income_pairings(dyads, north, last), out.income_pairings)
    save_csv(d.provision_counts(deals, "digital"), out.provisions_digital)
    save_csv(d.provision_counts(deals, "crm"), out.provisions_crm)
    save_csv(d.validity_types(deals), out.validity)
    save_csv(d.code_counts(deals), out.code_counts)
    levels = [
        {
            "theme": theme,
            "level": level,
            "deals": int((mappable(deals, theme)[column] == level).sum()),
        }
        for theme, column in zip(("digital", "crm"), INVESTMENT_COLUMNS, strict=True)
        for level in range(4)
    ]
    save_csv(pd.DataFrame(levels), out.investment_levels)
