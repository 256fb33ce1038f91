"""Rule script: results/nbt2015/computed.csv for the ledger."""

import pandas as pd

from gvcneg.empirics.nbt2015.claims import nbt2015_claims
from gvcneg.io import save_csv
from gvcneg.logs import logged

with logged(snakemake.log[0]):
    settings = snakemake.params.cfg["nbt2015"]["figure_1"]
    frame = nbt2015_claims(
        pd.read_csv(snakemake.input.series),
        pd.read_csv(snakemake.input.wto_plus),
        settings["first_year"],
        settings["last_year"],
        settings["wto_year"],
        trends=pd.read_csv(snakemake.input.trends),
        provisions=snakemake.params.cfg["nbt2015"]["wto_plus"]["provisions"],
        stri=pd.read_csv(snakemake.input.stri),
    )
    save_csv(frame, snakemake.output.csv)
