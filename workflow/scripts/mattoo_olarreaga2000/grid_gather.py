"""Rule script: gather the grid chunks into one table and one figure."""

import pandas as pd

from gvcneg.figures.mattoo_olarreaga2000 import fig_grid_claims
from gvcneg.io import save_csv, save_figure, save_table
from gvcneg.logs import logged
from gvcneg.sweeps import gather_chunks
from gvcneg.theory.mattoo_olarreaga2000.grid import invalid_points, summarise_grid

with logged(snakemake.log[0]) as log:
    results = gather_chunks([pd.read_csv(path) for path in snakemake.input.chunks])
    summary = summarise_grid(results)
    out = snakemake.output
    save_csv(results, out.points)
    save_table(summary, out.summary_csv, out.summary_md, out.summary_html, ".4f")
    min_trade_share = snakemake.params.cfg["mattoo_olarreaga2000"]["premises"]["min_trade_share"]
    save_table(
        invalid_points(results, min_trade_share),
        out.invalid_csv,
        out.invalid_md,
        out.invalid_html,
        ".4f",
    )
    fig, data = fig_grid_claims(summary)
    save_figure(fig, data, out.png, out.svg, out.csv)
    log.info("grid summary:\n%s", summary.to_string())
