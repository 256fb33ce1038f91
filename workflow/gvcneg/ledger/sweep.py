"""Verdicts across a specification sweep: for every target whose quantity a document's sweep
computed, whether the published comparison holds under each specification, the robustness
label the ledger shows next to the main specification's status, and the separate
sensitivity check.

Two kinds of specification (config ``<document>.sweep``, see :mod:`gvcneg.sweeps`):

- **document**: every choice takes a reading the document's words allow. Only these enter
  ``robustness``: "k/n label" over the distinct specifications that yield a value.
- **beyond the document**: at least one choice takes a value the document rules out (a source
  other than the one it names, a treatment of data artefacts it does not make). These form
  ``sensitivity``, reported apart and never counted in k/n.

A choice that changes nothing for a claim (its value is identical whichever value the choice
takes, all other choices fixed) is not a dimension of that claim: its specifications are
counted once, and the text names it. Specifications that yield no value are counted and shown
("m of N give no value"). A fragile label names the choices that flip it.

Labels: ``robust`` (holds under every counted specification with a value), ``fragile``
(under some), ``fails everywhere`` (under none). The headline status stays with the declared
main specification (the first value of every choice).
"""

from __future__ import annotations

import itertools
import math

import pandas as pd

from gvcneg.ledger.compare import REPRODUCED, compare_one
from gvcneg.sweeps import BEYOND, DOCUMENT, specification_basis

ROBUST = "robust"
FRAGILE = "fragile"
FAILS_EVERYWHERE = "fails everywhere"

SWEEP_COLUMNS = ["claim", "quantity", "family", "choices", "basis", "value", "holds", "main"]
ROBUSTNESS_COLUMNS = ["id", "robustness", "holds", "n", "label", "no_value", "sensitivity"]
# Conjunctions listed in a flip description before the rest is summarised.
MAX_CONJUNCTIONS = 3


def label(holds: int, n: int) -> str:
    """The robustness label of a claim that holds under ``holds`` of ``n`` specifications."""
    if n <= 0:
        raise ValueError("a robustness label needs at least one specification with a value")
    if holds == n:
        return ROBUST
    if holds == 0:
        return FAILS_EVERYWHERE
    return FRAGILE


def parse_choices(name: str, param_sep: str = "~", filename_sep: str = ";") -> dict[str, str]:
    """The choices of a specification from its Paramspace name ("fy~2025;gini~wid")."""
    pairs = (part.split(param_sep, 1) for part in name.split(filename_sep) if part)
    return {key: value for key, value in pairs}


def verdict_sweep(
    sweep: pd.DataFrame,
    targets: list[dict],
    main: dict[str, str],
    beyond: dict[str, dict[str, list[str]]] | None = None,
) -> pd.DataFrame:
    """One row per (target, specification of every family that computes its quantity): the
    value and whether the target's published comparison holds there (``holds`` is empty
    where the specification yields no value, including where it does not compute the
    quantity at all), and the specification's ``basis`` (document / beyond the document).

    ``sweep`` has columns family, specification, quantity, value; ``main`` maps each family to
    its main specification's name; ``beyond`` maps family -> choice -> values beyond the
    document (default: none)."""
    beyond = beyond or {}
    specifications = {
        family: list(dict.fromkeys(group["specification"]))
        for family, group in sweep.groupby("family", sort=False)
    }
    rows = []
    for target in targets:
        found = sweep[sweep["quantity"] == target["quantity"]]
        for family in dict.fromkeys(found["family"]):
            values = found[found["family"] == family].set_index("specification")["value"]
            for name in specifications[family]:
                value = float(values.get(name, math.nan))
                holds = math.nan
                if not math.isnan(value):
                    verdict, _ = compare_one(
                        target["published"], target.get("tolerance", {}), value
                    )
                    holds = float(verdict == REPRODUCED)
                rows.append(
                    {
                        "claim": target["id"],
                        "quantity": target["quantity"],
                        "family": family,
                        "choices": name,
                        "basis": specification_basis(parse_choices(name), beyond.get(family, {})),
                        "value": value,
                        "holds": holds,
                        "main": name == main.get(family),
                    }
                )
    return pd.DataFrame(rows, columns=SWEEP_COLUMNS)


def _choice_frame(group: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame([parse_choices(c) for c in group["choices"]], index=group.index)


def inert_choices(group: pd.DataFrame) -> list[str]:
    """The choices that change nothing for one claim: with every other choice fixed, the
    claim's value (no value included) is the same whichever value the choice takes."""
    choices = _choice_frame(group)
    values = group["value"].round(12).fillna(math.inf)
    inert = []
    for axis in choices.columns:
        if choices[axis].nunique() < 2:
            continue
        others = [c for c in choices.columns if c != axis]
        frame = choices.assign(_value=values)
        if others:
            distinct = frame.groupby(others, dropna=False)["_value"].nunique()
            if (distinct <= 1).all():
                inert.append(axis)
        elif frame["_value"].nunique() <= 1:
            inert.append(axis)
    return inert


def _counted(group: pd.DataFrame, inert: list[str]) -> pd.DataFrame:
    """One specification per distinct combination of the choices that matter."""
    choices = _choice_frame(group).drop(columns=inert)
    if choices.empty or choices.shape[1] == 0:
        return group.iloc[:1]
    keep = ~choices.duplicated()
    return group[keep.to_numpy()]


def _conjunction(axes: tuple, values: tuple) -> str:
    return " & ".join(f"{a}={v}" for a, v in zip(axes, values, strict=True))


def describe_subset(choices: pd.DataFrame, subset: pd.Series) -> str:
    """The specifications flagged in ``subset`` described as a union of conjunctions of
    choices ("income_status=2024 & gini=wid_pretax, or gfc_year=2009"): each conjunction holds
    for flagged specifications only, smaller ones first, chosen greedily until every flagged
    specification is covered. ``choices`` has one column per choice."""
    target = set(choices.index[subset.to_numpy()])
    axes = [c for c in choices.columns if choices[c].nunique() > 1]
    uncovered = set(target)
    chosen: list[str] = []
    for size in range(1, len(axes) + 1):
        if not uncovered:
            break
        candidates = []
        for combo in itertools.combinations(axes, size):
            for values, frame in choices.groupby(list(combo)):
                values = values if isinstance(values, tuple) else (values,)
                rows = set(frame.index)
                if rows <= target and rows & uncovered:
                    candidates.append((rows, _conjunction(combo, values)))
        while candidates and uncovered:
            rows, text = max(candidates, key=lambda c: len(c[0] & uncovered))
            if not rows & uncovered:
                break
            chosen.append(text)
            uncovered -= rows
            candidates = [c for c in candidates if c[0] & uncovered]
    if not axes:
        return "the only specification"
    shown = chosen[:MAX_CONJUNCTIONS]
    text = ", or ".join(shown)
    if len(chosen) > len(shown):
        text += f", or {len(chosen) - len(shown)} more combinations"
    return text


def flip_description(valued: pd.DataFrame) -> str:
    """For a fragile claim: the choices that flip it, naming the smaller side ("fails when
    ..." or "holds only when ...")."""
    choices = _choice_frame(valued)
    holds = valued["holds"].astype(bool)
    if (~holds).sum() <= holds.sum():
        return "fails when " + describe_subset(choices, ~holds)
    return "holds only when " + describe_subset(choices, holds)


def _tally(group: pd.DataFrame, inert: list[str]) -> tuple[int, int, int, pd.DataFrame]:
    """k (holds), n (with a value), the number without a value, and the valued rows."""
    counted = _counted(group, inert)
    valued = counted.dropna(subset=["holds"])
    return int(valued["holds"].sum()), len(valued), len(counted) - len(valued), valued


def sensitivity_text(claim_rows: pd.DataFrame) -> str:
    """The specifications beyond the document: overall k/n and per value beyond it (each with
    every other choice at a document reading)."""
    beyond = claim_rows[claim_rows["basis"] == BEYOND]
    if beyond.empty:
        return ""
    inert = inert_choices(claim_rows)
    k, n, missing, _ = _tally(beyond, inert)
    parts = [f"{k}/{n} hold beyond the document" if n else "no value beyond the document"]
    if missing:
        parts[0] += f" ({missing} without a value)"
    document_values: dict[str, set] = {}
    choices_all = _choice_frame(claim_rows)
    for axis in choices_all.columns:
        document_values[axis] = set(choices_all.loc[claim_rows["basis"] == DOCUMENT, axis])
    choices = _choice_frame(beyond)
    details = []
    for axis in choices.columns:
        if axis in inert:
            continue
        for value in dict.fromkeys(choices[axis]):
            if value in document_values.get(axis, set()):
                continue
            others_document = pd.Series(True, index=choices.index)
            for other in choices.columns:
                if other != axis:
                    others_document &= choices[other].isin(document_values.get(other, set()))
            sub = beyond[(choices[axis] == value) & others_document]
            if sub.empty:
                continue
            ks, ns, ms, _ = _tally(sub, inert)
            detail = f"{axis}={value}: {ks}/{ns}" if ns else f"{axis}={value}: no value"
            if ms and ns:
                detail += f" ({ms} without a value)"
            details.append(detail)
    if details:
        parts.append("; ".join(details))
    return " — ".join(parts)


def robustness(verdicts: pd.DataFrame) -> pd.DataFrame:
    """Per claim: ``robustness`` = "k/n label" over the document's readings only (one
    specification per distinct combination of the choices that change the claim), with the
    specifications without a value counted, the inert choices named and, for a fragile claim,
    the choices that flip it; ``sensitivity`` = the same over the specifications beyond the
    document."""
    rows = []
    for claim, group in verdicts.groupby("claim", sort=False):
        document = group[group["basis"] == DOCUMENT]
        inert = inert_choices(document) if len(document) else []
        k, n, missing, valued = _tally(document, inert) if len(document) else (0, 0, 0, None)
        sensitivity = sensitivity_text(group)
        if n == 0:
            text = "no specification yields a value"
            if missing:
                text += f" ({missing} without a value)"
            rows.append(
                {
                    "id": claim,
                    "robustness": text,
                    "no_value": missing,
                    "sensitivity": sensitivity,
                }
            )
            continue
        text = f"{k}/{n} {label(k, n)}"
        if missing:
            text += f"; {missing} of {n + missing} specifications give no value"
        if len(document) == 1:
            text += " (the document leaves no choice open for this claim)"
        elif n + missing == 1:
            text += f" (all {len(document)} specifications give the same value)"
        if label(k, n) == FRAGILE:
            text += "; " + flip_description(valued)
        if inert:
            text += "; changes nothing: " + ", ".join(inert)
        rows.append(
            {
                "id": claim,
                "robustness": text,
                "holds": k,
                "n": n,
                "label": label(k, n),
                "no_value": missing,
                "sensitivity": sensitivity,
            }
        )
    return pd.DataFrame(rows, columns=ROBUSTNESS_COLUMNS)
