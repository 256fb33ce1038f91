"""Rule script: Figure 1 of DeRemer (2023)."""

from gvcneg.figures.deremer2023 import fig_1
from gvcneg.io import save_figure
from gvcneg.logs import logged
from gvcneg.theory.deremer2023.curves import figure_1_curves, figure_1_points
from gvcneg.theory.deremer2023.model import CountryPair

with logged(snakemake.log[0]) as log:
    section = snakemake.params.cfg["deremer2023"]
    government = CountryPair.from_config(section["government"])
    public = CountryPair.from_config(section["public"])
    grid = section["figure_1"]
    curves = figure_1_curves(government, grid["tau_min"], grid["tau_max"], grid["grid_points"])
    points = figure_1_points(government, public)
    fig, data = fig_1(curves, points)
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
    log.info("points:\n%s", points.to_string())
