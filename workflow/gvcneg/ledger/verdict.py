"""The one rule that turns a target's claim type and the evidence about it into a ledger status.

No status is ever set per claim: every target declares what kind of claim it is (its
``claim_type`` in ``targets/<document>.yaml``), the pipeline supplies the evidence (whether a
value was computed, whether it agrees with the published comparison, whether it was tested
inside the document's stated domain, on how much of the document's data), and :func:`status`
decides. Only a *result* can be "reproduced" or "differ".

Claim types (what the row is, not what it shows):

``result``
    the document derives or reports it from its model or data: "reproduced" / "differs"
``premise``
    the document assumes it; our calibration or data meets it or not: "premise met" /
    "premise violated" (a calibration chosen so that a premise holds meets a premise; it
    reproduces nothing)
``construction``
    true in our model by how we built it (a check that cannot fail): "true by construction"
``fact``
    a published fact compared with our transcription of it: "transcription checked"
``stand-in``
    a number computed on substitute data or a substitute model that cannot test the claim:
    "stand-in", whatever it shows
"""

from __future__ import annotations

import math
from dataclasses import dataclass

RESULT, PREMISE, CONSTRUCTION, FACT, STAND_IN_TYPE = (
    "result",
    "premise",
    "construction",
    "fact",
    "stand-in",
)
CLAIM_TYPES = (RESULT, PREMISE, CONSTRUCTION, FACT, STAND_IN_TYPE)

# Statuses. Only the first two belong to results.
REPRODUCED = "reproduced"
DIFFERS = "differs"
PREMISE_MET = "premise met"
PREMISE_VIOLATED = "premise violated"
BY_CONSTRUCTION = "true by construction"
# A construction check that fails is a defect of our implementation, never a finding.
CONSTRUCTION_BROKEN = "construction broken"
TRANSCRIBED = "transcription checked"
TRANSCRIPTION_DIFFERS = "transcription differs"
STAND_IN = "stand-in"
# A result tested outside the premises the document states: never the verdict on the claim.
EXTENSION_HOLDS = "extension: holds"
EXTENSION_FAILS = "extension: fails"
# A result computed on part of the document's data: "partial data (k of n <unit>)".
PARTIAL = "partial data"
# A result whose estimate rests on fewer treated pairs, events or clusters than a stated
# minimum ("flagged: ..."): shown, never judged.
FLAGGED = "flagged"
AWAITING = "awaiting data"
NOT_REPRODUCIBLE = "not reproducible"
# The document's premises cannot be met where the claim would be tested.
UNTESTABLE = "untestable"

# Availability of the computed value (the ``status`` column of results/<document>/computed.csv,
# gvcneg.ledger.claims) -> the ledger status it forces, whatever the claim type.
_UNAVAILABLE = {
    "awaiting_data": AWAITING,
    "not_reproducible": NOT_REPRODUCIBLE,
    "untestable": UNTESTABLE,
}
SCOPES = ("document", "extension")

# Severity, worst first: a summary (exhibit badge, caption, dashboard) shows the worst status
# among its rows. A failure we can show is worse than one we cannot check; data we lack is
# worse than a substitute; agreement comes last.
SEVERITY = (
    DIFFERS,
    PREMISE_VIOLATED,
    CONSTRUCTION_BROKEN,
    TRANSCRIPTION_DIFFERS,
    EXTENSION_FAILS,
    UNTESTABLE,
    NOT_REPRODUCIBLE,
    AWAITING,
    FLAGGED,
    PARTIAL,
    STAND_IN,
    BY_CONSTRUCTION,
    PREMISE_MET,
    EXTENSION_HOLDS,
    TRANSCRIBED,
    REPRODUCED,
)
STATUSES = SEVERITY


@dataclass(frozen=True)
class Coverage:
    """How much of the document's data a computed value rests on: ``have`` of ``of`` units.

    ``unit`` names what is counted, in the plural ("TTD texts", "economies", "dyad-years").
    ``have < of`` makes a result "partial data (have of of unit)" instead of reproduced or
    differs; ``have == of`` is full coverage and changes nothing.
    """

    have: int
    of: int
    unit: str

    def __post_init__(self):
        if not (0 <= self.have <= self.of) or self.of <= 0:
            raise ValueError(f"coverage {self.have} of {self.of}: need 0 <= have <= of, of > 0")
        if not self.unit:
            raise ValueError("coverage needs a unit (what is counted)")

    @property
    def partial(self) -> bool:
        return self.have < self.of

    def text(self) -> str:
        return f"{PARTIAL} ({self.have} of {self.of} {self.unit})"


@dataclass(frozen=True)
class Evidence:
    """What the pipeline knows about one target.

    ``availability``: the computed value's status in computed.csv (``computed``,
    ``awaiting_data``, ``not_reproducible``, ``untestable``).
    ``agrees``: the computed value meets the published comparison (None where no value).
    ``scope``: ``document`` (tested on the domain the document states) or ``extension``
    (deliberately outside it, declared per target as ``scope: extension``).
    ``coverage``: None (the document's whole data, or a model) or a :class:`Coverage`.
    ``falsifiable``: from the document's falsifiability table (gvcneg.ledger.falsification):
    True if some perturbation that violates a stated, quoted premise makes the check fail,
    False if the check was re-run under such perturbations and none made it fail, None where
    the document has no such table (empirical documents) or the row is not in it.
    """

    availability: str = "computed"
    agrees: bool | None = None
    scope: str = "document"
    coverage: Coverage | None = None
    falsifiable: bool | None = None
    # Set by a data guard of the document's claims builder (chapter 8: "partial data (k of n
    # deals)" when a supplied TTD file falls short of the chapter's own counts, "flagged: ..."
    # when an estimate rests on too few treated pairs/events/clusters, "stand-in (...)" when
    # an estimate's controls come from substitute data): the value is kept and shown, and this
    # text is the status, for every claim type.
    withheld: str | None = None

    def __post_init__(self):
        if self.availability != "computed" and self.availability not in _UNAVAILABLE:
            raise ValueError(f"unknown availability {self.availability!r}")
        if self.availability == "computed" and self.agrees is None:
            raise ValueError("a computed value needs 'agrees'")
        if self.scope not in SCOPES:
            raise ValueError(f"unknown scope {self.scope!r}; expected one of {SCOPES}")


def status(claim_type: str, evidence: Evidence) -> str:
    """The ledger status of one target, from its claim type and the evidence alone.

    Order of the rule:

    1. No value (awaiting data, not reproducible, untestable): that, for every type.
    2. ``stand-in``: "stand-in" (the ``agrees`` column still shows what it shows).
    3. ``fact``: "transcription checked" or "transcription differs".
    4. ``construction``: "true by construction"; a failing construction check is a defect
       of our implementation ("construction broken"), never "differs".
    5. ``premise``: "premise met" or "premise violated"; partial coverage does not soften a
       violation but a met premise on partial data is reported as partial.
    6. ``result`` outside the document's stated domain: "extension: holds/fails".
    7. ``result`` on partial data (``evidence.coverage`` with have < of):
       "partial data (k of n <unit>)", never "reproduced" or "differs" — whatever it shows.
    8. ``result`` that agrees but whose check no violated premise of the document can make
       fail (``falsifiable`` False): "true by construction" — a check that cannot fail
       reproduces nothing.
    9. ``result``: "reproduced" or "differs".

    Data-coverage interface (for documents computed on part of their data, e.g. chapter 8's
    TTD texts): the document's claims builder attaches a coverage to the claim
    (``gvcneg.ledger.claims.computed(quantity, value, note, coverage=Coverage(k, n, unit))``),
    which writes the columns ``coverage_have``, ``coverage_of``, ``coverage_unit`` of
    computed.csv; ``build_ledger`` turns them back into ``Evidence.coverage``. Nothing else is
    needed: this function makes such a row "partial data (k of n unit)".
    """
    if claim_type not in CLAIM_TYPES:
        raise ValueError(f"unknown claim type {claim_type!r}; expected one of {CLAIM_TYPES}")
    if evidence.availability != "computed":
        return _UNAVAILABLE[evidence.availability]
    if evidence.withheld:
        if not evidence.withheld.startswith((PARTIAL, FLAGGED, STAND_IN)):
            raise ValueError(
                f"withheld status {evidence.withheld!r}: expected {PARTIAL!r}, {FLAGGED!r} "
                f"or {STAND_IN!r}"
            )
        return evidence.withheld
    agrees = bool(evidence.agrees)
    partial = evidence.coverage is not None and evidence.coverage.partial
    if claim_type == STAND_IN_TYPE:
        return STAND_IN
    if claim_type == FACT:
        return TRANSCRIBED if agrees else TRANSCRIPTION_DIFFERS
    if claim_type == CONSTRUCTION:
        return BY_CONSTRUCTION if agrees else CONSTRUCTION_BROKEN
    if claim_type == PREMISE:
        if not agrees:
            return PREMISE_VIOLATED
        return evidence.coverage.text() if partial else PREMISE_MET
    if evidence.scope == "extension":
        return EXTENSION_HOLDS if agrees else EXTENSION_FAILS
    if partial:
        return evidence.coverage.text()
    if agrees and evidence.falsifiable is False:
        return BY_CONSTRUCTION
    return REPRODUCED if agrees else DIFFERS


def severity(status_text: str) -> int:
    """Rank of a status (0 = worst). Statuses with a detail ("partial data (3 of 9 ...)",
    "awaiting data: wto-ttd") rank by their prefix; unknown statuses rank just above
    "reproduced" so a summary never hides them behind a kinder badge."""
    text = str(status_text)
    for rank, known in enumerate(SEVERITY):
        if text == known or text.startswith(known):
            return rank
    return len(SEVERITY) - 1


def worst(statuses) -> str:
    """The worst of several statuses (an empty list has none: "")."""
    items = [s for s in statuses if isinstance(s, str) and s]
    return min(items, key=severity) if items else ""


def coverage_of(have, of, unit) -> Coverage | None:
    """A :class:`Coverage` from computed.csv's columns (None where they are empty)."""
    try:
        missing = any(v is None or (isinstance(v, float) and math.isnan(v)) for v in (have, of))
    except TypeError:
        missing = True
    if missing or not isinstance(unit, str) or not unit:
        return None
    return Coverage(int(have), int(of), unit)


# Words with which a row's own explanation says it is not a reproduced result.
ADMISSIONS = (
    "calibrated",
    "calibration",
    "chosen so that",
    "chosen so it",
    "by construction",
    "not a result",
    "a premise",
)


def dishonest_rows(ledger) -> list[str]:
    """Ids of "reproduced" rows that are not results, or whose own explanation admits a
    calibration, a construction or a premise (``ledger``: the ledger frame). Must be empty:
    the ledger rule refuses to write a ledger with any."""
    bad = []
    for row in ledger.itertuples():
        if row.status != REPRODUCED:
            continue
        text = str(row.explanation if isinstance(row.explanation, str) else "").lower()
        if row.claim_type != RESULT or any(word in text for word in ADMISSIONS):
            bad.append(row.id)
    return bad
