"""The adapter is the only code reading pyfixest's internals; pin the version it reads."""

import numpy as np
import pandas as pd
import pytest

from gvcneg.empirics.gvcdr2025_ch8 import pyfixest_adapter as adapter


def test_installed_pyfixest_is_the_version_the_adapter_was_written_for():
    # An upgrade must re-check every private attribute used in pyfixest_adapter.py
    # (_beta_hat, _Y_hat_response, _weights, _X, _hessian, _coefnames, _collin_vars,
    # Fepois._compute_deviance) and then bump PYFIXEST_VERSION.
    assert adapter.installed_version() == adapter.PYFIXEST_VERSION


def test_fepois_internals_give_the_fit_and_a_zero_newton_step_at_convergence():
    rng = np.random.default_rng(11)
    n = 400
    frame = pd.DataFrame({"x": rng.standard_normal(n), "g": rng.integers(0, 8, n)})
    frame["y"] = rng.poisson(np.exp(0.3 + 0.5 * frame["x"] + 0.1 * frame["g"])).astype(float)
    frame["c"] = np.arange(n)
    fit = adapter.fit_fepois("y ~ x | g", frame, "c", 100, 1e-12, 1e-12, 100_000)
    y = frame["y"].to_numpy()
    assert fit.coefnames == ["x"] and 2 <= fit.iterations < 100 and fit.deviance_converged
    assert abs(fit.beta[0] - 0.5) < 0.1
    # Score of x at the reported means is zero, and so is one more Newton step.
    assert abs(frame["x"].to_numpy() @ (y - fit.mu)) < 1e-6 * y.sum()
    assert np.abs(fit.newton_step(y)).max() < 1e-8
    # A fit stopped early has a non-zero step: the check can fail.
    early = adapter.fit_fepois("y ~ x | g", frame, "c", 1, 1e-12, 1e-12, 100_000)
    assert np.abs(early.newton_step(y)).max() > 1e-4


def test_unfinished_demeaning_is_exact_when_small_and_raised_when_large(monkeypatch):
    rng = np.random.default_rng(2)
    frame = pd.DataFrame({"a": rng.integers(0, 50, 500), "b": rng.integers(0, 50, 500)})
    codes = adapter.fe_codes(frame, ("a", "b"))
    x = rng.standard_normal((500, 1))
    weights = rng.uniform(0.5, 2.0, 500)
    # One iteration cannot reach 1e-14: small problems get the exact weighted projection ...
    resid = adapter.demean(x, codes, weights, 1e-14, 1)
    dummies = pd.get_dummies(frame.astype(str), dtype=float).to_numpy()
    sw = np.sqrt(weights)[:, None]
    exact = x - dummies @ np.linalg.lstsq(sw * dummies, sw * x, rcond=None)[0]
    np.testing.assert_allclose(resid, exact, atol=1e-10)
    # ... and beyond the dense limit the failure is raised, never returned.
    monkeypatch.setattr(adapter, "DENSE_CELLS", 0)
    with pytest.raises(adapter.DemeaningFailed):
        adapter.demean(x, codes, weights, 1e-14, 1)


def test_singletons_are_detected():
    codes = adapter.fe_codes(pd.DataFrame({"a": [1, 1, 2, 3, 3]}), ("a",))
    assert adapter.singletons(codes).tolist() == [False, False, True, False, False]
