"""Rule script: evaluate one chunk of the Remarks 1-2 robustness grid."""

from gvcneg.io import save_csv
from gvcneg.logs import logged
from gvcneg.sweeps import grid_chunk
from gvcneg.theory.deremer2023.grid import build_remark_grid, evaluate_chunk

with logged(snakemake.log[0]) as log:
    grid_config = snakemake.params.cfg["deremer2023"]["remark_grid"]
    grid = build_remark_grid(grid_config)
    chunk = grid_chunk(grid, int(snakemake.wildcards.chunk), grid_config["chunks"])
    results = evaluate_chunk(chunk, snakemake.params.cfg["deremer2023"]["lower_tariffs"])
    save_csv(results, snakemake.output[0])
    log.info("evaluated %d grid points", len(results))
