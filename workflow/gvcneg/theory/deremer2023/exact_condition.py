"""The exact condition for tau^W > tau^G with symmetric countries (section 3.3), derived by sympy.

The paper relaxes equal import weights and states: "We just require that
(γ_M^G - γ_M^W) < (3/2)(γ_E^G - γ_E^W)". That rule compares the numerators of equation (7)
only. Differencing the full closed form (numerator and denominator) gives

    tau^W - tau^G = 168 [dE (4 - γ_M^G) - dM (3 - γ_E^G)] / (D^G D^W),
    D = 59 - 9 γ_E - 8 γ_M  (> 0: the second-order condition, see ``public_path``),

with dM = γ_M^G - γ_M^W and dE = γ_E^G - γ_E^W. So with both denominators positive,
tau^W > tau^G exactly when dM < dE (4 - γ_M^G)/(3 - γ_E^G). The exact ratio equals 3/2 exactly
where 2 γ_M^G + 1 - 3 γ_E^G = 0, i.e. where the government's stable tariff is zero; where
tau^G > 0 (Figure 1's weights among them) the ratio is below 3/2 and the 3/2 rule admits points
where the public wants *lower* tariffs than the government. All of this is derived here, not
typed in: the tests compare it with numerical solves of conditions (6).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp

from gvcneg.theory.deremer2023 import model

GM, GE, DM, DE = sp.symbols("gamma_M_G gamma_E_G d_M d_E", real=True)

#: The paper's sufficient-condition factor: (γ_M^G - γ_M^W) < (3/2)(γ_E^G - γ_E^W).
PAPER_FACTOR = sp.Rational(3, 2)


def symmetric_stable_tariff_expr(gamma_M=GM, gamma_E=GE):
    """The symmetric stable tariff from the model's own objectives: f' + g' = 0 (r = 1)."""
    objective = model.importer_objective_expr(model.TAU, gamma_M) + model.exporter_objective_expr(
        model.TAU, gamma_E
    )
    (solution,) = sp.solve(sp.diff(objective, model.TAU), model.TAU)
    return sp.factor(solution)


def public_minus_government_expr():
    """tau^W - tau^G as a function of the government's weights and the public's gaps."""
    government = symmetric_stable_tariff_expr(GM, GE)
    public = symmetric_stable_tariff_expr(GM - DM, GE - DE)
    return sp.factor(sp.together(public - government))


def _numerator_and_denominator():
    numerator, denominator = sp.fraction(public_minus_government_expr())
    return sp.expand(numerator), denominator


def exact_ratio_expr():
    """dM / dE at which tau^W = tau^G (the exact boundary through the origin of the gaps)."""
    numerator, _ = _numerator_and_denominator()
    (boundary,) = sp.solve(sp.Eq(numerator, 0), DM)
    return sp.factor(boundary / DE)


PUBLIC_MINUS_GOVERNMENT = sp.lambdify((GM, GE, DM, DE), public_minus_government_expr(), "numpy")
EXACT_RATIO = sp.lambdify((GM, GE), exact_ratio_expr(), "numpy")


def exact_condition(gamma_M_G, gamma_E_G, gap_M, gap_E):
    """tau^W > tau^G (symmetric countries), from the closed-form difference."""
    return PUBLIC_MINUS_GOVERNMENT(gamma_M_G, gamma_E_G, gap_M, gap_E) > 0


def paper_condition(gap_M, gap_E):
    """The paper's rule (γ_M^G - γ_M^W) < (3/2)(γ_E^G - γ_E^W)."""
    return np.asarray(gap_M) < float(PAPER_FACTOR) * np.asarray(gap_E)


@dataclass(frozen=True)
class Counterexample:
    gamma_M_G: float
    gamma_E_G: float
    gap_M: float
    gap_E: float
    exact_ratio: float

    @property
    def public(self) -> tuple[float, float]:
        return self.gamma_M_G - self.gap_M, self.gamma_E_G - self.gap_E


def counterexample(gamma_M_G: float, gamma_E_G: float, gap_E: float) -> Counterexample | None:
    """A point that meets the paper's 3/2 rule but has tau^W < tau^G: the import gap midway
    between the exact bound and the 3/2 bound. None where the 3/2 rule is sufficient
    (exact ratio >= 3/2, i.e. tau^G <= 0)."""
    ratio = float(EXACT_RATIO(gamma_M_G, gamma_E_G))
    if ratio >= float(PAPER_FACTOR):
        return None
    gap_M = 0.5 * (ratio + float(PAPER_FACTOR)) * gap_E
    return Counterexample(gamma_M_G, gamma_E_G, gap_M, gap_E, ratio)


def region_in_gaps(gamma_M_G: float, gamma_E_G: float, gap_M: np.ndarray, gap_E: np.ndarray):
    """Long table over the public's gaps at given government weights: which of the 3/2 rule and
    the exact condition hold, and where they disagree (panel A of the region figure)."""
    import pandas as pd

    dm, de = np.meshgrid(np.asarray(gap_M, float), np.asarray(gap_E, float), indexing="ij")
    rule = paper_condition(dm, de)
    exact = exact_condition(gamma_M_G, gamma_E_G, dm, de)
    return pd.DataFrame(
        {
            "gamma_M_G": gamma_M_G,
            "gamma_E_G": gamma_E_G,
            "gap_M": dm.ravel(),
            "gap_E": de.ravel(),
            "paper_rule": rule.ravel(),
            "exact": exact.ravel(),
            "rule_wrong": (rule & ~exact).ravel(),
        }
    )


def ratio_over_weights(gamma_M: np.ndarray, gamma_E: np.ndarray):
    """Exact ratio (4 - γ_M)/(3 - γ_E) against 3/2 over the government's weights, with the
    government's stable tariff (panel B: the 3/2 rule fails to be sufficient where tau^G > 0)."""
    import pandas as pd

    gm, ge = np.meshgrid(np.asarray(gamma_M, float), np.asarray(gamma_E, float), indexing="ij")
    stable = sp.lambdify((GM, GE), symmetric_stable_tariff_expr(), "numpy")(gm, ge)
    ratio = EXACT_RATIO(gm, ge)
    return pd.DataFrame(
        {
            "gamma_M_G": gm.ravel(),
            "gamma_E_G": ge.ravel(),
            "exact_ratio": ratio.ravel(),
            "stable_tariff": stable.ravel(),
            "rule_sufficient": (ratio >= float(PAPER_FACTOR)).ravel(),
        }
    )
