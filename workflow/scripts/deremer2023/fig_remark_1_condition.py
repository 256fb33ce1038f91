"""Rule script: the region where the paper's 3/2 rule and the exact condition disagree."""

import numpy as np

from gvcneg.figures.deremer2023 import fig_remark_1_condition
from gvcneg.io import save_figure
from gvcneg.logs import logged
from gvcneg.theory.deremer2023.exact_condition import ratio_over_weights, region_in_gaps

with logged(snakemake.log[0]) as log:
    section = snakemake.params.cfg["deremer2023"]
    gov = section["government"]["home"]
    grid = section["remark_grid"]
    gaps = region_in_gaps(
        gov["gamma_M"], gov["gamma_E"], np.linspace(0.0, 0.3, 121), np.linspace(0.0, 0.2, 81)
    )
    weights = ratio_over_weights(
        np.linspace(1.0, grid["gamma_M_G"]["max"], 66),
        np.linspace(1.0, grid["gamma_E_G"]["max"], 66),
    )
    fig, data = fig_remark_1_condition(gaps, weights)
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
    log.info(
        "rule admits %d of %d gap points where tau^W <= tau^G", gaps["rule_wrong"].sum(), len(gaps)
    )
