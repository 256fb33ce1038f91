"""Rule script: the figures describing the real dyad panel (coverage, covariate shares), in one
process."""

import pandas as pd

from gvcneg.figures import gvcdr2025_ch8 as figures
from gvcneg.io import save_figure
from gvcneg.logs import logged

with logged(snakemake.log[0]):
    coverage, out = pd.read_csv(snakemake.input.coverage), snakemake.output
    for stem in snakemake.params.stems:
        fig, data = getattr(figures, stem)(coverage)
        save_figure(fig, data, out[f"{stem}_png"], out[f"{stem}_svg"], out[f"{stem}_csv"])
