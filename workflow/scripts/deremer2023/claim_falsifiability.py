"""Rule script: re-run each DeRemer (2023) claim's check with a premise violated."""

from gvcneg.io import save_csv
from gvcneg.ledger.targets import load_targets_file
from gvcneg.logs import logged
from gvcneg.theory.deremer2023.falsifiability import claim_falsifiability

with logged(snakemake.log[0]) as log:
    targets = load_targets_file(snakemake.input.targets)["targets"]
    table = claim_falsifiability(snakemake.params.cfg["deremer2023"], targets)
    save_csv(table, snakemake.output[0])
    never = sorted(set(table["claim_id"]) - set(table.loc[table["can_fail"], "claim_id"]))
    log.info("%d rows; claims whose check never failed: %s", len(table), never or "none")
