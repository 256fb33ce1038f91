"""Rule script: one of Figures 8.1-8.9 from the TTD descriptives and panel comparisons."""

import pandas as pd

from gvcneg.figures import gvcdr2025_ch8 as figures
from gvcneg.io import save_figure
from gvcneg.logs import logged

ARGUMENTS = {
    "fig_8_1": ["cumulative"],
    "fig_8_3": ["provisions_digital"],
    "fig_8_4": ["provisions_crm"],
    "fig_8_5": ["validity"],
    "fig_8_6": ["comparison"],
    "fig_8_7": ["comparison"],
    "fig_8_8": ["dci_gap", "dci_mean"],
    "fig_8_9": ["crm_endowment"],
}

with logged(snakemake.log[0]):
    stem = snakemake.wildcards.stem
    frames = [pd.read_csv(snakemake.input[name]) for name in ARGUMENTS[stem]]
    fig, data = getattr(figures, stem)(*frames)
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
