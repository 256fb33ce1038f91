"""Rule script: shares of RTAs with WTO-plus / WTO-X provisions (DESTA substitute)."""

from gvcneg.data.readers import read_frame
from gvcneg.data.registry import load_source_file
from gvcneg.data.source_schemas import check_source_frame
from gvcneg.empirics.nbt2015.wto_plus import wto_plus_table
from gvcneg.io import save_table
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    source = load_source_file(snakemake.input.registry)
    desta = read_frame(source, snakemake.params.file_name, snakemake.input.desta)
    check_source_frame(desta, source.name, snakemake.params.file_name, snakemake.input.desta)
    table = wto_plus_table(desta, snakemake.params.settings)
    log.info("WTO-plus shares:\n%s", table.to_string())
    save_table(table, snakemake.output.csv, snakemake.output.md, snakemake.output.html, ".3f")
