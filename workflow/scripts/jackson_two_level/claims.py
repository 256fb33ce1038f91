"""Rule script: the computed quantities of the two-level game document for the ledger."""

import pandas as pd

from gvcneg.io import save_csv
from gvcneg.ledger.claims import claims_frame
from gvcneg.logs import logged
from gvcneg.theory.jackson_two_level.claims import collect_claims

with logged(snakemake.log[0]) as log:
    inputs = snakemake.input
    claims = collect_claims(
        property_evaluation=pd.read_csv(inputs.property_grid),
        facts=pd.read_csv(inputs.facts),
        illustration=pd.read_csv(inputs.derived),
        defection_paths=pd.read_csv(inputs.defection_paths),
        optimal_tightening=pd.read_csv(inputs.optimum),
        constraint_path=pd.read_csv(inputs.constraint_path),
    )
    frame = claims_frame(claims)
    save_csv(frame, snakemake.output[0])
    log.info("%d computed quantities:\n%s", len(frame), frame.to_string())
