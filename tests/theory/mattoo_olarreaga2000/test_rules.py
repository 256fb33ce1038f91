"""The credit rules: orderings the paper proves, as properties over the parameter space."""

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings

from gvcneg.theory.mattoo_olarreaga2000.scenarios import solve_scenarios

from .strategies import frame, parameter_points

TOL = 1e-10


def _solve(point):
    solved = solve_scenarios(frame(point)).iloc[0]
    assume(bool(solved["valid"]))
    return solved


@pytest.mark.slow  # 150 points, each solved in every scenario
@settings(max_examples=150, deadline=None)
@given(point=parameter_points())
def test_period_T_orderings(point):
    s = _solve(point)
    # No tariff above its binding (no increase above a binding), under any rule.
    for rule in ("no_credit", "ex_post", "ex_ante", "automatic_reciprocity"):
        assert s[f"T_{rule}_A"] <= s["t0_A"] + TOL
        assert s[f"T_{rule}_B"] <= s["t0_B"] + TOL
    # 3.3.1: ex-ante credit, larger cut; 3.2: ex-post credit does not affect period T.
    assert s["T_ex_ante_A"] <= s["T_no_credit_A"] + TOL
    assert s["T_ex_post_A"] == pytest.approx(s["T_no_credit_A"])
    # Footnote 20 (weak result): B's tariff never higher under ex-ante credit.
    assert s["T_ex_ante_B"] <= s["T_no_credit_B"] + TOL


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(point=parameter_points())
def test_round_T_plus_1_orderings(point):
    s = _solve(point)
    a = point["retention"]
    # Ex-ante and ex-post: same T+1 tariffs (alpha t^{T-1}); no credit: alpha t_N <= alpha t^{T-1}.
    assert s["T1x_ex_ante_A"] == pytest.approx(s["T1x_ex_post_A"])
    assert s["T1x_ex_post_A"] == pytest.approx(a * s["t0_A"])
    assert s["T1x_no_credit_A"] <= s["T1x_ex_post_A"] + TOL


# Section 4 is about economies where A liberalizes unilaterally: most drawn points are filtered.
@pytest.mark.slow  # most drawn points are filtered out: many more than 150 solved
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(point=parameter_points())
def test_section_4_cut_larger_with_credit(point):
    s = _solve(point)
    assume(s["T_no_credit_A"] < s["t0_A"] - 1e-6)
    assert s["cut_Y"] > s["cut_X"]
    # B is worse off at Y than at X (Figure 5).
    assert s["value_B_T1n_ex_post"] < s["value_B_T1n_no_credit"]


def test_liberalization_only_below_the_binding(solved_baseline):
    small = solved_baseline.set_index("scenario").loc["small"]
    large = solved_baseline.set_index("scenario").loc["large"]
    assert small["optimum_A_no_credit_at_binding"] > small["t0_A"]
    assert small["T_no_credit_A"] == pytest.approx(small["t0_A"])
    assert large["optimum_A_no_credit_at_binding"] < large["t0_A"]
    assert large["T_no_credit_A"] == pytest.approx(large["optimum_A_no_credit_at_binding"])


def test_round_T_minus_1_is_on_the_nash_ray_below_nash(solved_baseline):
    s = solved_baseline.iloc[0]
    assert 0 < s["t0_scale"] < 1
    assert s["t0_A"] / s["nash_A"] == pytest.approx(s["t0_B"] / s["nash_B"])
    assert np.all(solved_baseline["valid"])
