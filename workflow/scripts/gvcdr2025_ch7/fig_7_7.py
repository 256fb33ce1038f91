"""Rule script: Figure 7.7 (convergence regression, robust SE)."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7.claims import claims_fig_7_7
from gvcneg.empirics.gvcdr2025_ch7.convergence import (
    convergence_sample,
    estimate_convergence,
    fitted_line,
)
from gvcneg.empirics.gvcdr2025_ch7.notes import gdp_note
from gvcneg.figures.gvcdr2025_ch7 import fig_7_7
from gvcneg.io import save_csv, save_figure
from gvcneg.ledger.claims import claims_frame
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["gvcdr2025_ch7"]["fig_7_7"]
    note = gdp_note(snakemake.params.cfg["gvcdr2025_ch7"], snakemake.params.population_source)
    start, end = cfg["start"], cfg["end"]
    sample = convergence_sample(pd.read_csv(snakemake.input.panel), start, end, cfg["growth"])
    result = estimate_convergence(sample, cfg["cov_type"])
    line = fitted_line(result, sample["log_gdp_pc_start"].min(), sample["log_gdp_pc_start"].max())
    fig, data = fig_7_7(sample, result, line, start, end)
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
    save_csv(pd.DataFrame([result]), snakemake.output.estimates)
    claims = claims_frame(claims_fig_7_7(result, note))
    save_csv(claims, snakemake.output.claims)
    log.info("%s", result)
