"""Section 3.3: "Then tariffs below this level [tau^W] are strictly worse for the public welfare."

With symmetric public weights the public's reciprocal path is the diagonal tau_x = tau_y*
(the reciprocity ratio (5) is 1 there), and each public's welfare along it is
f(tau; γ_M^W) + g(tau; γ_E^W), whose second derivative is -(59 - 9 γ_E^W - 8 γ_M^W)/49: the
claim rests on that denominator of equation (7) being positive (the "convexity of the problem"
the paper invokes in section 3.2). The check below does not assume it: it evaluates welfare on
a grid of tariffs below tau^W and fails where welfare is not strictly increasing up to tau^W.
"""

from __future__ import annotations

import numpy as np

from gvcneg.theory.deremer2023 import model
from gvcneg.theory.deremer2023.equilibrium import TariffPair, solve_public_preferred_tariffs
from gvcneg.theory.deremer2023.model import CountryPair


def welfare_on_diagonal(public: CountryPair, tariffs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """W and W* at reciprocal tariffs (tau, tau)."""
    tau = np.asarray(tariffs, dtype=float)
    return model.home_objective(tau, tau, public), model.foreign_objective(tau, tau, public)


def lower_tariffs_strictly_worse(
    public: CountryPair, tau_min: float, points: int, preferred: TariffPair | None = None
) -> bool:
    """Both publics' welfare strictly increases along the diagonal from ``tau_min`` to tau^W
    (``preferred``, solved here unless the caller has it already)."""
    if public.home != public.foreign:
        raise ValueError("the claim is stated for symmetric countries (section 3.3)")
    if preferred is None:
        preferred = solve_public_preferred_tariffs(public)
    if not tau_min < preferred.tau_x:
        raise ValueError(f"tau_min = {tau_min} must lie below tau^W = {preferred.tau_x}")
    tariffs = np.linspace(tau_min, preferred.tau_x, points)
    ok = True
    for welfare in welfare_on_diagonal(public, tariffs):
        ok &= bool(np.all(np.diff(welfare) > 0))
    return ok
