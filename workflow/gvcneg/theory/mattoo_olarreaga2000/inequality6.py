"""Inequality (6) of section 3.4 and its numeric illustration.

With an exogenous retained share ``alpha`` (round T+1 sets tariffs to ``alpha`` times the
base), the intertemporal sum of A's tariffs is lower under ex-ante credit than under no credit
when ``t_N* + alpha t^{T-1} < t_N + alpha t_N``, i.e. (inequality (6))

    (t_N - t_N*) / (t^{T-1} - t_N) > alpha.

Writing ``s = (t_N - t_N*) / (t^{T-1} - t_N*)`` for the share of the ex-ante unilateral cut that
the credit adds (the paper reads it as the terms-of-trade share of the tariff variation), the
left-hand side is ``s / (1 - s)``: (6) holds iff ``alpha < s / (1 - s)``. The paper's
illustration: s = 30% gives the bound 30/70; it then compares the bound with the Uruguay Round
average *cuts*, although ``alpha`` in (6) is the retained share (1 - cut) of section 3.4.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # sympy loads where the bound is derived, not at every importer's start-up
    import sympy as sp


@lru_cache(maxsize=1)
def alpha_bound_expression() -> sp.Expr:
    """The bound on alpha in terms of the credit share s, derived from (6) with sympy."""
    import sympy as sp

    t_N, t_star, t_0, s = sp.symbols("t_N t_star t_0 s", real=True)
    # s = (t_N - t_star) / (t_0 - t_star)  =>  t_N = t_star + s (t_0 - t_star)
    lhs = ((t_N - t_star) / (t_0 - t_N)).subs(t_N, t_star + s * (t_0 - t_star))
    bound = sp.simplify(lhs)
    if bound.free_symbols != {s}:
        raise AssertionError(f"the bound should depend on s only, got {bound}")
    return bound


def alpha_bound(credit_share):
    """alpha must be below this for (6) to hold, given the credit (terms-of-trade) share."""
    import sympy as sp

    s = sp.Symbol("s", real=True)
    fn = sp.lambdify(s, alpha_bound_expression(), "numpy")
    return fn(np.asarray(credit_share, dtype=float))


def inequality_6_holds(t_no_credit, t_ex_ante, t_binding, retention):
    """Inequality (6), written without division: t_N - t_N* > alpha (t^{T-1} - t_N)."""
    t_no_credit = np.asarray(t_no_credit, dtype=float)
    return (t_no_credit - t_ex_ante) > retention * (t_binding - t_no_credit)


def share_of_interval_below(bound, lower, upper):
    """Share of the interval [lower, upper] lying below ``bound`` (0 to 1)."""
    if upper < lower:
        raise ValueError(f"empty interval [{lower}, {upper}]")
    if upper == lower:
        return float(lower < bound)
    return float(np.clip((bound - lower) / (upper - lower), 0.0, 1.0))


def uruguay_round_check(bound, cut_lower, cut_upper) -> dict:
    """Does (6) hold at the Uruguay Round cuts? Under both readings of alpha.

    ``as_cut``: alpha read as the cut (the paper's comparison in section 3.4);
    ``as_retained_share``: alpha = 1 - cut, as alpha is defined for (6).
    Values are the share of the stated cut interval where (6) holds.
    """
    return {
        "as_cut": share_of_interval_below(bound, cut_lower, cut_upper),
        "as_retained_share": share_of_interval_below(bound, 1 - cut_upper, 1 - cut_lower),
    }
