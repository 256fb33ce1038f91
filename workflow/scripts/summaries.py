"""Rule script: results/exhibits.csv (every exhibit's badge = its worst row) and each
document's findings list (results/<document>/findings.csv), both from the ledger."""

import os
from pathlib import Path

import pandas as pd

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
    table.to_csv(snakemake.output.exhibits, index=False)
    log.info("exhibit statuses:\n%s", table["status"].value_counts().to_string())
    for document, path in zip(snakemake.params.documents, snakemake.output.findings, strict=True):
        listed = findings(ledger, targets, document)
        listed.to_csv(path, index=False)
        log.info("%s: %d findings", document, len(listed))
