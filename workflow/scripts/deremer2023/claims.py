"""Rule script: the computed quantities of DeRemer (2023) for the ledger."""

import pandas as pd

from gvcneg.io import save_csv
from gvcneg.ledger.claims import claims_frame
from gvcneg.logs import logged
from gvcneg.theory.deremer2023.claims import deremer2023_claims

with logged(snakemake.log[0]) as log:
    inputs = snakemake.input
    claims = deremer2023_claims(
        pd.read_csv(inputs.equilibria),
        pd.read_csv(inputs.power),
        pd.read_csv(inputs.grid_summary),
        pd.read_csv(inputs.political_optimum),
        pd.read_csv(inputs.remark_1_condition),
        pd.read_csv(inputs.lower_tariffs),
    )
    frame = claims_frame(claims)
    save_csv(frame, snakemake.output[0])
    log.info("%d computed quantities", len(frame))
