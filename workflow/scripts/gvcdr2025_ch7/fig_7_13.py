"""Rule script: Figure 7.13 (PWT labour shares, start vs end year, by income group)."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7.aggregates import shares_above_line, start_end_values
from gvcneg.empirics.gvcdr2025_ch7.claims import claims_fig_7_13
from gvcneg.empirics.gvcdr2025_ch7.notes import labour_share_note
from gvcneg.figures.gvcdr2025_ch7 import fig_7_13
from gvcneg.io import save_csv, save_figure
from gvcneg.ledger.claims import claims_frame
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["gvcdr2025_ch7"]["fig_7_13"]
    note = labour_share_note(snakemake.params.cfg["gvcdr2025_ch7"])
    start, end = cfg["start"], cfg["end"]
    points = start_end_values(pd.read_csv(snakemake.input.panel), "labour_share", start, end)
    # The data layer's flag: PWT's constant (imputed) labour shares, reported in both countings.
    points = points.merge(pd.read_csv(snakemake.input.flags), on="iso3", how="left")
    fig, data = fig_7_13(points, start, end)
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
    claims = claims_frame(claims_fig_7_13(points, note, cfg["imputed_constant"]))
    save_csv(claims, snakemake.output.claims)
    log.info("\n%s", shares_above_line(points, "income_group").to_string())
