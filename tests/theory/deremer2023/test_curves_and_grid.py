"""Figure 1's curves satisfy their defining conditions; the grid chunks partition the grid."""

import numpy as np
import pandas as pd
import pytest

from gvcneg.sweeps import gather_chunks, grid_chunk
from gvcneg.theory.deremer2023 import curves, grid
from gvcneg.theory.deremer2023.equilibrium import (
    efficiency_frontier_condition,
    reciprocity_conditions,
)
from gvcneg.theory.deremer2023.model import CountryPair

GOV = CountryPair.symmetric(1.2, 1.1)
PUBLIC = CountryPair.symmetric(1.2, 1.0)


@pytest.fixture(scope="module")
def figure_1():
    return curves.figure_1_curves(GOV, -0.02, 0.10, 201), curves.figure_1_points(GOV, PUBLIC)


def test_every_curve_is_drawn(figure_1):
    lines, _ = figure_1
    assert set(lines["curve"]) == set(curves.CURVES)


def test_curve_vertices_satisfy_their_conditions(figure_1):
    lines, _ = figure_1
    ef = lines[lines["curve"] == "EF"]
    residual = efficiency_frontier_condition(ef["tau_x"].to_numpy(), ef["tau_y"].to_numpy(), GOV)
    assert np.max(np.abs(residual)) < 1e-4
    s = lines[lines["curve"] == "S"]
    home = np.array(
        [reciprocity_conditions([x, y], GOV)[0] for x, y in s[["tau_x", "tau_y"]].values]
    )
    assert np.max(np.abs(home)) < 1e-4


def test_stable_point_lies_on_s_s_star_and_ef(figure_1):
    lines, points = figure_1
    stable = points.set_index("point").loc["Stable efficient point", ["tau_x", "tau_y"]]
    for name in ("S", "S*", "EF"):
        curve = lines[lines["curve"] == name][["tau_x", "tau_y"]].to_numpy()
        distance = np.min(np.hypot(*(curve - stable.to_numpy()).T))
        assert distance < 1e-3, name
    w = points.set_index("point").loc["W"]
    assert w["tau_x"] > stable["tau_x"]  # W at higher tariffs (Remark 1)


def test_grid_chunks_partition_the_grid():
    config = {
        "gamma_M_G": {"min": 1.1, "max": 1.3, "points": 3},
        "gamma_E_G": {"min": 1.05, "max": 1.2, "points": 2},
        "public_gamma_M_gap": {"min": 0.0, "max": 0.1, "points": 2},
        "public_gamma_E_gap": {"min": 0.05, "max": 0.1, "points": 2},
        "foreign_scale": [1.0, 1.05],
        "chunks": 5,
    }
    full = grid.build_remark_grid(config)
    assert len(full) == 3 * 2 * 2 * 2 * 2
    parts = [grid_chunk(full, i, 5) for i in range(5)]
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), full)
    results = gather_chunks([grid.evaluate_chunk(p) for p in reversed(parts)])
    assert results["point_id"].tolist() == list(range(len(full)))
    summary = grid.summarise_grid(results)
    baseline = summary.set_index(["claim", "region"]).loc[("remark_1_symmetric", "paper_domain")]
    # symmetric, equal import weights, public export weight >= 1: 3 gamma_M x 3 (gamma_E, gap)
    assert baseline["points"] == 9 and baseline["share_holds"] == 1.0
    with pytest.raises(ValueError):
        grid_chunk(full, 5, 5)
