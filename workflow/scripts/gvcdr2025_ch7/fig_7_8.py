"""Rule script: Figure 7.8 (GDP per capita relative to the lead economy, by income group)."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7.aggregates import catch_up_summary, relative_to_lead_economy
from gvcneg.empirics.gvcdr2025_ch7.claims import claims_fig_7_8
from gvcneg.empirics.gvcdr2025_ch7.notes import gdp_note
from gvcneg.figures.gvcdr2025_ch7 import fig_7_8
from gvcneg.io import save_csv, save_figure
from gvcneg.ledger.claims import claims_frame
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["gvcdr2025_ch7"]["fig_7_8"]
    note = gdp_note(snakemake.params.cfg["gvcdr2025_ch7"], snakemake.params.population_source)
    start, end = cfg["start"], cfg["end"]
    relative = relative_to_lead_economy(pd.read_csv(snakemake.input.panel), start, end)
    summary = catch_up_summary(relative)
    fig, data = fig_7_8(relative, start, end)
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
    save_csv(summary, snakemake.output.summary)
    claims = claims_frame(claims_fig_7_8(summary, note, relative=relative))
    save_csv(claims, snakemake.output.claims)
    log.info("\n%s", summary.to_string())
