"""Rule script: shares of RTAs with WTO-plus / WTO-X provisions and their uptake trend by
signature year (DESTA stand-in)."""

from gvcneg.data.readers import read_frame
from gvcneg.data.registry import load_source_file
from gvcneg.data.source_schemas import check_source_frame
from gvcneg.empirics.nbt2015.wto_plus import provision_trends, select_agreements, wto_plus_table
from gvcneg.io import save_table
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    settings = snakemake.params.cfg["nbt2015"]["wto_plus"]
    source = load_source_file(snakemake.input.registry)
    desta = read_frame(source, snakemake.params.file_name, snakemake.input.desta)
    check_source_frame(desta, source.name, snakemake.params.file_name, snakemake.input.desta)
    table = wto_plus_table(desta, settings)
    log.info("WTO-plus shares:\n%s", table.to_string())
    save_table(table, snakemake.output.csv, snakemake.output.md, snakemake.output.html, ".3f")
    trend_sample = select_agreements(
        desta,
        settings["trend_signed_from"],
        settings["signed_to"],
        settings["base_treaties_only"],
        settings["wto_notified_only"],
    )
    trends = provision_trends(trend_sample, settings["provisions"])
    trends.insert(0, "signed", f"{settings['trend_signed_from']}-{settings['signed_to']}")
    log.info("uptake trends:\n%s", trends.to_string())
    save_table(
        trends,
        snakemake.output.trends_csv,
        snakemake.output.trends_md,
        snakemake.output.trends_html,
        ".3f",
    )
