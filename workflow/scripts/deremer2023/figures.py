"""Rule script: Figure 1 of DeRemer (2023), and the region where the paper's 3/2 rule and the
exact condition disagree."""

import numpy as np

from gvcneg.figures.deremer2023 import fig_1, fig_remark_1_condition
from gvcneg.io import save_figure
from gvcneg.logs import logged
from gvcneg.theory.deremer2023.curves import figure_1_curves, figure_1_points
from gvcneg.theory.deremer2023.exact_condition import ratio_over_weights, region_in_gaps
from gvcneg.theory.deremer2023.model import CountryPair

with logged(snakemake.log[0]) as log:
    section = snakemake.params.cfg["deremer2023"]
    out = snakemake.output

    government = CountryPair.from_config(section["government"])
    public = CountryPair.from_config(section["public"])
    figure_grid = section["figure_1"]
    curves = figure_1_curves(
        government, figure_grid["tau_min"], figure_grid["tau_max"], figure_grid["grid_points"]
    )
    points = figure_1_points(government, public)
    fig, data = fig_1(curves, points)
    save_figure(fig, data, out.fig_1_png, out.fig_1_svg, out.fig_1_csv)
    log.info("points:\n%s", points.to_string())

    gov = section["government"]["home"]
    remark_grid = section["remark_grid"]
    gaps = region_in_gaps(
        gov["gamma_M"], gov["gamma_E"], np.linspace(0.0, 0.3, 121), np.linspace(0.0, 0.2, 81)
    )
    weights = ratio_over_weights(
        np.linspace(1.0, remark_grid["gamma_M_G"]["max"], 66),
        np.linspace(1.0, remark_grid["gamma_E_G"]["max"], 66),
    )
    fig, data = fig_remark_1_condition(gaps, weights)
    save_figure(
        fig,
        data,
        out.fig_remark_1_condition_png,
        out.fig_remark_1_condition_svg,
        out.fig_remark_1_condition_csv,
    )
    log.info(
        "rule admits %d of %d gap points where tau^W <= tau^G", gaps["rule_wrong"].sum(), len(gaps)
    )
