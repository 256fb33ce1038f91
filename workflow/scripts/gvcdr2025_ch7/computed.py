"""Rule script: chapter 7's computed quantities for the ledger (results/gvcdr2025_ch7/computed.csv)."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7.claims import claims_fig_7_10_7_11
from gvcneg.io import save_csv
from gvcneg.ledger.claims import claims_frame
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    frames = [pd.read_csv(path) for path in snakemake.input.claims]
    frames.append(claims_frame(claims_fig_7_10_7_11()))
    computed = pd.concat(frames, ignore_index=True)
    duplicated = computed["quantity"][computed["quantity"].duplicated()].tolist()
    if duplicated:
        raise ValueError(f"duplicate computed quantities: {duplicated}")
    save_csv(computed, snakemake.output[0])
    log.info("%d computed quantities", len(computed))
