"""Rule script: the source registry as one table (results/data/sources.csv)."""

from pathlib import Path

from gvcneg.data.registry import load_sources, registry_table
from gvcneg.io import save_csv
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    sources_dir = Path(snakemake.input.registry[0]).parent
    table = registry_table(load_sources(sources_dir))
    log.info("%d sources, %d available offline", len(table), (table.status == "available").sum())
    save_csv(table, snakemake.output.csv)
