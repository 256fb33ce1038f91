"""The grid's batch solver (Newton's method on a whole chunk at once) gives what the
single-point solver gives, point by point, and falls back to it where Newton fails."""

from pathlib import Path

import numpy as np
import pytest
import yaml

from gvcneg.sweeps import grid_chunk
from gvcneg.theory.deremer2023 import equilibrium as eq
from gvcneg.theory.deremer2023 import grid

REPO = Path(__file__).resolve().parents[3]
GRID_CONFIG = yaml.safe_load((REPO / "config.yaml").read_text())["deremer2023"]["remark_grid"]


@pytest.fixture(scope="module")
def weights():
    """Government and public weights of every fourth point of the pipeline's default grid
    (every fourth: the Foreign scale, the fastest axis, takes each of its three values)."""
    points = grid.build_remark_grid(GRID_CONFIG).iloc[::4]
    return [w for _, point in points.iterrows() for w in grid.weights_at(point)]


def _single(weights):
    results = []
    for w in weights:
        try:
            results.append(eq.solve_reciprocity_stable_tariffs(w))
        except eq.SolveError as err:
            results.append(err)
    return results


@pytest.fixture(scope="module")
def reference(weights):
    return _single(weights)


def _assert_same(batch, reference):
    assert len(batch) == len(reference)
    for got, want in zip(batch, reference, strict=True):
        if isinstance(want, eq.SolveError):
            assert isinstance(got, eq.SolveError) and str(got) == str(want)
        else:
            assert isinstance(got, eq.TariffPair), got
            assert abs(got.tau_x - want.tau_x) <= 1e-10
            assert abs(got.tau_y - want.tau_y) <= 1e-10


def test_batch_equals_the_single_point_solver(weights, reference):
    batch = eq.solve_reciprocity_stable_many(weights)
    _assert_same(batch, reference)
    # the grid has both kinds of point, so both branches were compared
    errors = sum(isinstance(r, eq.SolveError) for r in reference)
    assert 0 < errors < len(reference)
    # in fact to the bit: the answer is the single-point solver's own scipy call
    pairs = [(g, w) for g, w in zip(batch, reference, strict=True) if isinstance(w, eq.TariffPair)]
    assert all(got == want for got, want in pairs)


def test_the_comparison_fails_for_a_perturbed_model(weights, reference):
    shifted = [
        eq.CountryPair(eq.model.Weights(w.home.gamma_M + 1e-6, w.home.gamma_E), w.foreign)
        for w in weights
    ]
    with pytest.raises(AssertionError):
        _assert_same(eq.solve_reciprocity_stable_many(shifted), reference)


def test_no_root_certificate_agrees_with_the_single_point_solver(weights, reference):
    """The closed-form root count says "no root" exactly where the solver finds none here."""
    gammas = tuple(
        np.array([getattr(getattr(w, c), name) for w in weights])
        for c, name in (("home", "gamma_M"), ("home", "gamma_E"))
        + (("foreign", "gamma_M"), ("foreign", "gamma_E"))
    )
    may_have_root = eq._may_have_root(gammas)
    no_solution = np.array([isinstance(r, eq.SolveError) for r in reference])
    assert not np.any(~may_have_root & ~no_solution)  # never rules out a root that exists
    assert np.array_equal(may_have_root, ~no_solution)


def test_fallback_fires_and_is_correct_where_batch_newton_fails(weights, reference, monkeypatch):
    """Without Newton steps no start converges at asymmetric weights (equation (7) is exact
    only for symmetric ones): every such point that may have a root goes to the single-point
    solver, and the results are still today's."""
    calls = []
    single = eq.solve_reciprocity_stable_tariffs

    def spy(w, *args):
        calls.append(w)
        return single(w, *args)

    monkeypatch.setattr(eq, "solve_reciprocity_stable_tariffs", spy)
    asymmetric = [i for i, w in enumerate(weights) if w.home != w.foreign][:300]
    part, expected = [weights[i] for i in asymmetric], [reference[i] for i in asymmetric]
    batch = eq.solve_reciprocity_stable_many(part, iterations=0)
    solvable = [w for w, r in zip(part, expected, strict=True) if isinstance(r, eq.TariffPair)]
    assert calls and all(w in calls for w in solvable)
    _assert_same(batch, expected)
    calls.clear()
    eq.solve_reciprocity_stable_many(part)  # with Newton converging, no fallback is needed
    assert not calls


def test_evaluate_chunk_equals_point_by_point():
    chunk = grid_chunk(grid.build_remark_grid(GRID_CONFIG), 5, 16)
    batch = grid.evaluate_chunk(chunk)
    single = grid.evaluate_chunk_point_by_point(chunk)
    assert batch.to_csv(float_format="%.17g") == single.to_csv(float_format="%.17g")
    assert (~grid.flag(batch, "public_valid")).any() and grid.flag(batch, "public_valid").any()
