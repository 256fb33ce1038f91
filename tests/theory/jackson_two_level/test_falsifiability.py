"""Every model claim of the two-level game holds in the baseline model and fails in at least one
richer or perturbed model; the richer models reduce to the baseline at their neutral values."""

from pathlib import Path

import numpy as np
import pytest
import yaml

from gvcneg.theory.jackson_two_level.falsifiability import claim_falsifiability
from gvcneg.theory.jackson_two_level.model import TwoLevelGame
from gvcneg.theory.jackson_two_level.properties import (
    agreement_probability_richer,
    check_deal_iff_overlap,
)
from gvcneg.theory.jackson_two_level.uncertainty import ThresholdBelief, agreement_probability

REPO = Path(__file__).resolve().parents[3]
TARGETS = yaml.safe_load((REPO / "targets" / "jackson_two_level.yaml").read_text())["targets"]


@pytest.fixture(scope="module")
def section():
    return yaml.safe_load((REPO / "config.yaml").read_text())["jackson_two_level"]


@pytest.fixture(scope="module")
def table(section):
    return claim_falsifiability(section, TARGETS)


def test_every_model_claim_fails_in_a_richer_model(table):
    """The commentary states no model, so these perturbations violate no premise of it: they
    are sanity checks of our model's claims (typed construction), each of which they break."""
    model_claims = {t["id"] for t in TARGETS if t["claim_type"] == "construction"}
    assert len(model_claims) == 3
    failing = set(table.loc[table["perturbed_verdict"] == "fails", "claim_id"])
    assert model_claims <= failing, sorted(model_claims - failing)
    assert (table["baseline_verdict"] == "holds").all()
    assert (table["kind"] == "sanity check").all() and not table["can_fail"].any()


def test_richer_probability_reduces_to_the_baseline(section):
    game = TwoLevelGame.from_config(section)
    t = np.linspace(0.2, 1.0, 33)
    belief = ThresholdBelief("normal", 0.35, 0.05)
    np.testing.assert_allclose(
        agreement_probability_richer(game, t, belief), agreement_probability(game, t, belief)
    )


def test_two_sided_uncertainty_halves_the_probability_at_a_binding_constraint(section):
    game = TwoLevelGame.from_config(section)
    belief = ThresholdBelief("normal", 0.0, 0.025)  # Foreign ratifies almost surely
    p = agreement_probability_richer(game, np.array([0.4, 0.5]), belief, home_spread=0.05)
    np.testing.assert_allclose(p, 0.5, atol=1e-9)  # flat: tightening does not lower it


def test_signing_cost_breaks_deal_iff_overlap_only_when_positive(section):
    game = TwoLevelGame.from_config(section)
    depth = np.linspace(0, 1, 101)
    comparisons, holds = check_deal_iff_overlap(game, depth, 5, signing_cost=0.0)
    assert holds == comparisons
    comparisons, holds = check_deal_iff_overlap(game, depth, 5, signing_cost=0.5)
    assert holds < comparisons
