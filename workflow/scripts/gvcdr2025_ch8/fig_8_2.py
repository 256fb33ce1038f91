"""Rule script: Figure 8.2, world maps of TTD participation before and from 2020."""

import pandas as pd

from gvcneg.figures.gvcdr2025_ch8 import fig_8_2, read_world
from gvcneg.io import save_figure
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    world, capitals = read_world(snakemake.input.world, snakemake.input.geo)
    fig, data = fig_8_2(pd.read_csv(snakemake.input.participation), world, capitals)
    log.info("drawn as: %s", data.groupby("on_map")["iso3"].nunique().to_dict())
    out = snakemake.output
    save_figure(fig, data, out.png, out.svg, out.csv)
