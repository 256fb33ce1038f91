"""What a run leaves behind when it ends: the manifest after success, a stale mark after failure.

Called from the Snakefile's ``onsuccess``/``onerror`` hooks (the main Snakemake process only;
never in dry runs or summaries). After a failed run every page of the report is moved aside
(``gvcneg_report.html`` to ``gvcneg_report.stale.html``, ``ledger.html`` to
``ledger.stale.html``, ...) and ``RUN_FAILED.json`` says when and at which commit, so an old
report cannot be mistaken for the result of the current code; the next successful run renders
it again and removes the marks.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from gvcneg.io import write_text
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


class DeclaredOutputMissing(RuntimeError):
    """Raised by :func:`on_success` so that a run with a declared output missing fails."""


def on_success(results, repo, config, missing: list[str] = ()) -> None:
    """``missing``: declared outputs of the run's DAG that do not exist. Snakemake reports
    success when every job it *ran* succeeded; an output it did not plan to rebuild may still
    be gone (deleted while the run went on, or by a job of another rule). Then the run fails:
    the results are marked stale and no manifest describes them."""
    if os.environ.get(NESTED):
        return
    results = Path(results)
    if missing:
        on_error(results, repo, config, missing=missing)
        raise DeclaredOutputMissing(
            f"the run finished but {len(missing)} declared output(s) do not exist: "
            + ", ".join(missing[:10])
            + (" ..." if len(missing) > 10 else "")
            + ". Run `make replicate` again: the run guard rebuilds missing outputs."
        )
    if not results.is_dir():
        return
    (results / FAILED).unlink(missing_ok=True)
    for stale in (results / "report").glob("*.stale.html"):
        stale.unlink()
    write_manifest(results, _stamp(repo, config))


def on_error(results, repo, config, missing: list[str] = ()) -> None:
    if os.environ.get(NESTED):
        return
    results = Path(results)
    results.mkdir(parents=True, exist_ok=True)
    stamp = _stamp(repo, config)
    record = {"failed": stamp["date"], "commit": stamp["commit"], "dirty": stamp["dirty"],
              "what": "the last run failed: results/ may mix outputs of this and older runs; "
                      "the report's pages were moved to report/*.stale.html"}  # fmt: skip
    if missing:
        record["missing_outputs"] = list(missing)
    write_text(results / FAILED, json.dumps(record, indent=1) + "\n")
    for page in sorted((results / "report").glob("*.html")):
        if not page.name.endswith(".stale.html"):
            page.replace(page.with_name(page.name.removesuffix(".html") + ".stale.html"))
    (results / "manifest.json").unlink(missing_ok=True)
