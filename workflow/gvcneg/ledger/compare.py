"""Compare each published target with the pipeline's own computed value."""

from __future__ import annotations

import math

import pandas as pd

from gvcneg.ledger.claims import UNJUDGED, ledger_status_text
from gvcneg.ledger.verdict import (  # noqa: F401  (re-exported: the ledger's statuses)
    AWAITING,
    BY_CONSTRUCTION,
    DIFFERS,
    EXTENSION_FAILS,
    EXTENSION_HOLDS,
    FLAGGED,
    NOT_REPRODUCIBLE,
    PARTIAL,
    PREMISE_MET,
    PREMISE_VIOLATED,
    REPRODUCED,
    STAND_IN,
    STATUSES,
    TRANSCRIBED,
    UNTESTABLE,
    Evidence,
    coverage_of,
    status,
)

LEDGER_COLUMNS = [
    "id",
    "document",
    "location",
    "claim",
    "claim_type",
    "published",
    "computed",
    "difference",
    "status",
    "agrees",
    "robustness",
    "explanation",
]


def evaluate_expression(expression: str, at: dict) -> float:
    """Evaluate a document's closed-form expression at the stated parameter values (parsed
    by a restricted grammar, gvcneg.ledger.expression; never evaluated as Python)."""
    from gvcneg.ledger.expression import evaluate

    return evaluate(expression, at)


def _within(computed: float, published: float, tolerance: dict) -> bool:
    if "decimals" in tolerance:
        # The published number is rounded: reproduced if ours rounds to the same digits.
        half = 0.5 * 10 ** (-tolerance["decimals"])
        return abs(computed - published) <= half + 1e-12
    abs_tol = tolerance.get("abs", 0.0)
    rel_tol = tolerance.get("rel", 0.0)
    return abs(computed - published) <= max(abs_tol, rel_tol * abs(published)) + 1e-15


def describe_published(published: dict) -> str:
    kind = published["kind"]
    if "text" in published:
        return published["text"]
    if kind == "value":
        return f"{published['value']:g}"
    if kind == "expression":
        at = ", ".join(f"{k}={v:g}" for k, v in published.get("at", {}).items())
        value = evaluate_expression(published["expression"], published.get("at", {}))
        return f"{published['expression']} at {at} = {value:.6g}"
    if kind == "sign":
        return published["sign"]
    if kind == "interval":
        lo = published.get("lower", -math.inf)
        hi = published.get("upper", math.inf)
        left = "(" if published.get("lower_open", False) else "["
        right = ")" if published.get("upper_open", False) else "]"
        return f"in {left}{lo:g}, {hi:g}{right}"
    if kind == "holds":
        share = published.get("share_at_least", 1.0)
        return "holds everywhere" if share >= 1 else f"holds on at least {share:.0%}"
    if kind == "upper_bound":
        return f"< {published['value']:g}"
    raise ValueError(f"unknown kind {kind}")


def compare_one(published: dict, tolerance: dict, value: float) -> tuple[str, float]:
    """Status and signed difference (NaN where a difference is not meaningful)."""
    kind = published["kind"]
    nan = math.nan
    if kind in ("value", "expression"):
        target = (
            published["value"]
            if kind == "value"
            else evaluate_expression(published["expression"], published.get("at", {}))
        )
        tol = tolerance or {"rel": 1e-6}
        return (REPRODUCED if _within(value, target, tol) else DIFFERS), value - target
    if kind == "sign":
        ok = {
            "positive": value > 0,
            "negative": value < 0,
            "nonnegative": value >= 0,
            "nonpositive": value <= 0,
        }[published["sign"]]
        return (REPRODUCED if ok else DIFFERS), nan
    if kind == "interval":
        lo, hi = published.get("lower", -math.inf), published.get("upper", math.inf)
        above = value > lo if published.get("lower_open", False) else value >= lo
        below = value < hi if published.get("upper_open", False) else value <= hi
        return (REPRODUCED if above and below else DIFFERS), nan
    if kind == "holds":
        share = published.get("share_at_least", 1.0)
        return (REPRODUCED if value >= share - 1e-12 else DIFFERS), value - share
    if kind == "upper_bound":
        return (REPRODUCED if value < published["value"] else DIFFERS), value - published["value"]
    raise ValueError(f"unknown kind {kind}")


def falsifiability_evidence(tables: pd.DataFrame | None) -> dict[str, bool]:
    """Target id -> can a violated premise make its check fail (gvcneg.ledger.falsification)?
    Only claims re-run under at least one premise-violating perturbation are listed."""
    if tables is None or tables.empty:
        return {}
    premised = tables[tables["kind"] != "sanity check"]
    return {
        claim: bool((group["kind"] == "falsification").any())
        for claim, group in premised.groupby("claim_id", sort=False)
    }


def build_ledger(
    targets: list[dict],
    computed: pd.DataFrame,
    robustness: pd.DataFrame | None = None,
    falsification: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per target. ``computed`` has columns document, quantity, value, status, note
    (and, for values on part of the document's data, coverage_have, coverage_of, coverage_unit).

    The status comes from :func:`gvcneg.ledger.verdict.status` alone: the target's
    ``claim_type`` and the evidence (availability, agreement, ``scope``, coverage).

    ``agrees`` says whether the computed value meets the published comparison, kept apart
    from ``status`` so a stand-in's agreement is visible without being called a reproduction.
    ``robustness`` (optional; columns id, robustness) comes from the specification sweeps;
    ``falsification`` (optional) stacks the theory documents' claim_falsifiability.csv: a
    result that no violated premise can make fail is "true by construction".
    A target whose quantity no document computed is a pipeline defect and raises.
    """
    robust = (
        {}
        if robustness is None
        else dict(zip(robustness["id"], robustness["robustness"], strict=True))
    )
    falsifiable = falsifiability_evidence(falsification)
    index = computed.set_index(["document", "quantity"])
    if not index.index.is_unique:
        dupes = index.index[index.index.duplicated()].tolist()
        raise ValueError(f"duplicate computed quantities: {dupes}")
    rows = [
        _ledger_row(target, _computed_for(index, target), robust, falsifiable) for target in targets
    ]
    return pd.DataFrame(rows, columns=LEDGER_COLUMNS)


def _computed_for(index: pd.DataFrame, target: dict) -> pd.Series:
    key = (target["document"], target["quantity"])
    if key not in index.index:
        raise KeyError(
            f"target {target['id']}: no computed quantity {target['quantity']!r} "
            f"in results/{target['document']}/computed.csv"
        )
    return index.loc[key]


def _ledger_row(target: dict, got: pd.Series, robust: dict, falsifiable: dict) -> dict:
    """Judge one target: the evidence is gathered here, the status decided by ``status``."""
    note = got["note"] if isinstance(got["note"], str) else ""
    agrees = math.nan
    value, diff = math.nan, math.nan
    coverage = coverage_of(
        got.get("coverage_have"), got.get("coverage_of"), got.get("coverage_unit")
    )
    withheld = None
    if got["status"] in UNJUDGED:
        # Partial data or too few observations (chapter 8): the value is shown, and the
        # note's leading text is the status the verdict rule gives it.
        withheld = ledger_status_text(note)
        note = note[len(withheld) :].lstrip("; ")
    if got["status"] == "computed" or withheld:
        value = float(got["value"])
        verdict, diff = compare_one(target["published"], target.get("tolerance", {}), value)
        agrees = verdict == REPRODUCED
    evidence = Evidence(
        availability="computed" if withheld else got["status"],
        agrees=None if (got["status"] != "computed" and not withheld) else bool(agrees),
        withheld=withheld,
        scope=target.get("scope", "document"),
        coverage=coverage,
        falsifiable=falsifiable.get(target["id"]),
    )
    row_status = status(target["claim_type"], evidence)
    return {
        "id": target["id"],
        "document": target["document"],
        "location": target["location"],
        "claim": target["claim"],
        "claim_type": target["claim_type"],
        "published": describe_published(target["published"]),
        "computed": value,
        "difference": diff,
        "status": row_status,
        "agrees": agrees,
        "robustness": _robustness(robust.get(target["id"], ""), row_status),
        "explanation": _explanation(target, note, row_status),
    }


STAND_IN_SPREAD = "on the stand-in only, not a check of the document's data: "


def _robustness(label: str, row_status: str) -> str:
    """A sweep over a stand-in shows how the stand-in moves, not whether the document's result
    survives its open choices: the label says so, so "16/16 robust" is never read as support."""
    if label and row_status == STAND_IN:
        return STAND_IN_SPREAD + label
    return label


def _explanation(target: dict, note: str, row_status: str) -> str:
    """The computing job's note, then what the status rests on, then the target's own words."""
    explanation = target.get("explanation", "")
    if row_status == STAND_IN and target.get("stand_in"):
        explanation = "; ".join(x for x in (f"stand-in: {target['stand_in']}", explanation) if x)
    if row_status == BY_CONSTRUCTION and target["claim_type"] == "result":
        explanation = "; ".join(
            x
            for x in (
                "true by construction: no perturbation that violates a stated premise of the "
                "document makes this check fail (claim_falsifiability.csv; only sanity checks "
                "do)",
                explanation,
            )
            if x
        )
    explanation = "; ".join(x for x in (note, explanation) if x)
    if target.get("referee"):
        explanation = f"{explanation} Referee re-derivation: {target['referee']}".strip()
    return explanation


def read_computed(paths_by_document: dict) -> pd.DataFrame:
    """Stack every document's computed.csv with a ``document`` column."""
    frames = []
    for document, path in sorted(paths_by_document.items()):
        frame = pd.read_csv(path, keep_default_na=True)
        frame.insert(0, "document", document)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)
