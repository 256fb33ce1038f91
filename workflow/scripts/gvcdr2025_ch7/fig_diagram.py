"""Rule script: chapter 7's channel diagrams (Figures 7.9 and 7.12) from their descriptions, in
one process."""

from gvcneg.figures import gvcdr2025_ch7 as figures
from gvcneg.io import save_figure
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    out = snakemake.output
    for diagram in snakemake.params.diagrams:
        fig, data = getattr(figures, diagram)()
        save_figure(fig, data, out[f"{diagram}_png"], out[f"{diagram}_svg"], out[f"{diagram}_csv"])
        log.info("%s: %d edges", diagram, len(data))
