"""Rule script: Figures 1-5 of Mattoo and Olarreaga (2000) from the solved baseline."""

import pandas as pd

from gvcneg.figures import mattoo_olarreaga2000 as figures
from gvcneg.io import save_figure
from gvcneg.logs import logged
from gvcneg.theory.mattoo_olarreaga2000 import figure_data


def build(name: str, solved: pd.DataFrame, settings: dict):
    t_max, points = settings["t_max"], settings["points"]
    if name == "fig_1":
        return figures.fig_1(figure_data.figure_1_data(solved, t_max, points), t_max)
    if name == "fig_2":
        return figures.fig_2(figure_data.figure_2_data(solved, t_max, points), t_max)
    if name == "fig_3":
        return figures.fig_3(figure_data.figure_3_data(solved))
    if name == "fig_4":
        return figures.fig_4(figure_data.figure_4_data(solved, points), t_max)
    if name == "fig_5":
        data, levels = figure_data.figure_5_data(solved, t_max, settings["contour_points"])
        return figures.fig_5(data, levels, t_max)
    raise ValueError(f"unknown figure {name!r}")


with logged(snakemake.log[0]) as log:
    solved = pd.read_csv(snakemake.input.solved)
    settings = snakemake.params.cfg["mattoo_olarreaga2000"]["figures"]
    out = snakemake.output
    for name in snakemake.params.figures:
        fig, data = build(name, solved, settings)
        save_figure(fig, data, out[f"{name}_png"], out[f"{name}_svg"], out[f"{name}_csv"])
        log.info("%s: %d plotted rows", name, len(data))
