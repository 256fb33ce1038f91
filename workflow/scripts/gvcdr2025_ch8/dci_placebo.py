"""Rule script: Figure 8.8's DCI comparison under random signings (placebo)."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch8.placebo import dci_placebo
from gvcneg.io import save_csv
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["gvcdr2025_ch8"]
    placebo = cfg["placebo"]
    economies = sorted(
        pd.read_parquet(snakemake.input.panel, columns=["exporter"])["exporter"].unique()
    )
    draws, summary = dci_placebo(
        pd.read_csv(snakemake.input.components),
        economies,
        {int(k): int(v) for k, v in placebo["digital_new_pairs"].items()},
        tuple(cfg["years"]["digital"]),
        [snakemake.params.cfg["reproducibility"]["seed"] + i for i in range(placebo["seeds"])],
        cfg["dci"]["penalty"],
        cfg["dci"]["min_components"],
    )
    log.info("\n%s", summary.to_string())
    save_csv(draws, snakemake.output.draws)
    save_csv(summary, snakemake.output.summary)
