"""Rule script: re-run each two-level-game claim's check in richer or perturbed models."""

from gvcneg.io import save_csv
from gvcneg.ledger.targets import load_targets_file
from gvcneg.logs import logged
from gvcneg.theory.jackson_two_level.falsifiability import claim_falsifiability

with logged(snakemake.log[0]) as log:
    targets = load_targets_file(snakemake.input.targets)["targets"]
    table = claim_falsifiability(snakemake.params.cfg["jackson_two_level"], targets)
    save_csv(table, snakemake.output[0])
    log.info("falsifiability:\n%s", table.to_string())
