"""The falsifiability table every theory document writes (``claim_falsifiability.csv``).

A check falsifies nothing unless it can fail under a violated premise of the document, named
and quoted. Each row re-runs one claim's check under one deliberate change and says which kind
of evidence it is:

``falsification``
    a stated premise violated (``violates`` names it, ``premise_quote`` quotes the document)
    and the claim that holds at the baseline fails: the check can fail.
``robustness``
    a stated premise violated and the verdict does not change (holds -> holds, or
    fails -> fails): evidence of robustness, never of falsifiability.
``can hold``
    a stated premise violated and a claim that fails at the baseline holds: its verdict is not
    fixed either way.
``sanity check``
    no premise of the document is violated (a swapped rule, a flipped sign, a changed check,
    another calibration): it tests our code, not the claim, and is listed apart.

``can_fail`` is true only for a falsification.
"""

from __future__ import annotations

FALSIFICATION = "falsification"
ROBUSTNESS = "robustness"
CAN_HOLD = "can hold"
SANITY_CHECK = "sanity check"
KINDS = (FALSIFICATION, ROBUSTNESS, CAN_HOLD, SANITY_CHECK)

COLUMNS = [
    "claim_id",
    "perturbation",
    "kind",
    "violates",
    "premise_quote",
    "baseline_verdict",
    "perturbed_verdict",
    "can_fail",
]


def kind_of(baseline: str, perturbed: str, premise_quote: str | None) -> str:
    """The kind of evidence one perturbation gives (module docstring)."""
    if not premise_quote:
        return SANITY_CHECK
    if baseline == "holds" and perturbed == "fails":
        return FALSIFICATION
    if baseline == "fails" and perturbed == "holds":
        return CAN_HOLD
    return ROBUSTNESS


def row(
    claim_id: str,
    perturbation: str,
    baseline: str,
    perturbed: str,
    violates: str = "",
    premise_quote: str = "",
) -> dict:
    """One row of the table; ``violates``/``premise_quote`` empty for a sanity check."""
    if bool(violates) != bool(premise_quote):
        raise ValueError(
            f"{claim_id} / {perturbation}: a violated premise needs both its name and the "
            "document's words (or neither, for a sanity check)"
        )
    kind = kind_of(baseline, perturbed, premise_quote)
    return {
        "claim_id": claim_id,
        "perturbation": perturbation,
        "kind": kind,
        "violates": violates,
        "premise_quote": premise_quote,
        "baseline_verdict": baseline,
        "perturbed_verdict": perturbed,
        "can_fail": kind == FALSIFICATION,
    }
