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


def test_only_a_violated_quoted_premise_can_falsify(table):
    """Swaps, sign flips, changed checks and other calibrations are sanity checks; a row can
    fail only as a falsification (holds -> fails under a named, quoted premise)."""
    premised = table["kind"] != "sanity check"
    assert (table.loc[premised, "violates"] != "").all()
    assert (table.loc[premised, "premise_quote"] != "").all()
    changed = table["perturbation"].str.contains(
        "swap|^check:|weighs welfare|kappa x|moved|Nash tariffs"
    )
    assert (table.loc[changed, "kind"] == "sanity check").all()
    assert (table["can_fail"] == (table["kind"] == "falsification")).all()
    stuck = (table["baseline_verdict"] == f.FAILS) & (table["perturbed_verdict"] == f.FAILS)
    assert not table.loc[stuck, "can_fail"].any()


def test_every_claim_is_checked_under_every_premise(table, targets):
    for name in f.PREMISE_PERTURBATIONS:
        rows = table[table["perturbation"] == name]
        assert set(rows["claim_id"]) == {t["id"] for t in targets["targets"]}, name
    falsified = set(table.loc[table["kind"] == "falsification", "claim_id"])
    # The premise-violating perturbations do falsify: e.g. Figure 1's large-change cut and the
    # larger negotiated cut with credit (bindings that do not bind).
    assert {
        "mattoo_olarreaga2000.fig1_large_change",
        "mattoo_olarreaga2000.grid_cut_larger_with_credit",
        "mattoo_olarreaga2000.grid_B_may_cut",
    } <= falsified


def test_footnotes_21_and_23_pull_apart(section):
    """The calibration that meets footnote 21 (B accepts the round because a^B = 2 a^A) breaks
    footnote 23 (A's value peaks along the Nash ray well before the contract curve); with
    a^B = a^A footnote 23 holds exactly and footnote 21 fails."""
    _, large = _large(section)
    assert large["accepts_B_no_credit_round"]
    assert large["fn23_T1_shortfall"] > 0.1
    assert large["fn23_T1_peak_A"] > large["fn23_T1_peak_B"]  # A stops first
    a_A = section["politics"]["welfare_weight_before"]["A"]
    _, symmetric = _large(section, welfare_weight_B=a_A)
    assert abs(symmetric["fn23_T1_shortfall"]) < 1e-9
    assert not symmetric["accepts_B_no_credit_round"]


def test_mutual_benefit_ends_where_a_government_peaks(section):
    """The footnote-23 shortfall against a direct search along the Nash ray."""
    from gvcneg.theory.mattoo_olarreaga2000.scenarios import governments_of

    points = baseline_points(section)
    solved = solve_scenarios(points)
    gov = governments_of(points)
    row = 1  # large change
    nash = solved[["nash_A", "nash_B"]].to_numpy()[row]
    scales = np.linspace(1.0, 0.0, 1001)

    def values(V):
        return np.array([V.value(s * nash[0], s * nash[1])[row] for s in scales])

    both_gain = np.minimum(np.diff(values(gov.A_before)), np.diff(values(gov.B))) > 0
    stop = scales[1:][both_gain][-1]
    expected = stop - solved["t0_scale"].iloc[row]
    assert solved["fn23_T1_shortfall"].iloc[row] == pytest.approx(expected, abs=2e-3)


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
    """Why the baseline does not show the appendix's case (the note of grid_reciprocity_worse):
    with a^B = 2 a^A matching A's cut raises B's value; with a^B = a^A it leaves B below B0."""
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
