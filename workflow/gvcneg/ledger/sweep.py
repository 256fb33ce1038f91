"""Verdicts across a specification sweep: for every target whose quantity a document's sweep
computed, whether the published comparison holds under each specification, and the
robustness label the ledger shows next to the main specification's status.

Labels: ``robust`` (holds under every specification that yields a value), ``fragile`` (holds
under some), ``fails everywhere`` (under none). The headline status stays with the declared
main specification (the first value of every choice in config).
"""

from __future__ import annotations

import math

import pandas as pd

from gvcneg.ledger.compare import REPRODUCED, compare_one

ROBUST = "robust"
FRAGILE = "fragile"
FAILS_EVERYWHERE = "fails everywhere"

SWEEP_COLUMNS = ["claim", "quantity", "family", "choices", "value", "holds", "main"]


def label(holds: int, n: int) -> str:
    """The robustness label of a claim that holds under ``holds`` of ``n`` specifications."""
    if n <= 0:
        raise ValueError("a robustness label needs at least one specification with a value")
    if holds == n:
        return ROBUST
    if holds == 0:
        return FAILS_EVERYWHERE
    return FRAGILE


def verdict_sweep(sweep: pd.DataFrame, targets: list[dict], main: dict[str, str]) -> pd.DataFrame:
    """One row per (target, specification): the value and whether the target's published
    comparison holds there (``holds`` is empty where the specification yields no value).

    ``sweep`` has columns family, specification, quantity, value; ``main`` maps each family to
    its main specification's name."""
    rows = []
    for target in targets:
        found = sweep[sweep["quantity"] == target["quantity"]]
        for row in found.itertuples(index=False):
            value = float(row.value)
            holds = math.nan
            if not math.isnan(value):
                verdict, _ = compare_one(target["published"], target.get("tolerance", {}), value)
                holds = float(verdict == REPRODUCED)
            rows.append(
                {
                    "claim": target["id"],
                    "quantity": target["quantity"],
                    "family": row.family,
                    "choices": row.specification,
                    "value": value,
                    "holds": holds,
                    "main": row.specification == main.get(row.family),
                }
            )
    return pd.DataFrame(rows, columns=SWEEP_COLUMNS)


def parse_choices(name: str, param_sep: str = "~", filename_sep: str = ";") -> dict[str, str]:
    """The choices of a specification from its Paramspace name ("fy~2025;gini~wid")."""
    pairs = (part.split(param_sep, 1) for part in name.split(filename_sep) if part)
    return {key: value for key, value in pairs}


def decisive_choices(group: pd.DataFrame) -> list[str]:
    """The single choices under which a fragile claim fails in every specification that has a
    value ("fails whenever gini=swiid"): the choices that flip the verdict."""
    valued = group.dropna(subset=["holds"])
    if valued.empty or valued["holds"].all() or not valued["holds"].any():
        return []
    choices = pd.DataFrame([parse_choices(c) for c in valued["choices"]], index=valued.index)
    found = []
    for axis in choices.columns:
        if choices[axis].nunique() < 2:
            continue
        for value, rows in choices.groupby(axis).groups.items():
            if not valued.loc[rows, "holds"].any():
                found.append(f"{axis}={value}")
    return found


def robustness(verdicts: pd.DataFrame) -> pd.DataFrame:
    """Per claim: ``robustness`` = "k/n label" (and, for a fragile claim, the single choices
    under which it always fails), with k, n and the label as columns too."""
    rows = []
    for claim, group in verdicts.groupby("claim", sort=False):
        valued = group.dropna(subset=["holds"])
        n, k = len(valued), int(valued["holds"].sum())
        if n == 0:
            rows.append({"id": claim, "robustness": "no specification yields a value"})
            continue
        text = f"{k}/{n} {label(k, n)}"
        if len(group) > n:
            text += f" ({len(group) - n} without a value)"
        decisive = decisive_choices(group)
        if decisive:
            text += "; fails whenever " + ", ".join(decisive)
        rows.append({"id": claim, "robustness": text, "holds": k, "n": n, "label": label(k, n)})
    return pd.DataFrame(rows, columns=["id", "robustness", "holds", "n", "label"])
