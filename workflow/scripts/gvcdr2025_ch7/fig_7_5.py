"""Rule script: Figure 7.5 (Gini in the first vs the last year, 45-degree line)."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7.aggregates import shares_above_line, start_end_values
from gvcneg.empirics.gvcdr2025_ch7.claims import (
    claims_fig_7_5,
    claims_rising_inequality_larger_economies,
)
from gvcneg.empirics.gvcdr2025_ch7.notes import gini_note
from gvcneg.figures.gvcdr2025_ch7 import fig_7_5
from gvcneg.io import save_csv, save_figure
from gvcneg.ledger.claims import claims_frame
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["gvcdr2025_ch7"]
    note = gini_note(snakemake.params.cfg["gvcdr2025_ch7"])
    start, end = cfg["years"]["first"], cfg["years"]["last"]
    panel = pd.read_csv(snakemake.input.panel)
    points = start_end_values(panel, "gini", start, end)
    fig, data = fig_7_5(points, start, end)
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
    claims = claims_frame(
        claims_fig_7_5(points, note)
        + claims_rising_inequality_larger_economies(points, panel, end, note)
    )
    save_csv(claims, snakemake.output.claims)
    log.info("\n%s", shares_above_line(points, "high_income").to_string())
