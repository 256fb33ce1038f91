"""Rule script: the penppml Comtrade panel (.rda) read and schema-checked once, written as the
parquet the placebo jobs read (only the columns they use)."""

from gvcneg.empirics.gvcdr2025_ch8.placebo import read_penppml_flows
from gvcneg.io import atomic_path
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    flows = read_penppml_flows(snakemake.input.flows)
    with atomic_path(snakemake.output.flows) as tmp:
        flows.to_parquet(tmp, index=False)
    log.info("penppml flows: %d rows, columns %s", len(flows), list(flows.columns))
