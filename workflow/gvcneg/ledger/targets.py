"""Load the registry of published targets (``targets/<document>.yaml``).

Published numbers live only here. Each file::

    document: deremer2023            # the results/<document>/computed.csv that answers it
    citation: "..."
    targets:
      - id: deremer2023.eq7_fig1      # unique across the registry
        location: "Section 3.3, equation (7)"
        claim: "what the document says"
        published: {kind: value, value: 1.23}
        tolerance: {decimals: 2}      # or {abs: ...} / {rel: ...}; kind-dependent
        quantity: some_coefficient    # row of computed.csv
        explanation: "why a difference is expected (vintage, substitution, ...)"  # optional
        claim_type: result            # required, see below
        scope: extension              # optional: a result tested outside the document's domain
        stand_in: "which stand-in and why it cannot test the claim"  # with claim_type stand-in
        source_quote: "the document's own words naming a source"     # optional
        finding: "one line a referee should read first"              # optional
        referee: "what an independent re-derivation disagreed with"  # optional

``claim_type`` says what the row is; the status follows from it and the evidence by one rule
(gvcneg.ledger.verdict.status), never set per target:
    result        the document derives it: "reproduced" / "differs" (only a result can be
                  either); with ``scope: extension`` "extension: holds/fails"
    premise       the document assumes it; our calibration or data meets it or not:
                  "premise met" / "premise violated"
    construction  true in our model by how we built it: "true by construction"
    fact          a published fact compared with our transcription of it
    stand-in      computed on a declared substitute that cannot test the claim: "stand-in";
                  ``stand_in`` must say which and why
``finding`` is the one-line reason shown in the document's findings list (report chapters
open with it) when the row differs, violates a premise or is fragile; without it the list
shows the first sentence of the explanation. ``referee`` records where an independent
re-derivation (a reader given only the document's text and the ledger row) disagreed with the
row's type, status, domain or wording, and what became of it; the ledger appends it to the
explanation, so a disagreement is never dropped silently.

Kinds of ``published``:
    value       {value: x}; compared with ``tolerance`` (decimals = the published rounding)
    expression  {expression: "formula", at: {symbol: value}}; the document's own formula
                (numbers, symbols, + - * / ** ^, a whitelist of functions: parsed by
                gvcneg.ledger.expression, never evaluated as Python); then compared like ``value``
    sign        {sign: positive | negative | nonnegative | nonpositive}
    interval    {lower: a, upper: b, lower_open: bool, upper_open: bool}; either bound optional
    holds       {share_at_least: s}: the computed value is the share of a grid where a claim
                holds (1.0 = everywhere)
    upper_bound {value: x}: e.g. "p < 0.001" (strict)
"""

from __future__ import annotations

from pathlib import Path

from gvcneg.ledger import expression
from gvcneg.ledger.verdict import CLAIM_TYPES, RESULT, SCOPES, STAND_IN_TYPE
from gvcneg.yaml_schema import load_validated

KINDS = ("value", "expression", "sign", "interval", "holds", "upper_bound")

_PUBLISHED = {
    "type": "object",
    "required": ["kind"],
    "properties": {
        "kind": {"enum": list(KINDS)},
        "value": {"type": "number"},
        "expression": {"type": "string"},
        "at": {"type": "object", "additionalProperties": {"type": "number"}},
        "sign": {"enum": ["positive", "negative", "nonnegative", "nonpositive"]},
        "lower": {"type": "number"},
        "upper": {"type": "number"},
        "lower_open": {"type": "boolean"},
        "upper_open": {"type": "boolean"},
        "share_at_least": {"type": "number", "minimum": 0, "maximum": 1},
        "text": {"type": "string"},
    },
    "additionalProperties": False,
}

TARGETS_SCHEMA = {
    "type": "object",
    "required": ["document", "citation", "targets"],
    "additionalProperties": False,
    "properties": {
        "document": {"type": "string", "pattern": "^[a-z0-9_]+$"},
        "citation": {"type": "string"},
        "targets": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "location", "claim", "claim_type", "published", "quantity"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string"},
                    "location": {"type": "string"},
                    "claim": {"type": "string"},
                    "published": _PUBLISHED,
                    "tolerance": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "abs": {"type": "number", "minimum": 0},
                            "rel": {"type": "number", "minimum": 0},
                            "decimals": {"type": "integer", "minimum": 0},
                        },
                    },
                    "quantity": {"type": "string"},
                    "explanation": {"type": "string"},
                    "claim_type": {"enum": list(CLAIM_TYPES)},
                    "scope": {"enum": list(SCOPES)},
                    "finding": {"type": "string"},
                    "stand_in": {"type": "string"},
                    "source_quote": {"type": "string"},
                    "referee": {"type": "string"},
                },
            },
        },
    },
}


class TargetsError(ValueError):
    """The targets registry is malformed."""


def load_targets_file(path) -> dict:
    path = Path(path)
    data = load_validated(path, TARGETS_SCHEMA, TargetsError)
    for target in data["targets"]:
        kind = target["published"]["kind"]
        if target["claim_type"] == STAND_IN_TYPE and not target.get("stand_in"):
            raise TargetsError(
                f"{path}: target {target['id']}: claim_type stand-in needs 'stand_in' "
                "(which stand-in and why it cannot test the claim)"
            )
        if target.get("scope", "document") != "document" and target["claim_type"] != RESULT:
            raise TargetsError(
                f"{path}: target {target['id']}: only a result can be tested outside the "
                f"document's domain (scope {target['scope']}, claim_type {target['claim_type']})"
            )
        needs = {"value": "value", "upper_bound": "value", "expression": "expression"}
        if kind in needs and needs[kind] not in target["published"]:
            raise TargetsError(f"{path}: target {target['id']}: kind {kind} needs '{needs[kind]}'")
        if kind == "expression":
            _check_expression(path, target)
    return data


def _check_expression(path: Path, target: dict) -> None:
    """Parsed with the restricted grammar of gvcneg.ledger.expression (never evaluated as
    Python); every name it uses must be given in ``at``."""
    published = target["published"]
    try:
        free = expression.names(published["expression"])
    except expression.ExpressionError as err:
        raise TargetsError(
            f"{path}: target {target['id']}: expression {published['expression']!r} refused: {err}"
        ) from None
    missing = free - set(published.get("at", {}))
    if missing:
        raise TargetsError(
            f"{path}: target {target['id']}: expression {published['expression']!r} uses "
            f"{sorted(missing)} without a value in 'at'"
        )


def load_registry(paths) -> list[dict]:
    """All targets from the given files, each with its ``document`` and ``citation``."""
    rows, seen = [], set()
    for path in sorted(Path(p) for p in paths):
        data = load_targets_file(path)
        for target in data["targets"]:
            if target["id"] in seen:
                raise TargetsError(f"{path}: duplicate target id {target['id']}")
            seen.add(target["id"])
            rows.append({**target, "document": data["document"], "citation": data["citation"]})
    return rows
