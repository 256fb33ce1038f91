"""Rule script: the computed quantities of Mattoo and Olarreaga (2000) for the ledger."""

import pandas as pd

from gvcneg.io import save_csv
from gvcneg.ledger.claims import claims_frame
from gvcneg.ledger.targets import load_targets_file
from gvcneg.logs import logged
from gvcneg.theory.mattoo_olarreaga2000.claims import mattoo_olarreaga2000_claims

with logged(snakemake.log[0]) as log:
    targets = load_targets_file(snakemake.input.targets)
    claims = mattoo_olarreaga2000_claims(
        pd.read_csv(snakemake.input.solved),
        pd.read_csv(snakemake.input.contract_slopes),
        pd.read_csv(snakemake.input.grid_summary),
        targets,
    )
    frame = claims_frame(claims)
    save_csv(frame, snakemake.output[0])
    log.info("%d computed quantities", len(frame))
