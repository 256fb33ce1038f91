"""Rule script: results/exhibits.csv (every exhibit's badge = its worst row) and each
document's findings list (results/<document>/findings.csv), both from the ledger."""

import os
from pathlib import Path

import pandas as pd

from gvcneg.io import save_csv
from gvcneg.ledger.summaries import exhibit_table, findings
from gvcneg.ledger.targets import load_registry
from gvcneg.logs import logged
from gvcneg.report import exhibits as ex

with logged(snakemake.log[0]) as log:
    repo = Path(snakemake.params.repo)
    results = snakemake.params.results
    ledger = pd.read_csv(snakemake.input.ledger)
    targets = load_registry(snakemake.input.targets)
    built = ex.built_stems(os.path.relpath(p, results) for p in snakemake.input.results)
    registry = ex.with_supplementary(ex.load_registry(repo), built, ex.document_names(repo))
    table = exhibit_table(ledger, ex.exhibit_rows(registry, built))
    save_csv(table, snakemake.output.exhibits)
    log.info("exhibit statuses:\n%s", table["status"].value_counts().to_string())
    for document, path in zip(snakemake.params.documents, snakemake.output.findings, strict=True):
        listed = findings(ledger, targets, document)
        save_csv(listed, path)
        log.info("%s: %d findings", document, len(listed))
