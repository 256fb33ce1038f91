"""Rule script: gather the grid chunks into one table and one figure."""

import pandas as pd

from gvcneg.figures.deremer2023 import fig_remark_grid
from gvcneg.io import save_csv, save_figure, save_table
from gvcneg.logs import logged
from gvcneg.sweeps import gather_chunks
from gvcneg.theory.deremer2023.grid import (
    public_gain_share_by,
    summarise_grid,
    unsolved_points,
)

with logged(snakemake.log[0]) as log:
    results = gather_chunks([pd.read_csv(path) for path in snakemake.input.chunks])
    summary = summarise_grid(results)
    out = snakemake.output
    save_csv(results, out.points)
    save_table(summary, out.summary_csv, out.summary_md, out.summary_html, ".4f")
    save_table(unsolved_points(results), out.invalid_csv, out.invalid_md, out.invalid_html, ".3f")
    share = public_gain_share_by(results, "public_gamma_M_gap", "public_gamma_E_gap")
    fig, data = fig_remark_grid(summary, share)
    save_figure(fig, data, out.png, out.svg, out.csv)
    log.info("grid summary:\n%s", summary.to_string())
