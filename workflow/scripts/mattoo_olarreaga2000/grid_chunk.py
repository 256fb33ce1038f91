"""Rule script: evaluate one chunk of the robustness grid."""

from gvcneg.io import save_csv
from gvcneg.logs import logged
from gvcneg.sweeps import grid_chunk
from gvcneg.theory.mattoo_olarreaga2000.grid import build_grid, evaluate_chunk

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["mattoo_olarreaga2000"]
    (size,) = cfg["grid"]["sizes"].values()  # the configured size only
    grid = build_grid(size["axes"])
    chunk = grid_chunk(grid, int(snakemake.wildcards.chunk), size["chunks"])
    results = evaluate_chunk(chunk, cfg["premises"]["min_trade_share"])
    save_csv(results, snakemake.output[0])
    log.info("evaluated %d of %d grid points", len(results), len(grid))
