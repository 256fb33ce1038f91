"""Rule script: a channel diagram of chapter 7 (Figure 7.9 or 7.12) from its description."""

from gvcneg.figures import gvcdr2025_ch7 as figures
from gvcneg.io import save_figure
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    draw = getattr(figures, snakemake.wildcards.diagram)
    fig, data = draw()
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
    log.info("%s: %d edges", snakemake.wildcards.diagram, len(data))
