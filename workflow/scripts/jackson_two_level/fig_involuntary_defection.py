"""Rule script: model figure B (agreement probability and expected payoff under uncertainty)."""

import pandas as pd

from gvcneg.figures.jackson_two_level import fig_involuntary_defection
from gvcneg.io import save_figure
from gvcneg.logs import logged

with logged(snakemake.log[0]):
    fig, data = fig_involuntary_defection(
        pd.read_csv(snakemake.input.paths), pd.read_csv(snakemake.input.optimum)
    )
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
