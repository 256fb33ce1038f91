"""Can each of the two-level game's model claims fail? Each check of ``properties`` is re-run on
the baseline game with one part of the model made richer or changed.

In the baseline model the three claims hold by construction of its premises: the outcome is
the projection (clamp) of the Nash bargain onto the overlap, every deal beats no deal for the
negotiators, the constraint is common knowledge and the agreement probability is a CDF of the
signed depth. Each claim is therefore stated as a property that a richer model can break, and
the table records which:

* win-sets overlap <=> deal: fails with a signing/ratification cost borne by the negotiators
  (the overlap may hold only deals a negotiator would rather not sign), or if the outcome
  ignores the ratifiers;
* Schelling conjecture: fails when Foreign does not observe Home's constraint (asymmetric
  information: the signed deal does not respond, and a tighter constraint brings rejection
  rather than leverage);
* involuntary defection: fails with strong reverberation (Foreign's ratifiers soften by more
  than one for one as Home's constraint tightens) or with the probability's sign flipped; with
  two-sided uncertainty (Home's threshold also unknown) it still holds.

The commentary states no model and so no premise these perturbations could violate: they break
premises of our model, which is why the three claims are typed ``construction`` in the targets
and every row here is a sanity check (gvcneg.ledger.falsification; shared schema of all
documents).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from gvcneg.ledger.compare import REPRODUCED, compare_one
from gvcneg.ledger.falsification import COLUMNS
from gvcneg.ledger.falsification import row as falsification_row
from gvcneg.theory.jackson_two_level.model import TwoLevelGame, bargaining_outcome
from gvcneg.theory.jackson_two_level.properties import (
    _axis,
    agreement_probability_richer,
    check_agreement_probability_falls,
    check_deal_iff_overlap,
    check_schelling_conjecture,
)
from gvcneg.theory.jackson_two_level.uncertainty import (
    DISTRIBUTIONS,
    ThresholdBelief,
    agreement_probability,
)

OVERLAP = "jackson_two_level.winsets_overlap"
SCHELLING = "jackson_two_level.schelling_conjecture"
DEFECTION = "jackson_two_level.involuntary_defection"


def _verdict(counts, target: dict) -> str:
    """The registry's comparison (``compare_one``) of the share of comparisons that hold."""
    comparisons, holds = (int(v) for v in np.sum(counts, axis=0))
    if comparisons == 0:
        return "fails"
    status, _ = compare_one(target["published"], target.get("tolerance", {}), holds / comparisons)
    return "holds" if status == REPRODUCED else "fails"


def _unobserved(game, t_home, t_foreign):
    """Foreign bargains as if Home's constraint were the slackest on the grid."""
    t = np.asarray(t_home, dtype=float)
    return bargaining_outcome(game, np.full_like(t, t.max()), t_foreign)


def _unconstrained(game, t_home, t_foreign):
    """The outcome ignores both ratifiers (the Nash bargain of the negotiators alone)."""
    t = np.asarray(t_home, dtype=float)
    return bargaining_outcome(game, np.full_like(t, 1.0), np.zeros_like(t))


def claim_falsifiability(section: dict, targets: list[dict]) -> pd.DataFrame:
    """The falsifiability table (``section`` = the config's jackson_two_level, ``targets`` =
    the entries of targets/jackson_two_level.yaml, whose published comparison decides)."""
    by_id = {t["id"]: t for t in targets}
    game = TwoLevelGame.from_config(section)
    grid = section["property_grid"]
    t_home = _axis(grid["home_threshold"])
    t_foreign = _axis(grid["foreign_threshold"])
    depth = _axis(grid["depth"])
    step = grid["threshold_step"]
    beliefs = [
        ThresholdBelief(dist, mu, spread)
        for dist in DISTRIBUTIONS
        for mu in t_foreign
        for spread in _axis(grid["belief_spread"])
    ]
    cost = section["falsifiability"]["signing_cost"]
    reverberation = section["falsifiability"]["reverberation"]
    home_spread = section["falsifiability"]["home_threshold_spread"]

    def overlap(cost=0.0):
        return _verdict(
            [check_deal_iff_overlap(game, depth, step, signing_cost=cost)], by_id[OVERLAP]
        )

    def schelling(outcome=bargaining_outcome):
        return _verdict(
            [check_schelling_conjecture(game, t_home, tf, outcome=outcome) for tf in t_foreign],
            by_id[SCHELLING],
        )

    def defection(probability=agreement_probability):
        return _verdict(
            [check_agreement_probability_falls(game, t_home, b, probability) for b in beliefs],
            by_id[DEFECTION],
        )

    checks = {
        OVERLAP: (
            overlap(),
            {
                f"negotiators bear a signing/ratification cost (deal must beat no deal by {cost:g})": overlap(
                    cost
                ),
            },
        ),
        SCHELLING: (
            schelling(),
            {
                "Foreign does not observe Home's constraint (asymmetric information)": schelling(
                    _unobserved
                ),
                "rule swapped: the outcome ignores the ratifiers": schelling(_unconstrained),
            },
        ),
        DEFECTION: (
            defection(),
            {
                f"two-sided uncertainty (Home's threshold unknown too, spread {home_spread:g})": (
                    defection(
                        lambda g, t, b: agreement_probability_richer(
                            g, t, b, home_spread=home_spread
                        )
                    )
                ),
                f"reverberation {reverberation:g} (Foreign's ratifiers soften as Home tightens)": (
                    defection(
                        lambda g, t, b: agreement_probability_richer(
                            g, t, b, reverberation=reverberation
                        )
                    )
                ),
                "sign flipped: probability of agreement 1 - F(x_s)": defection(
                    lambda g, t, b: 1.0 - agreement_probability(g, t, b)
                ),
            },
        ),
    }
    rows = [
        falsification_row(claim_id, text, baseline, perturbed)
        for claim_id, (baseline, perturbations) in checks.items()
        for text, perturbed in perturbations.items()
    ]
    return pd.DataFrame(rows, columns=COLUMNS)
