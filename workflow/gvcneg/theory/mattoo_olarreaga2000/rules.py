"""The three periods under the four credit rules (sections 2-4 and the appendix).

* Round T-1: the non-cooperative (Nash) tariffs under the old preferences are cut
  equiproportionately until the contract curve is reached (our reading of section 4: the
  T-1 tariffs "lie on the contract curve" and below the Nash tariffs, section 3).
* Period T: A's welfare weight rises. Each government may cut below its binding but not
  raise above it (section 3.1); the tariffs are the non-cooperative equilibrium under these
  bounds. What a government maximises depends on the rule:
  - no credit and ex-post credit (the rule is not known in T, section 3.2): today's value
    plus the value after round T+1, where the cut applies to today's tariff, so a higher tariff
    today is negotiating currency (intertemporal reaction);
  - ex-ante credit (section 3.3): the cut in T+1 applies to the T-1 binding, so today's tariff
    does not affect tomorrow's (static reaction, equation (5'));
  - automatic reciprocal concession (appendix; text missing from our copy, our reading): any
    proportional cut by A must be matched at once by the same proportional cut by B; A picks
    the common scale; round T+1 then cuts from the period-T tariffs.
* Round T+1, exogenous cut (section 3.4): tariffs are ``alpha`` (the retained share) times the
  base: the period-T tariffs under no credit and automatic reciprocity, the T-1 bindings under
  ex-post and ex-ante credit.
* Round T+1, endogenous cut (section 4): the base is cut equiproportionately to the new
  contract curve (Figure 4): X from the no-credit base, Y from the credited base.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gvcneg.theory.mattoo_olarreaga2000.contract_curve import ray_intersection
from gvcneg.theory.mattoo_olarreaga2000.reactions import (
    bound_equilibrium,
    nash_equilibrium,
    negotiating_currency_factor,
    reaction_of_A,
    reaction_of_B,
)
from gvcneg.theory.mattoo_olarreaga2000.specification import Quadratic

RULES = ("no_credit", "ex_post", "ex_ante", "automatic_reciprocity")
RULE_LABELS = {
    "no_credit": "No credit",
    "ex_post": "Ex-post credit",
    "ex_ante": "Ex-ante credit",
    "automatic_reciprocity": "Automatic reciprocity",
}
CREDITED_BASE = {
    "no_credit": False,
    "ex_post": True,
    "ex_ante": True,
    "automatic_reciprocity": False,
}


@dataclass(frozen=True)
class ModelVariant:
    """Switches that perturb the rules (module ``falsifiability``); the defaults are the paper's.

    ``credited_base``: which rules cut the T+1 round from the T-1 bindings (None: the paper's,
    :data:`CREDITED_BASE`). ``ex_ante_anticipates``: True makes governments under ex-ante credit
    keep the negotiating-currency motive of period T (the credit's effect on period T dropped).
    ``unbound``: True lets period-T tariffs exceed the T-1 bindings (violates section 3.1's
    premise that the bindings hold).
    """

    credited_base: tuple[tuple[str, bool], ...] | None = None
    ex_ante_anticipates: bool = False
    unbound: bool = False

    def credits(self, rule: str) -> bool:
        table = CREDITED_BASE if self.credited_base is None else dict(self.credited_base)
        return table[rule]


PAPER = ModelVariant()


@dataclass(frozen=True)
class Governments:
    """A before and after its preference change, and B (unchanged)."""

    A_before: Quadratic
    A_after: Quadratic
    B: Quadratic


def solve_round_T_minus_1(gov: Governments):
    """Nash tariffs (old preferences) and the T-1 bindings on the contract curve along their ray.

    Returns (nash_A, nash_B, scale, t0_A, t0_B) with t0 = scale * nash.
    """
    nash_A, nash_B = nash_equilibrium(reaction_of_A(gov.A_before), reaction_of_B(gov.B))
    scale = ray_intersection(gov.A_before, gov.B, nash_A, nash_B)
    return nash_A, nash_B, scale, scale * nash_A, scale * nash_B


def reciprocity_scale(V_A: Quadratic, t0_A, t0_B, retention, discount):
    """A's optimal common scale s (tariffs s * t0) under automatic reciprocal concessions.

    A maximises V(s t0) + delta V(alpha s t0), a concave quadratic in s; s is kept in [0, 1].
    """
    linear = V_A.cA * t0_A + V_A.cB * t0_B
    curvature = V_A.qAA * t0_A**2 + 2 * V_A.qAB * t0_A * t0_B + V_A.qBB * t0_B**2
    unconstrained = (
        -linear * (1 + discount * retention) / (curvature * (1 + discount * retention**2))
    )
    return np.clip(unconstrained, 0.0, 1.0)


def solve_period_T(
    rule: str, gov: Governments, t0_A, t0_B, retention, discount, variant: ModelVariant = PAPER
):
    """Tariffs (t_A, t_B) chosen in period T under ``rule`` (bindings t0 may not be exceeded)."""
    if rule == "automatic_reciprocity":
        scale = reciprocity_scale(gov.A_after, t0_A, t0_B, retention, discount)
        return scale * t0_A, scale * t0_B
    if rule in ("no_credit", "ex_post") or (rule == "ex_ante" and variant.ex_ante_anticipates):
        factor = negotiating_currency_factor(retention, discount)
    elif rule == "ex_ante":
        factor = 1.0
    else:
        raise ValueError(f"unknown rule {rule!r}; expected one of {RULES}")
    r_A = reaction_of_A(gov.A_after, factor)
    r_B = reaction_of_B(gov.B, factor)
    if variant.unbound:
        return nash_equilibrium(r_A, r_B)
    t_A, t_B, _ = bound_equilibrium(r_A, r_B, t0_A, t0_B)
    return t_A, t_B


def negotiation_base(rule: str, period_T, t0, variant: ModelVariant = PAPER):
    """The tariffs the T+1 cut applies to: the T-1 bindings if the rule credits, else period T."""
    return t0 if variant.credits(rule) else period_T


def solve_round_T_plus_1_exogenous(
    rule: str, period_T, t0, retention, variant: ModelVariant = PAPER
):
    """Section 3.4: tariffs after an exogenous equiproportionate cut (retained share alpha)."""
    base_A, base_B = negotiation_base(rule, period_T, t0, variant)
    # As in the paper (Figure 3, inequality (6)), the negotiated tariff is applied in T+1.
    return retention * base_A, retention * base_B


def solve_round_T_plus_1_endogenous(
    rule: str, gov: Governments, period_T, t0, variant: ModelVariant = PAPER
):
    """Section 4: the base cut equiproportionately to the new contract curve.

    Returns (t_A, t_B, cut) where cut = 1 - scale is the proportional reduction from the base
    (zero when the base is already on or inside the contract curve).
    """
    base_A, base_B = negotiation_base(rule, period_T, t0, variant)
    scale = ray_intersection(gov.A_after, gov.B, base_A, base_B)
    scale = np.where(scale > 1.0, 1.0, scale)
    return scale * base_A, scale * base_B, 1.0 - scale
