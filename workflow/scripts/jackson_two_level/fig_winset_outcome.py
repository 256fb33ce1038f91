"""Rule script: model figure A (win-sets and the outcome as Home's constraint tightens)."""

import pandas as pd

from gvcneg.figures.jackson_two_level import fig_winset_outcome
from gvcneg.io import save_figure
from gvcneg.logs import logged

with logged(snakemake.log[0]):
    fig, data = fig_winset_outcome(pd.read_csv(snakemake.input.path))
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
