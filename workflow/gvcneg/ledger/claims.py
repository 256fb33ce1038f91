"""Computed quantities ("claims") that a document's rules produce for the ledger.

Every document writes ``results/<document>/computed.csv`` with one row per quantity the
targets registry asks about: ``quantity, value, status, note``. ``status`` is one of
``computed``, ``awaiting_data`` (an input the document used is not available here yet; the
note names it), ``not_reproducible`` (the input can never be had, e.g. confidential data) or
``untestable`` (the document's premises cannot be met where the claim would be tested; the
note says which premise and where), ``partial_data`` (computed on part of the document's data)
``flagged`` (the estimate rests on fewer observations than a stated minimum) or ``stand_in``
(the estimate's controls come from substitute data): for these three
the value is kept, never judged, and the note starts with the ledger status text, e.g.
"partial data (8 of 185 deals); ...".
Booleans are written as 1/0; shares of a grid as fractions in [0, 1].

A value computed on part of the document's data carries a coverage
(:class:`gvcneg.ledger.verdict.Coverage`: k of n units); the frame then has three more
columns, ``coverage_have, coverage_of, coverage_unit``, which the ledger's verdict rule reads
(a result on partial data is "partial data (k of n unit)", never reproduced or differs).
Frames without any coverage keep the four columns.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from gvcneg.ledger.verdict import Coverage

STATUSES = (
    "computed",
    "awaiting_data",
    "not_reproducible",
    "untestable",
    "partial_data",
    "flagged",
    "stand_in",
)
# Statuses whose value is kept but never compared into "reproduced"/"differs".
UNJUDGED = ("partial_data", "flagged", "stand_in")
COLUMNS = ["quantity", "value", "status", "note"]
COVERAGE_COLUMNS = ["coverage_have", "coverage_of", "coverage_unit"]


@dataclass(frozen=True)
class Claim:
    quantity: str
    value: float
    status: str = "computed"
    note: str = ""
    coverage: Coverage | None = None

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"claim {self.quantity}: status {self.status!r} not in {STATUSES}")
        if self.status in ("computed", *UNJUDGED) and (
            self.value is None or math.isnan(float(self.value))
        ):
            raise ValueError(f"claim {self.quantity}: status 'computed' needs a finite value")


def computed(quantity: str, value, note: str = "", coverage: Coverage | None = None) -> Claim:
    return Claim(quantity, float(value), "computed", note, coverage)


def awaiting_data(quantity: str, source: str, note: str = "") -> Claim:
    text = f"awaiting data: {source}" + (f"; {note}" if note else "")
    return Claim(quantity, math.nan, "awaiting_data", text)


def not_reproducible(quantity: str, reason: str) -> Claim:
    return Claim(quantity, math.nan, "not_reproducible", reason)


def untestable(quantity: str, reason: str) -> Claim:
    return Claim(quantity, math.nan, "untestable", reason)


def unjudged(claim: Claim, status_text: str, note: str, kind: str = "partial_data") -> Claim:
    """``claim`` kept with its value but not judged: the ledger shows ``status_text``."""
    text = "; ".join(x for x in (status_text, note, claim.note) if x)
    return Claim(claim.quantity, claim.value, kind, text)


def ledger_status_text(note: str) -> str:
    """The ledger status of an unjudged claim: its note up to the first ';'."""
    return note.split(";", 1)[0].strip()


def claims_frame(claims: list[Claim]) -> pd.DataFrame:
    """Data frame of claims; quantity names must be unique."""
    rows = []
    for c in claims:
        row = {"quantity": c.quantity, "value": c.value, "status": c.status, "note": c.note}
        if c.coverage is not None:
            row |= dict(
                zip(
                    COVERAGE_COLUMNS, (c.coverage.have, c.coverage.of, c.coverage.unit), strict=True
                )
            )
        rows.append(row)
    with_coverage = any(c.coverage is not None for c in claims)
    frame = pd.DataFrame(rows, columns=COLUMNS + (COVERAGE_COLUMNS if with_coverage else []))
    dupes = frame["quantity"][frame["quantity"].duplicated()].tolist()
    if dupes:
        raise ValueError(f"duplicate computed quantities: {dupes}")
    return frame
