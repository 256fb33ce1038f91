"""Computed quantities ("claims") that a document's rules produce for the ledger.

Every document writes ``results/<document>/computed.csv`` with one row per quantity the
targets registry asks about: ``quantity, value, status, note``. ``status`` is one of
``computed``, ``awaiting_data`` (an input the document used is not available here yet; the
note names it), ``not_reproducible`` (the input can never be had, e.g. confidential data) or
``untestable`` (the document's premises cannot be met where the claim would be tested; the
note says which premise and where).
Booleans are written as 1/0; shares of a grid as fractions in [0, 1].
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

STATUSES = ("computed", "awaiting_data", "not_reproducible", "untestable")
COLUMNS = ["quantity", "value", "status", "note"]


@dataclass(frozen=True)
class Claim:
    quantity: str
    value: float
    status: str = "computed"
    note: str = ""

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"claim {self.quantity}: status {self.status!r} not in {STATUSES}")
        if self.status == "computed" and (self.value is None or math.isnan(float(self.value))):
            raise ValueError(f"claim {self.quantity}: status 'computed' needs a finite value")


def computed(quantity: str, value, note: str = "") -> Claim:
    return Claim(quantity, float(value), "computed", note)


def awaiting_data(quantity: str, source: str, note: str = "") -> Claim:
    text = f"awaiting data: {source}" + (f"; {note}" if note else "")
    return Claim(quantity, math.nan, "awaiting_data", text)


def not_reproducible(quantity: str, reason: str) -> Claim:
    return Claim(quantity, math.nan, "not_reproducible", reason)


def untestable(quantity: str, reason: str) -> Claim:
    return Claim(quantity, math.nan, "untestable", reason)


def claims_frame(claims: list[Claim]) -> pd.DataFrame:
    """Data frame of claims; quantity names must be unique."""
    frame = pd.DataFrame([c.__dict__ for c in claims], columns=COLUMNS)
    dupes = frame["quantity"][frame["quantity"].duplicated()].tolist()
    if dupes:
        raise ValueError(f"duplicate computed quantities: {dupes}")
    return frame
