"""Rule script: Figure 1 (RTAs in force, document window and extended)."""

import pandas as pd

from gvcneg.figures.nbt2015 import fig_1
from gvcneg.io import save_figure
from gvcneg.logs import logged

with logged(snakemake.log[0]):
    settings = snakemake.params.cfg["nbt2015"]["figure_1"]
    series = pd.read_csv(snakemake.input.series)
    fig, data = fig_1(
        series, settings["first_year"], settings["last_year"], settings["extended_last_year"]
    )
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
