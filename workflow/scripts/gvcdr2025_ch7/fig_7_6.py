"""Rule script: Figure 7.6 (Gini by income group, unweighted and population-weighted)."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7.aggregates import gini_by_income_group
from gvcneg.empirics.gvcdr2025_ch7.claims import claims_fig_7_6, claims_fig_7_6_gfc_timing
from gvcneg.empirics.gvcdr2025_ch7.notes import gini_note
from gvcneg.figures.gvcdr2025_ch7 import fig_7_6
from gvcneg.io import save_csv, save_figure
from gvcneg.ledger.claims import claims_frame
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["gvcdr2025_ch7"]
    note = gini_note(snakemake.params.cfg["gvcdr2025_ch7"])
    first, last = cfg["years"]["first"], cfg["years"]["last"]
    groups = gini_by_income_group(
        pd.read_csv(snakemake.input.panel), first, last, balanced=cfg["balanced_panel"]
    )
    fig, data = fig_7_6(groups)
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
    gfc = cfg["fig_7_6"]["gfc_year"]
    claims = claims_frame(
        claims_fig_7_6(groups, first, last, gfc, note)
        + claims_fig_7_6_gfc_timing(groups, first, last, gfc, note)
    )
    save_csv(claims, snakemake.output.claims)
    log.info("\n%s", claims.to_string())
