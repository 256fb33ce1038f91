"""Rule script: Figure 7.10 on SIMULATED data (the firm data are confidential)."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7.firm_productivity import (
    binned_conditional_correlation,
    fixed_effects_slope,
)
from gvcneg.empirics.gvcdr2025_ch7.simulate import rng_for, simulate_firm_gap_panel
from gvcneg.figures.gvcdr2025_ch7 import fig_7_10
from gvcneg.io import save_csv, save_figure
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["gvcdr2025_ch7"]["simulated"]["fig_7_10"]
    firms = simulate_firm_gap_panel(
        rng_for(snakemake.params.cfg["reproducibility"]["seed"], "gvcdr2025_ch7.fig_7_10"),
        cfg["beta_per_doubling"],
        cfg["n_firms"],
        cfg["n_years"],
        cfg["noise_sd"],
    )
    bins, result = binned_conditional_correlation(
        firms, "gap", "log2_gvc_backward", controls=["firm_size"], bins=cfg["bins"]
    )
    fe = fixed_effects_slope(firms, "gap", "log2_gvc_backward", controls=["firm_size"])
    fig, data = fig_7_10(bins, result)
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
    check = {
        "simulated_beta": cfg["beta_per_doubling"],
        "binned_slope": result["slope"],
        "panelols_coef": fe["coef"],
        "panelols_se": fe["se"],
        "n": fe["n"],
    }
    save_csv(pd.DataFrame([check]), snakemake.output.check)
    log.info("simulated check: %s", check)
