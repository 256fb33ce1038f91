"""Rule script: build results/ledger.csv from the targets registry and computed.csv files.

The HTML version ends with the build stamp (commit, config hash, date, versions); the CSV and
Markdown stay free of it, so two runs of the same code compare byte for byte.
"""

import html
import json
import os
from pathlib import Path

import pandas as pd

from gvcneg.io import save_table, write_text
from gvcneg.ledger.compare import build_ledger, read_computed
from gvcneg.ledger.targets import load_registry
from gvcneg.ledger.verdict import dishonest_rows
from gvcneg.logs import logged
from gvcneg.report.stamp import build_stamp, stamp_text

with logged(snakemake.log[0]) as log:
    targets = load_registry(snakemake.input.targets)
    computed = read_computed(
        dict(zip(snakemake.params.documents, snakemake.input.computed, strict=True))
    )
    robustness = (
        pd.concat([pd.read_csv(p) for p in snakemake.input.robustness], ignore_index=True)
        if snakemake.input.robustness
        else None
    )
    falsification = (
        pd.concat([pd.read_csv(p) for p in snakemake.input.falsification], ignore_index=True)
        if snakemake.input.falsification
        else None
    )
    ledger = build_ledger(targets, computed, robustness, falsification)
    dishonest = dishonest_rows(ledger)
    if dishonest:
        raise ValueError(
            "rows called 'reproduced' that are not results or whose explanation admits a "
            f"calibration, a construction or a premise (fix their claim_type): {dishonest}"
        )
    log.info("ledger statuses:\n%s", ledger["status"].value_counts().to_string())
    save_table(ledger, snakemake.output.csv, snakemake.output.md, snakemake.output.html, ".4g")
    repo = Path(snakemake.input.targets[0]).resolve().parents[1]
    config = json.loads(json.dumps(snakemake.config, default=str))
    stamp = stamp_text(build_stamp(repo, config, os.environ.get("GVCNEG_PROFILE", "")))
    table_html = Path(snakemake.output.html).read_text()
    write_text(
        snakemake.output.html, f'{table_html}<p class="stamp">Build: {html.escape(stamp)}</p>\n'
    )
