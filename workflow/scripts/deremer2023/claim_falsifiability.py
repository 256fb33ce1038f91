"""Rule script: re-run each DeRemer (2023) claim's check with a premise violated."""

from gvcneg.io import save_csv
from gvcneg.logs import logged
from gvcneg.theory.deremer2023.falsifiability import claim_falsifiability

with logged(snakemake.log[0]) as log:
    table = claim_falsifiability(snakemake.params.cfg)
    save_csv(table, snakemake.output[0])
    never = sorted(set(table["claim_id"]) - set(table.loc[table["can_fail"], "claim_id"]))
    log.info("%d rows; claims whose check never failed: %s", len(table), never or "none")
