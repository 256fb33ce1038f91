"""Inequality (6): the derived bound and the equivalence it rests on."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from gvcneg.theory.mattoo_olarreaga2000 import inequality6 as ineq


def test_bound_is_share_over_one_minus_share():
    for s in (0.1, 0.2, 0.5, 0.6):
        assert float(ineq.alpha_bound(s)) == pytest.approx(s / (1 - s))
    # Footnote 22: with a share of one half the bound is 1, so (6) holds for any alpha < 1.
    assert float(ineq.alpha_bound(0.5)) == pytest.approx(1.0)


@given(
    t0=st.floats(0.05, 0.5),
    cut_share=st.floats(0.01, 0.99),
    credit_share=st.floats(0.01, 0.99),
    alpha=st.floats(0.01, 0.99),
)
def test_inequality_6_iff_alpha_below_bound(t0, cut_share, credit_share, alpha):
    t_star = t0 * (1 - cut_share)
    t_N = t_star + credit_share * (t0 - t_star)
    bound = float(ineq.alpha_bound(credit_share))
    assume(abs(alpha - bound) > 1e-9)
    holds = bool(ineq.inequality_6_holds(t_N, t_star, t0, alpha))
    assert holds == (alpha < bound)
    # and (6) is the comparison of the two intertemporal sums
    assert holds == (t_star + alpha * t0 < t_N + alpha * t_N)


def test_uruguay_check_readings_disagree():
    check = ineq.uruguay_round_check(0.4, 0.2, 0.3)
    assert check["as_cut"] == 1.0
    assert check["as_retained_share"] == 0.0
    assert ineq.share_of_interval_below(0.25, 0.2, 0.3) == pytest.approx(0.5)
    with pytest.raises(ValueError):
        ineq.share_of_interval_below(0.25, 0.3, 0.2)
