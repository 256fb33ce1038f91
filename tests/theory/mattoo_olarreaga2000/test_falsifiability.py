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


def test_every_claim_fails_under_some_perturbation(table, targets):
    """Every target (document claims, the stand-in, by-construction and extension rows)."""
    every = {t["id"] for t in targets["targets"]}
    failing = set(table.loc[table["perturbed_verdict"] == f.FAILS, "claim_id"])
    assert every <= failing, sorted(every - failing)
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
    tilted, large = _large(section, reciprocity=f.STRONG_RECIPROCITY_FACTOR * kappa)
    assert large["accepts_B_no_credit_round"]
    assert np.nanmax(contract_curve_segment_slopes(tilted)["slope"]) > 0


def test_why_B_stays_above_B0_at_the_baseline(section):
    """Cause of the 'differs' of fig5_below_B0: at the baseline B gains even from the credited
    round (N -> Y) and A's unilateral cut already lifted B above B0; at a grid point of the
    section-4 domain with strong complements the credited round takes B below B0."""
    _, large = _large(section)
    assert large["value_B_T_no_credit"] > large["value_B_t0"]
    assert large["gain_B_credit_round"] > 0
    assert large["value_B_T1n_ex_post"] > large["value_B_t0"]
    _, moved = _large(section, **f.BELOW_B0_POINT)
    assert moved["accepts_A_no_credit_round"] and moved["accepts_B_no_credit_round"]
    assert moved["value_B_T1n_ex_post"] < moved["value_B_t0"]


def test_automatic_reciprocity_hurts_B_only_when_B_weighs_welfare_less(section):
    """Cause of the 'differs' of appendix_reciprocity_baseline: with a^B = 2 a^A matching A's
    cut raises B's value; with a^B = a^A it leaves B below B0."""
    _, large = _large(section)
    assert large["value_B_T_automatic_reciprocity"] > large["value_B_t0"]
    a_A = section["politics"]["welfare_weight_before"]["A"]
    _, symmetric = _large(section, welfare_weight_B=a_A)
    assert symmetric["value_B_T_automatic_reciprocity"] < symmetric["value_B_t0"]


def test_contract_curve_slope_fails_only_with_strong_reciprocity():
    """Cause of the 'differs' of grid_contract_curve_slope, on a grid of the section-4 domain."""
    from gvcneg.theory.mattoo_olarreaga2000.grid import build_grid, evaluate_chunk

    axes = {
        "import_supply_slope": [0.75, 1.0],
        "export_supply_slope": [2.5, 4.0],
        "reciprocity": [0.0, 0.3, 1.0, 2.0],
        "welfare_weight_A_before": [1.0, 1.2],
        "welfare_weight_shift": {"min": 1.05, "max": 10.0, "points": 8},
        "welfare_weight_B_ratio": [1.5, 2.0],
        "retention": [0.8],
        "discount": [1.0],
    }
    results = evaluate_chunk(build_grid(axes))
    slope = results["section_4_contract_curve_negative_slope"]
    weak = results["reciprocity"] <= 0.3
    assert slope[weak].notna().sum() > 0 and slope[weak].dropna().eq(1).all()
    assert slope[~weak].dropna().lt(1).any()
