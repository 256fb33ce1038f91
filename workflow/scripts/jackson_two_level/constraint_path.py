"""Rule script: win-sets and the bargaining outcome as Home's constraint tightens (certainty),
and model figure A drawn from them."""

import pandas as pd

from gvcneg.figures.jackson_two_level import fig_winset_outcome
from gvcneg.io import save_csv, save_figure, save_table
from gvcneg.logs import logged
from gvcneg.theory.jackson_two_level.model import TwoLevelGame, model_parameters_table
from gvcneg.theory.jackson_two_level.paths import solve_constraint_path, threshold_grid

with logged(snakemake.log[0]) as log:
    section = snakemake.params.cfg["jackson_two_level"]
    game = TwoLevelGame.from_config(section)
    path = solve_constraint_path(
        game, threshold_grid(section["home_threshold"]), section["foreign_threshold"]
    )
    save_csv(path, snakemake.output.path)
    out = snakemake.output
    parameters = model_parameters_table(game, section["foreign_threshold"])
    save_table(parameters, out.parameters_csv, out.parameters_md, out.parameters_html, ".4g")
    log.info("unconstrained Nash depth %.6f", path["unconstrained_nash_depth"].iloc[0])
    # drawn from the file as written, as every reader of it sees it
    fig, data = fig_winset_outcome(pd.read_csv(out.path))
    save_figure(fig, data, out.fig_png, out.fig_svg, out.fig_csv)
