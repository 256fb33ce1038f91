"""The one place where the project touches pyfixest's private internals.

pyfixest's ``fepois`` is the IRLS engine of the chapter 8 PPML, but what we need to verify a
fit (the IRLS weights, the weighted within-transformed regressors, the Hessian, the number of
iterations) is only held in private attributes, and the demeaner and singleton detector live
in ``pyfixest.core``. Every such access goes through this module, and
``tests/empirics/gvcdr2025_ch8/test_pyfixest_adapter.py`` pins the pyfixest version it was
written against: an upgrade fails that test first instead of silently changing a table.
"""

from __future__ import annotations

import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal
from unittest import mock

import numpy as np
import pandas as pd
import pyfixest as pf
from pyfixest.core import demean as _core_demean
from pyfixest.core.detect_singletons import detect_singletons as _core_detect_singletons
from pyfixest.estimation.models.fepois_ import Fepois

Demeaner = Literal["map", "lsmr"]  # alternating projections (pyfixest's default) or LSMR

PYFIXEST_VERSION = "0.60.0"  # the version whose internals this module reads


class AllRegressorsCollinear(RuntimeError):
    """Every regressor is collinear with the fixed effects (or each other) on the sample."""


class DemeaningFailed(RuntimeError):
    """pyfixest's alternating-projections demeaner hit ``fixef_maxiter`` before ``fixef_tol``."""


def installed_version() -> str:
    return pf.__version__


def fe_codes(frame: pd.DataFrame, fixed_effects: tuple[str, ...]) -> np.ndarray:
    """Fixed effects as a column-major (N, G) array of integer codes 0..levels-1."""
    if not fixed_effects:
        return np.empty((len(frame), 0), dtype=np.uint64)
    codes = np.column_stack([pd.factorize(frame[fe])[0] for fe in fixed_effects])
    return np.asfortranarray(codes.astype(np.uint64))


def demean(
    x: np.ndarray, codes: np.ndarray, weights: np.ndarray, tol: float, maxiter: int
) -> np.ndarray:
    """Weighted within transformation of the columns of ``x`` for the fixed effects ``codes``.

    Raises :class:`DemeaningFailed` instead of returning an unconverged projection.
    """
    x = np.ascontiguousarray(np.asarray(x, dtype=np.float64).reshape(len(weights), -1))
    resid, success = _core_demean(
        x, np.asarray(codes, dtype=np.uint64), np.asarray(weights, dtype=np.float64), tol, maxiter
    )
    if not success and x.shape[0] * (int(codes.max(initial=0)) + 1) * codes.shape[1] <= DENSE_CELLS:
        return _dense_demean(x, codes, weights)
    if not success:
        raise DemeaningFailed(
            f"fixed-effect demeaning did not reach fixef_tol={tol:g} in fixef_maxiter={maxiter}"
        )
    return resid


# Below this many dummy cells a demeaning that alternating projections cannot finish is done
# exactly instead: weighted least squares on the dense fixed-effect dummies.
DENSE_CELLS = 2_000_000


def _dense_demean(x: np.ndarray, codes: np.ndarray, weights: np.ndarray) -> np.ndarray:
    n = x.shape[0]
    blocks = []
    for g in range(codes.shape[1]):
        column = codes[:, g].astype(np.int64)
        block = np.zeros((n, int(column.max()) + 1))
        block[np.arange(n), column] = 1.0
        blocks.append(block)
    design = np.hstack(blocks)
    sw = np.sqrt(weights)
    coef = np.linalg.lstsq(sw[:, None] * design, sw[:, None] * x, rcond=None)[0]
    return x - design @ coef


def singletons(codes: np.ndarray) -> np.ndarray:
    """Observations alone in a level of some fixed effect (one pass; callers iterate)."""
    if codes.shape[1] == 0:
        return np.zeros(codes.shape[0], dtype=bool)
    return np.asarray(_core_detect_singletons(np.asfortranarray(codes)), dtype=bool)


@dataclass(frozen=True)
class FepoisFit:
    """What a verified PPML needs from a pyfixest ``Fepois`` fit."""

    model: Fepois
    iterations: int  # IRLS iterations (pyfixest does not store them)
    se_defined: bool = True  # False when N equals the number of parameters

    @property
    def coefnames(self) -> list[str]:
        return list(self.model._coefnames)

    @property
    def collinear_dropped(self) -> list[str]:
        return list(getattr(self.model, "_collin_vars", []) or [])

    @property
    def beta(self) -> np.ndarray:
        return np.asarray(self.model._beta_hat, dtype=float).ravel()

    @property
    def mu(self) -> np.ndarray:
        """Fitted means of the estimation sample (in its row order)."""
        return np.asarray(self.model._Y_hat_response, dtype=float).ravel()

    @property
    def n_used(self) -> int:
        return int(self.model._N)

    @property
    def deviance_converged(self) -> bool:
        return bool(getattr(self.model, "convergence", False))

    def newton_step(self, y: np.ndarray) -> np.ndarray:
        """The coefficient change one more IRLS (Newton) step would make.

        pyfixest keeps sqrt(w) * X~ (X~ = regressors within-transformed with the last IRLS
        weights w) and the Hessian X~'W X~; the step is (X~'W X~)^-1 X~'(y - mu).
        """
        if self.beta.size == 0:
            return np.zeros(0)
        weights = np.asarray(self.model._weights, dtype=float).ravel()
        x_tilde = np.asarray(self.model._X, dtype=float) / np.sqrt(weights)[:, None]
        score = x_tilde.T @ (np.asarray(y, dtype=float) - self.mu)
        return np.linalg.lstsq(np.asarray(self.model._hessian, dtype=float), score, rcond=None)[0]

    def tidy(self) -> pd.DataFrame:
        return self.model.tidy()

    def clustered_se(self, cluster: str) -> pd.Series:
        """Standard errors (by coefficient name) of the same fit clustered by ``cluster``
        (a column, or two joined by "+" for two-way clustering), pyfixest's CRV1 with its
        small-sample factors; the fit's own variance is restored afterwards."""
        own = self.model._vcov_type_detail, self.model._clustervar
        try:
            self.model.vcov({"CRV1": cluster})
            return self.model.tidy()["Std. Error"].copy()
        finally:
            kind, clusters = own
            self.model.vcov({kind: "+".join(clusters)} if clusters else kind)


@contextmanager
def _count_irls_iterations():
    """``Fepois._compute_deviance`` runs once before the IRLS loop, once per iteration and once
    after it, so iterations = calls - 2."""
    calls = {"n": 0}
    original = Fepois._compute_deviance

    def counting(self, *args, **kwargs):
        calls["n"] += 1
        return original(self, *args, **kwargs)

    with mock.patch.object(Fepois, "_compute_deviance", counting):
        yield calls


def fit_fepois(
    formula: str,
    data: pd.DataFrame,
    cluster: str,
    maxiter: int,
    tol: float,
    fixef_tol: float,
    fixef_maxiter: int,
    collin_tol: float = 1e-9,
    demeaner: Demeaner = "map",
) -> FepoisFit:
    """pyfixest ``fepois`` with its own separation checks and singleton dropping switched off
    (the caller has done both), the demeaner settings passed through, and a failed demeaning
    raised as :class:`DemeaningFailed`."""
    if demeaner == "map":  # pyfixest's default: alternating projections
        typed = pf.MapDemeaner(fixef_tol=fixef_tol, fixef_maxiter=fixef_maxiter)
    elif demeaner == "lsmr":  # preconditioned LSMR: for problems the projections cannot finish
        typed = pf.LsmrDemeaner(
            fixef_atol=fixef_tol, fixef_btol=fixef_tol, fixef_maxiter=fixef_maxiter
        )
    else:
        raise ValueError(f"unknown demeaner {demeaner!r}")
    options = dict(
        data=data,
        vcov={"CRV1": cluster},
        iwls_maxiter=maxiter,
        iwls_tol=tol,
        separation_check=[],
        fixef_rm="none",
        demeaner=typed,
        collin_tol=collin_tol,
    )
    se_defined = True
    with _count_irls_iterations() as calls, warnings.catch_warnings():
        # pyfixest warns about collinear variables under our internal column names; the
        # caller reports them under the real names.
        warnings.filterwarnings("ignore", message=".*multicollinearity.*")
        try:
            try:
                model = pf.fepois(formula, **options)
            except ZeroDivisionError:
                # No residual degrees of freedom: the small-sample factor is undefined.
                # Refit without it; the caller reports the standard errors as undefined.
                calls["n"] = 0
                model = pf.fepois(formula, ssc=pf.ssc(k_adj=False, G_adj=False), **options)
                se_defined = False
        except ValueError as error:
            if "All variables are collinear" in str(error):
                raise AllRegressorsCollinear(str(error).strip()) from error
            if "Demeaning failed" in str(error):
                raise DemeaningFailed(
                    f"fixed-effect demeaning ({demeaner}) did not reach "
                    f"fixef_tol={fixef_tol:g} in fixef_maxiter={fixef_maxiter}"
                ) from error
            raise
    return FepoisFit(model, max(calls["n"] - 2, 0), se_defined)
