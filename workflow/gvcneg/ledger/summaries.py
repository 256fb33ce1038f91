"""What the report shows before the ledger: exhibit badges and each document's findings.

Summaries are never kinder than their worst row. An exhibit's status is the worst status
(gvcneg.ledger.verdict.SEVERITY) among the ledger rows whose location names the exhibit and
the exhibit's own status from the document manifest (substitute data, a redrawn diagram,
awaiting data). A document's findings are every row a referee should read first: results that
differ, premises violated, construction or transcription defects, and results whose
specification sweep is fragile or fails everywhere, one line each with its reason.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from gvcneg.ledger import verdict as v

EXHIBIT_COLUMNS = ["exhibit", "document", "status", "rows"]
FINDING_COLUMNS = ["id", "claim_type", "status", "robustness", "reason"]

LABEL_IN_LOCATION = re.compile(r"\b(Figure|Table)\s+(\d+(?:\.[0-9A-Z]+)*)")

# Exhibit statuses of the manifest (gvcneg.report.exhibits) ranked like the ledger status they
# stand for: a summary ranks every badge on one scale.
_MANIFEST_AS_LEDGER = {
    "missing": v.UNTESTABLE,
    "not made": v.NOT_REPRODUCIBLE,
    "substitute": v.STAND_IN,
    "simulated check": v.STAND_IN,
    "redrawn diagram": v.BY_CONSTRUCTION,
    "supplementary": v.REPRODUCED,
}
# Statuses that put a row on the findings list (the robustness labels are added below).
FINDING_STATUSES = (
    v.DIFFERS,
    v.PREMISE_VIOLATED,
    v.CONSTRUCTION_BROKEN,
    v.TRANSCRIPTION_DIFFERS,
)
FRAGILE_LABELS = ("fragile", "fails everywhere")


def _rank(status: str) -> int:
    for prefix, stands_for in _MANIFEST_AS_LEDGER.items():
        if status.startswith(prefix):
            return v.severity(stands_for)
    return v.severity(status)


def worst(statuses) -> str:
    """The worst of ledger and manifest statuses ("" for none)."""
    items = [s for s in statuses if isinstance(s, str) and s]
    return min(items, key=_rank) if items else ""


def labels_in(location) -> set[str]:
    """The exhibit labels ("Figure 7.4", "Table 8.3") a ledger location names."""
    return {f"{kind} {number}" for kind, number in LABEL_IN_LOCATION.findall(str(location))}


def rows_naming(ledger: pd.DataFrame, document: str, label: str) -> list[str]:
    """Ids of the document's ledger rows whose location names the exhibit label."""
    rows = ledger[ledger["document"] == document]
    return [r.id for r in rows.itertuples() if label in labels_in(r.location)]


def exhibit_table(ledger: pd.DataFrame, exhibits: list[dict]) -> pd.DataFrame:
    """One row per exhibit (``exhibits``: dicts with document, exhibit and the manifest's
    status, as gvcneg.report.exhibits.exhibit_rows gives them): the worst status among its
    ledger rows and its manifest status, and the ids of those rows (space-separated)."""
    status_of = dict(zip(ledger["id"], ledger["status"], strict=True))
    out = []
    for e in exhibits:
        ids = rows_naming(ledger, e["document"], e["exhibit"])
        if str(e["exhibit"]).startswith(("(pipeline)", "Estimator check")):
            ids = []  # the pipeline's own outputs and simulated checks carry no document row
        out.append(
            {
                "exhibit": e["exhibit"],
                "document": e["document"],
                "status": worst([e["status"], *(status_of[i] for i in ids)]),
                "rows": " ".join(ids),
            }
        )
    return pd.DataFrame(out, columns=EXHIBIT_COLUMNS)


def _first_sentence(text) -> str:
    text = " ".join(str(text or "").split())
    match = re.search(r"(?<=[.!?])\s+(?=[A-Z(])", text)
    return text[: match.start()] if match else text


def _is_finding(row, claim_type: str) -> bool:
    if any(str(row.status).startswith(s) for s in FINDING_STATUSES):
        return True
    robustness = "" if _missing(row.robustness) else str(row.robustness)
    return claim_type == v.RESULT and any(label in robustness for label in FRAGILE_LABELS)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def findings(ledger: pd.DataFrame, targets: list[dict], document: str) -> pd.DataFrame:
    """The document's findings list: one row per ledger row a referee should read first, with
    its reason (the target's ``finding``, else the first sentence of its explanation, else the
    published and computed values)."""
    by_id = {t["id"]: t for t in targets}
    rows = []
    for row in ledger[ledger["document"] == document].itertuples():
        target = by_id[row.id]
        if not _is_finding(row, target["claim_type"]):
            continue
        computed = "" if _missing(row.computed) else f"; computed {row.computed:.4g}"
        reason = " ".join(str(target.get("finding", "")).split()) or _first_sentence(
            target.get("explanation", "")
        )
        reason = reason or f"{row.claim} (published {row.published}{computed})"
        rows.append(
            {
                "id": row.id,
                "claim_type": target["claim_type"],
                "status": row.status,
                "robustness": "" if _missing(row.robustness) else str(row.robustness),
                "reason": reason,
            }
        )
    frame = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    order = frame["status"].map(_rank).sort_values(kind="stable").index
    return frame.loc[order].reset_index(drop=True)
