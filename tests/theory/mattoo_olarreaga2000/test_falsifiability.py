"""Every claim's check can fail: the falsifiability table and the section-4 premise."""

import numpy as np
import pytest

from gvcneg.theory.mattoo_olarreaga2000 import falsifiability as f
from gvcneg.theory.mattoo_olarreaga2000.baseline import baseline_points
from gvcneg.theory.mattoo_olarreaga2000.figure_data import contract_curve_segment_slopes
from gvcneg.theory.mattoo_olarreaga2000.scenarios import solve_scenarios


@pytest.fixture(scope="module")
def table(section, targets):
    axes = section["grid"]["sizes"]["default"]["axes"]
    return f.falsifiability_table(section, axes, targets, f.assignment(targets["document"]))


def test_every_document_claim_fails_under_some_perturbation(table, targets):
    document = [t["id"] for t in targets["targets"] if t.get("basis", "document") == "document"]
    failing = set(table.loc[table["perturbed_verdict"] == f.FAILS, "claim_id"])
    assert set(document) <= failing, sorted(set(document) - failing)
    assert (table["can_fail"] == (table["perturbed_verdict"] == f.FAILS)).all()


def test_every_verdict_can_change(table, targets):
    """A claim that holds at the baseline fails under a perturbation; one that fails can hold."""
    document = {t["id"] for t in targets["targets"] if t.get("basis", "document") == "document"}
    changed = set(table.loc[table["perturbed_verdict"] != table["baseline_verdict"], "claim_id"])
    assert document <= changed, sorted(document - changed)


def test_every_target_has_an_assignment(targets):
    assigned = set(f.assignment(targets["document"]))
    assert {t["id"] for t in targets["targets"]} <= assigned
    names = {p for names in f.ASSIGNMENT_SHORT.values() for p in names}
    assert names <= set(f.PERTURBATIONS)


def test_unknown_perturbation_is_rejected(section, targets):
    with pytest.raises(KeyError, match="unknown perturbations"):
        f.falsifiability_table(section, {}, targets, {"x": ["no such perturbation"]})


def _large(section, **changes):
    points = baseline_points(section)
    points = points.assign(**changes) if changes else points
    solved = solve_scenarios(points)
    return solved, solved[solved["scenario"] == "large"].iloc[0]


def test_baseline_meets_the_section_4_premises(section):
    _, large = _large(section)
    assert large["accepts_A_no_credit_round"] and large["accepts_B_no_credit_round"]
    assert large["T_no_credit_A"] < large["t0_A"]
    assert large["trade_share_t0"] >= section["premises"]["min_trade_share"]


def test_B_refuses_when_it_weighs_welfare_as_A_did(section):
    """The cause of the old calibration's failure: with a^B = a^A at T-1, B is the government
    that stops the T-1 cut, so after A's unilateral cut B loses from the no-credit round."""
    a_A = section["politics"]["welfare_weight_before"]["A"]
    _, large = _large(section, welfare_weight_B=a_A)
    assert not large["accepts_B_no_credit_round"]
    assert large["gain_B_no_credit_round"] < 0


def test_strong_reciprocity_tilts_the_contract_curve_up(section):
    """Figure 4's negative slope fails under a strong reciprocity term (cause of the old shape)."""
    solved, _ = _large(section)
    assert np.nanmax(contract_curve_segment_slopes(solved)["slope"]) < 0
    kappa = solved["reciprocity"].iloc[0]
    tilted, large = _large(section, reciprocity=30 * kappa)
    assert large["accepts_B_no_credit_round"]
    assert np.nanmax(contract_curve_segment_slopes(tilted)["slope"]) > 0
