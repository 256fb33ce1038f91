"""Rule script: render the Quarto report (Quarto CLI if present, else offline)."""

from gvcneg.logs import logged
from gvcneg.report.render import render_report

with logged(snakemake.log[0]) as log:
    route = render_report(snakemake.params.project, snakemake.params.results, snakemake.output.html)
    log.info("report rendered via %s route to %s", route, snakemake.output.html)
