"""Rule script: Figure 7.4 (GDP per capita of income groups relative to high income)."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7.aggregates import income_ratio_to_high_income
from gvcneg.empirics.gvcdr2025_ch7.claims import claims_between_economy, claims_fig_7_4
from gvcneg.empirics.gvcdr2025_ch7.notes import gdp_note
from gvcneg.figures.gvcdr2025_ch7 import fig_7_4
from gvcneg.io import save_csv, save_figure
from gvcneg.ledger.claims import claims_frame
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["gvcdr2025_ch7"]
    note = gdp_note(snakemake.params.cfg["gvcdr2025_ch7"], snakemake.params.population_source)
    first, last = cfg["years"]["first"], cfg["years"]["last"]
    panel = pd.read_csv(snakemake.input.panel)
    ratios = income_ratio_to_high_income(panel, first, last, balanced=cfg["balanced_panel"])
    fig, data = fig_7_4(ratios)
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
    # The population-weighted between-economy statement of section 7.2 (main specification:
    # the first value of each choice in the sweep).
    between = cfg["sweep"]["between_economy"]
    claims = claims_frame(
        claims_fig_7_4(ratios, first, last, note)
        + claims_between_economy(
            panel,
            first,
            last,
            between["balanced_panel"]["values"][0],
            between["largest_excluded"]["values"][0],
            note,
            largest_by=between["largest_by"]["values"][0],
        )
    )
    save_csv(claims, snakemake.output.claims)
    log.info("\n%s", claims.to_string())
