"""What a run leaves behind when it ends: the manifest after success, a stale mark after failure.

Called from the Snakefile's ``onsuccess``/``onerror`` hooks (the main Snakemake process only;
never in dry runs or summaries). After a failed run the report is moved to
``gvcneg_report.stale.html`` and ``RUN_FAILED.json`` says when and at which commit, so an old
report cannot be mistaken for the result of the current code; the next successful run renders
it again and removes the mark.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from gvcneg.report.manifest import write_manifest
from gvcneg.report.stamp import build_stamp

FAILED = "RUN_FAILED.json"
REPORT = Path("report") / "gvcneg_report.html"
STALE = Path("report") / "gvcneg_report.stale.html"
# Set in the environment of nested Snakemake calls (provenance's --detailed-summary), whose
# hooks must not touch the outer run's files.
NESTED = "GVCNEG_NESTED_SNAKEMAKE"


def _stamp(repo, config) -> dict:
    return build_stamp(Path(repo), dict(config), os.environ.get("GVCNEG_PROFILE", ""))


def on_success(results, repo, config) -> None:
    if os.environ.get(NESTED):
        return
    results = Path(results)
    if not results.is_dir():
        return
    (results / FAILED).unlink(missing_ok=True)
    (results / STALE).unlink(missing_ok=True)
    write_manifest(results, _stamp(repo, config))


def on_error(results, repo, config) -> None:
    if os.environ.get(NESTED):
        return
    results = Path(results)
    results.mkdir(parents=True, exist_ok=True)
    stamp = _stamp(repo, config)
    (results / FAILED).write_text(
        json.dumps(
            {"failed": stamp["date"], "commit": stamp["commit"], "dirty": stamp["dirty"],
             "what": "the last run failed: results/ may mix outputs of this and older runs; "
                     "the report was moved to report/gvcneg_report.stale.html"},
            indent=1,
        ) + "\n"
    )  # fmt: skip
    if (results / REPORT).exists():
        (results / REPORT).replace(results / STALE)
    (results / "manifest.json").unlink(missing_ok=True)
