"""Rule script: Figure 7.15 (changes in GVC participation vs changes in inequality)."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7.claims import claims_fig_7_15
from gvcneg.empirics.gvcdr2025_ch7.labour_share_gvc import gvc_inequality_changes, scatter_fits
from gvcneg.empirics.gvcdr2025_ch7.notes import fig_7_15_note
from gvcneg.empirics.gvcdr2025_ch7.readers import (
    read_income_status,
    read_wid_gini,
    read_wid_top10_bottom50,
)
from gvcneg.figures.gvcdr2025_ch7 import fig_7_15
from gvcneg.io import save_csv, save_figure
from gvcneg.ledger.claims import claims_frame
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["gvcdr2025_ch7"]["fig_7_15"]
    ledger_note = fig_7_15_note(snakemake.params.cfg["gvcdr2025_ch7"])
    start, end = cfg["start"], cfg["end"]
    inequality = read_wid_gini(snakemake.input.wid, cfg["gini_variable"]).merge(
        read_wid_top10_bottom50(snakemake.input.wid, cfg["ratio_variable"]), on=["iso3", "year"]
    )
    points = gvc_inequality_changes(
        pd.read_csv(snakemake.input.gvc[0]),
        inequality,
        read_income_status(
            snakemake.input.income_status, **snakemake.params.cfg["gvcdr2025_ch7"]["income_status"]
        ),
        start,
        end,
    )
    fits = scatter_fits(
        points,
        ["d_forward", "d_backward", "d_total"],
        ["d_gini", "d_top10_bottom50"],
        cfg["cov_type"],
    )
    note = (
        f"GVC participation: {cfg['gvc_source']} (trade-based, % of gross exports); "
        f"inequality: WID {cfg['gini_variable']} Gini and {cfg['ratio_variable']}; "
        f"changes {start}-{end}; OLS with {cfg['cov_type']} robust SE."
    )
    fig, data = fig_7_15(points, fits, start, end, note)
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
    save_csv(fits, snakemake.output.fits)
    claims = claims_frame(claims_fig_7_15(fits, ledger_note))
    save_csv(claims, snakemake.output.claims)
    log.info("\n%s", fits.to_string())
