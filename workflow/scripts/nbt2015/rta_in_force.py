"""Rule script: RTAs in force by year under both counting conventions (WTO RTA export)."""

from gvcneg.data.excel import read_excel
from gvcneg.data.source_schemas import check_source_frame
from gvcneg.empirics.nbt2015.rta_counts import latest_entry_into_force, rtas_in_force, tidy_rtas
from gvcneg.io import save_csv
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    settings = snakemake.params.cfg["nbt2015"]["figure_1"]
    export = read_excel(snakemake.input.export, sheet_name=snakemake.params.sheet)
    check_source_frame(export, "wto-rta", path=snakemake.input.export)
    rtas = tidy_rtas(export)
    log.info(
        "%d RTAs in the export; latest entry into force %s",
        len(rtas),
        latest_entry_into_force(rtas),
    )
    series = rtas_in_force(rtas, settings["first_year"], settings["extended_last_year"])
    save_csv(series, snakemake.output.csv)
