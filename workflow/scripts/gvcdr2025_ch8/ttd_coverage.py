"""Rule script: the supplied TTD file against every count the chapter states (coverage
evidence for the ledger's statuses) and its figure."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch8.coverage import Coverage, coverage_table, supplied_counts
from gvcneg.figures.gvcdr2025_ch8 import fig_ttd_coverage
from gvcneg.io import save_csv, save_figure
from gvcneg.ledger.targets import load_targets_file
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    out = snakemake.output
    deals = pd.read_csv(snakemake.input.deals)
    participation = pd.read_csv(snakemake.input.participation)
    targets = load_targets_file(snakemake.input.targets)["targets"]
    table = coverage_table(supplied_counts(deals, participation), targets)
    coverage = Coverage.from_table(table)
    log.info(
        "\n%s\ncoverage: %s, complete: %s", table.to_string(), coverage.label, coverage.complete
    )
    save_csv(table, out.coverage)
    fig, plotted = fig_ttd_coverage(table)
    save_figure(fig, plotted, out.png, out.svg, out.csv)
