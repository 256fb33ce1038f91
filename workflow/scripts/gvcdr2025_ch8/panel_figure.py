"""Rule script: a figure describing the real dyad panel (coverage, covariate shares)."""

import pandas as pd

from gvcneg.figures import gvcdr2025_ch8 as figures
from gvcneg.io import save_figure
from gvcneg.logs import logged

with logged(snakemake.log[0]):
    plot = getattr(figures, snakemake.wildcards.stem)
    fig, data = plot(pd.read_csv(snakemake.input.coverage))
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
