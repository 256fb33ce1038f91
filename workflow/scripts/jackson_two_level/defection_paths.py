"""Rule script: agreement probability (closed form and seeded Monte Carlo), expected payoffs and
the payoff-maximizing constraint when Foreign's threshold is uncertain, and model figure B
drawn from them."""

import pandas as pd

from gvcneg.figures.jackson_two_level import fig_involuntary_defection
from gvcneg.io import save_csv, save_figure, save_table
from gvcneg.logs import logged
from gvcneg.theory.jackson_two_level.model import TwoLevelGame
from gvcneg.theory.jackson_two_level.paths import solve_defection_paths, threshold_grid
from gvcneg.theory.jackson_two_level.uncertainty import (
    beliefs_from_config,
    optimal_tightening,
    threshold_draws,
)

with logged(snakemake.log[0]) as log:
    section = snakemake.params.cfg["jackson_two_level"]
    game = TwoLevelGame.from_config(section)
    thresholds = threshold_grid(section["home_threshold"])
    beliefs = beliefs_from_config(section)
    draws = threshold_draws(
        beliefs,
        section["uncertainty"]["monte_carlo_draws"],
        snakemake.params.cfg["reproducibility"]["seed"],
    )
    save_csv(solve_defection_paths(game, thresholds, beliefs, draws), snakemake.output.paths)
    best = optimal_tightening(game, thresholds, beliefs)
    out = snakemake.output
    save_table(best, out.optimum_csv, out.optimum_md, out.optimum_html, ".4g")
    log.info("payoff-maximizing Home thresholds:\n%s", best.to_string())
    # drawn from the files as written, as every reader of them sees them
    fig, data = fig_involuntary_defection(pd.read_csv(out.paths), pd.read_csv(out.optimum_csv))
    save_figure(fig, data, out.fig_png, out.fig_svg, out.fig_csv)
