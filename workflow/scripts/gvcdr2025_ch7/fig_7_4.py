"""Rule script: Figure 7.4 (GDP per capita of income groups relative to high income)."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7.aggregates import income_ratio_to_high_income
from gvcneg.empirics.gvcdr2025_ch7.claims import claims_fig_7_4
from gvcneg.figures.gvcdr2025_ch7 import fig_7_4
from gvcneg.io import save_csv, save_figure
from gvcneg.ledger.claims import claims_frame
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg
    first, last = cfg["years"]["first"], cfg["years"]["last"]
    ratios = income_ratio_to_high_income(
        pd.read_csv(snakemake.input.panel), first, last, balanced=cfg["balanced_panel"]
    )
    fig, data = fig_7_4(ratios)
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
    claims = claims_frame(claims_fig_7_4(ratios, first, last, snakemake.params.note))
    save_csv(claims, snakemake.output.claims)
    log.info("\n%s", claims.to_string())
