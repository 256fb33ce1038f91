"""Rule script: footnote 5, the spread of the OECD STRI across EU member states by sector."""

from gvcneg.data.readers import read_frame
from gvcneg.data.registry import load_source_file
from gvcneg.data.source_schemas import check_source_frame
from gvcneg.empirics.nbt2015.stri import eu_dispersion
from gvcneg.empirics.nbt2015.sweep import eu_members_in
from gvcneg.io import save_csv, save_table
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    settings = snakemake.params.cfg["nbt2015"]["stri_eu"]
    source = load_source_file(snakemake.input.registry)
    stri = read_frame(source, snakemake.params.file_name, snakemake.input.stri)
    check_source_frame(stri, source.name, snakemake.params.file_name, snakemake.input.stri)
    save_csv(stri, snakemake.output.tidy)
    year = settings["year"]
    table = eu_dispersion(stri, eu_members_in(year, settings), year)
    table.insert(0, "year", year)
    log.info("\n%s", table.to_string())
    save_table(table, snakemake.output.csv, snakemake.output.md, snakemake.output.html, ".3f")
