"""Rule script: Table 8.2, pooled logit of TTD formation (odds ratios) with diagnostics."""

from gvcneg.empirics.threads import use_threads

use_threads(snakemake.threads)  # before numpy loads its BLAS

import pandas as pd  # noqa: E402

from gvcneg.empirics.gvcdr2025_ch8.analysis import table_8_2_formation  # noqa: E402
from gvcneg.figures.gvcdr2025_ch8 import table_8_2  # noqa: E402
from gvcneg.io import save_csv, save_table  # noqa: E402
from gvcneg.logs import logged  # noqa: E402

with logged(snakemake.log[0]) as log:
    out = snakemake.output
    panel = pd.read_parquet(snakemake.input.panel)
    dyads = pd.read_csv(snakemake.input.dyads)
    odds, diagnostics = table_8_2_formation(panel, dyads, snakemake.params.cfg["gvcdr2025_ch8"])
    log.info("\n%s\n%s", odds.to_string(), diagnostics.T.to_string())
    save_csv(odds, out.odds)
    save_csv(diagnostics, out.diagnostics)
    save_table(table_8_2(odds), out.csv, out.md, out.html, floatfmt=".3f")
