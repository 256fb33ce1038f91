"""Rule script: the model's claims checked on the grid of games (for the ledger)."""

from gvcneg.io import save_csv
from gvcneg.logs import logged
from gvcneg.theory.jackson_two_level.properties import (
    build_property_grid,
    claim_shares,
    evaluate_property_grid,
)

with logged(snakemake.log[0]) as log:
    grid_config = snakemake.params.cfg["jackson_two_level"]["property_grid"]
    evaluated = evaluate_property_grid(build_property_grid(grid_config), grid_config)
    save_csv(evaluated, snakemake.output[0])
    log.info("%d games; shares where the claims hold: %s", len(evaluated), claim_shares(evaluated))
