"""Rule script: gather one document's sweep families into verdict_sweep.csv (every claim under
every specification, against targets/, each specification marked as a reading of the document
or beyond it), robustness.csv (k/n over the document's readings, and the sensitivity check,
for the ledger) and sweep_choices.csv (every swept choice with its basis)."""

import pandas as pd

from gvcneg.figures.specification_curve import specification_curve
from gvcneg.io import save_csv, save_figure
from gvcneg.ledger.sweep import robustness, verdict_sweep
from gvcneg.ledger.targets import load_targets_file
from gvcneg.logs import logged
from gvcneg.sweeps import beyond_values, choice_table

with logged(snakemake.log[0]) as log:
    (sweep_cfg,) = (section["sweep"] for section in snakemake.params.cfg.values())
    sweep = pd.concat([pd.read_csv(path) for path in snakemake.input.families], ignore_index=True)
    targets = load_targets_file(snakemake.input.targets)["targets"]
    verdicts = verdict_sweep(sweep, targets, snakemake.params.main, beyond_values(sweep_cfg))
    labels = robustness(verdicts)
    save_csv(verdicts, snakemake.output.verdicts)
    save_csv(labels, snakemake.output.robustness)
    save_csv(choice_table(sweep_cfg), snakemake.output.choices)
    fig, data = specification_curve(verdicts, targets, snakemake.params.title)
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
    log.info("\n%s", labels.to_string())
