"""Rule script: every claim re-checked under deliberate perturbations (can each check fail?)."""

from gvcneg.io import save_csv
from gvcneg.ledger.targets import load_targets_file
from gvcneg.logs import logged
from gvcneg.theory.mattoo_olarreaga2000.falsifiability import assignment, falsifiability_table

with logged(snakemake.log[0]) as log:
    targets = load_targets_file(snakemake.input.targets)
    cfg = snakemake.params.cfg["mattoo_olarreaga2000"]
    table = falsifiability_table(
        cfg,
        cfg["grid"]["sizes"]["default"]["axes"],
        targets,
        assignment(targets["document"]),
    )
    save_csv(table, snakemake.output[0])
    log.info(
        "%d rows; claims with a failing perturbation: %d of %d",
        len(table),
        table.loc[table["can_fail"], "claim_id"].nunique(),
        table["claim_id"].nunique(),
    )
