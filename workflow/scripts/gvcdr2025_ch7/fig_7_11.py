"""Rule script: Figure 7.11 on SIMULATED data (the firm data are confidential)."""

from gvcneg.empirics.gvcdr2025_ch7.firm_productivity import quantile_effects
from gvcneg.empirics.gvcdr2025_ch7.simulate import (
    rng_for,
    simulate_firm_productivity,
    true_quantile_slope,
)
from gvcneg.figures.gvcdr2025_ch7 import fig_7_11
from gvcneg.io import save_figure
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["gvcdr2025_ch7"]["simulated"]["fig_7_11"]
    firms = simulate_firm_productivity(
        rng_for(snakemake.params.cfg["reproducibility"]["seed"], "gvcdr2025_ch7.fig_7_11"),
        cfg["slope"],
        cfg["scale_slope"],
        cfg["n_firms"],
    )
    estimates = quantile_effects(firms, "log_tfp", "gvc_participation", cfg["quantiles"])
    estimates["simulated_true_coef"] = [
        true_quantile_slope(cfg["slope"], cfg["scale_slope"], q) for q in estimates["quantile"]
    ]
    fig, data = fig_7_11(estimates)
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
    log.info("\n%s", estimates.to_string())
