"""What the verified PPML adds over a plain pyfixest fepois call, each shown to bite."""

import numpy as np
import pandas as pd
import pyfixest as pf
import pytest

from gvcneg.empirics.gvcdr2025_ch8 import pyfixest_adapter as adapter
from gvcneg.empirics.gvcdr2025_ch8.ppml import IRLSOptions, PPMLError, fit_ppml

PRIMER = pd.DataFrame(
    {
        "y": [0, 0, 0, 1, 2, 3],
        "x1": [2, -1, 0, 0, 5, 6],
        "x2": [-1, 2, 0, 0, -10, -12],
        "c": range(6),
    }
)


def test_separation_without_fixed_effects_is_found():
    # ppmlhdfe's separation primer: z = 2 x1 + x2 separates row 1; ppmlhdfe reports b1 = 0.35.
    result = fit_ppml(PRIMER, "y", ["x1", "x2"], (), "c", irls=IRLSOptions(tol=1e-10))
    diag = result.diagnostics
    assert diag["n_separated_simplex"] == 1 and not result.in_sample.iloc[0]
    assert diag["collinear_dropped"] == "x2"
    assert result.table.set_index("term").loc["x1", "coef"] == pytest.approx(0.3565, abs=1e-4)
    # Without the check the same IRLS "converges" with a diverging coefficient.
    plain = pf.fepois("y ~ x1 + x2", data=PRIMER, separation_check=["fe", "ir"])
    assert abs(plain.coef()["x1"] - 0.3565) > 1


def test_fixed_effects_only_model_gives_group_means():
    rng = np.random.default_rng(4)
    data = pd.DataFrame({"g": rng.integers(0, 6, 200), "c": range(200)})
    data["y"] = rng.poisson(np.exp(1 + 0.3 * data["g"])).astype(float)
    result = fit_ppml(data, "y", [], ("g",), "c", irls=IRLSOptions(tol=1e-12, fixef_tol=1e-12))
    expected = data.groupby("g")["y"].transform("mean")
    np.testing.assert_allclose(result.fitted, expected, rtol=1e-9)
    assert result.diagnostics["converged"] and result.table.empty


def test_singletons_created_by_separation_are_dropped_and_clusters_counted_as_used():
    # ppmlhdfe test/problem1.do: separation drops rows 5, 8, 14, 15; row 7 is then alone
    # in i = 5 and is dropped as a singleton.
    data = pd.DataFrame(
        {
            "y": [2, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2],
            "x1": [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0],
            "x2": [0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0],
            "i": [2, 4, 1, 4, 2, 2, 5, 2, 1, 2, 1, 1, 2, 5, 2, 1, 1, 1],
            "j": [1, 2, 1, 3, 2, 2, 4, 3, 1, 2, 3, 3, 2, 2, 4, 2, 1, 2],
        }
    )
    data["pair"] = np.arange(18) // 2
    result = fit_ppml(data, "y", ["x1", "x2"], ("i", "j"), "pair", irls=IRLSOptions(tol=1e-10))
    dropped = sorted(np.flatnonzero(~result.in_sample.to_numpy()) + 1)
    assert dropped == [5, 7, 8, 14, 15]
    diag = result.diagnostics
    assert diag["n_singletons_dropped"] == 1 and diag["n_separated"] == 4
    assert diag["n_clusters"] == data.loc[result.in_sample, "pair"].nunique() < 9


def test_unconverged_fit_is_raised_not_returned():
    rng = np.random.default_rng(8)
    data = pd.DataFrame({"x": rng.standard_normal(300), "g": rng.integers(0, 10, 300)})
    data["y"] = rng.poisson(np.exp(2 * data["x"])).astype(float)
    data["c"] = range(300)
    with pytest.raises(PPMLError) as error:
        fit_ppml(data, "y", ["x"], ("g",), "c", irls=IRLSOptions(maxiter=2, refits=0))
    assert error.value.diagnostics["converged"] is False
    assert "not converged" in error.value.diagnostics["failure"]
    assert fit_ppml(data, "y", ["x"], ("g",), "c").diagnostics["converged"]


def test_failed_demeaning_becomes_a_diagnostic(monkeypatch):
    rng = np.random.default_rng(9)
    n = 2000
    data = pd.DataFrame(
        {"x": rng.standard_normal(n), "a": rng.integers(0, 40, n), "b": rng.integers(0, 40, n)}
    )
    data["y"] = rng.poisson(np.exp(1 + 0.5 * data["x"])).astype(float)
    data["c"] = range(n)
    monkeypatch.setattr(adapter, "DENSE_CELLS", 0)
    with pytest.raises(PPMLError) as error:
        fit_ppml(
            data, "y", ["x"], ("a", "b"), "c", irls=IRLSOptions(fixef_tol=1e-14, fixef_maxiter=1)
        )
    assert "fixef_maxiter" in error.value.diagnostics["failure"]


def test_all_zero_outcome_is_reported_as_a_failure():
    data = pd.DataFrame({"y": np.zeros(10), "x": np.arange(10.0), "c": range(10)})
    with pytest.raises(PPMLError, match="no observations"):
        fit_ppml(data, "y", ["x"], (), "c")


def test_negative_outcome_is_the_estimators_own_error():
    data = pd.DataFrame({"y": [1.0, -2.0, 3.0], "x": [0.0, 1.0, 2.0], "c": range(3)})
    with pytest.raises(PPMLError, match="negative") as error:
        fit_ppml(data, "y", ["x"], (), "c")
    assert error.value.diagnostics["failure"] == "y has negative values"


def test_model_without_fixed_effects_reports_its_constant():
    import statsmodels.api as sm

    rng = np.random.default_rng(12)
    data = pd.DataFrame({"x": rng.standard_normal(400), "c": range(400)})
    data["y"] = rng.poisson(np.exp(0.7 + 0.4 * data["x"])).astype(float)
    table = fit_ppml(data, "y", ["x"], (), "c", irls=IRLSOptions(tol=1e-12)).table
    glm = sm.GLM(data["y"], sm.add_constant(data[["x"]]), family=sm.families.Poisson()).fit(
        tol=1e-12
    )
    assert table["term"].tolist() == ["x", "_cons"]
    cons = table.set_index("term").loc["_cons"]
    assert cons["coef"] == pytest.approx(glm.params["const"], rel=1e-8)
    assert cons["coef"] == pytest.approx(0.7, abs=0.1) and cons["se"] > 0
    # Constant only: log of the mean outcome.
    only = fit_ppml(data, "y", [], (), "c").table.set_index("term")
    assert only.loc["_cons", "coef"] == pytest.approx(np.log(data["y"].mean()), rel=1e-12)
