"""Rule script: GVC participation (economy totals) of one source, validated, with income groups."""

from gvcneg.empirics.gvcdr2025_ch7.panel import classified_economies
from gvcneg.empirics.gvcdr2025_ch7.readers import (
    read_adb_gvc_participation,
    read_income_status,
    read_tiva_gvc_participation,
)
from gvcneg.empirics.gvcdr2025_ch7.schemas import gvc_panel_schema
from gvcneg.io import save_csv
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    source = snakemake.wildcards.gvc_source
    files = list(snakemake.input.gvc)
    if source == "oecd-tiva-2025":
        gvc = read_tiva_gvc_participation(files[0], source)
    else:  # adb-mrio-gvcp(62): the parquet file and the economy list
        index_column = "mrio62" if source == "adb-mrio-gvcp62" else "mrio"
        gvc = read_adb_gvc_participation(
            files[0], files[1], source=source, index_column=index_column
        )
    economies = classified_economies(
        read_income_status(
            snakemake.input.income_status, **snakemake.params.cfg["gvcdr2025_ch7"]["income_status"]
        )
    )
    gvc = gvc.merge(economies[["iso3", "income_group"]], on="iso3", how="inner")
    schema = gvc_panel_schema(economies["iso3"], int(gvc["year"].min()), int(gvc["year"].max()))
    gvc = schema.validate(gvc, lazy=True)
    save_csv(gvc, snakemake.output.panel)
    log.info(
        "%s: %d rows, %d economies, years %s-%s",
        source,
        len(gvc),
        gvc["iso3"].nunique(),
        gvc["year"].min(),
        gvc["year"].max(),
    )
