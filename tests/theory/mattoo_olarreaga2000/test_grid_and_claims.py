"""The robustness grid (chunks, gather, claims) and the ledger quantities."""

import numpy as np
import pandas as pd
import pytest

from gvcneg.ledger.claims import claims_frame
from gvcneg.sweeps import gather_chunks, grid_chunk
from gvcneg.theory.mattoo_olarreaga2000 import grid as g
from gvcneg.theory.mattoo_olarreaga2000.claims import (
    illustration_premises,
    mattoo_olarreaga2000_claims,
)
from gvcneg.theory.mattoo_olarreaga2000.figure_data import contract_curve_segment_slopes

SMALL_AXES = {
    "import_supply_slope": [0.5, 0.75],
    "export_supply_slope": [4.0],
    "reciprocity": [-0.15, 0.0, 0.3],
    "welfare_weight_A_before": [1.2],
    "welfare_weight_shift": {"min": 1.1, "max": 9.0, "points": 4},
    "welfare_weight_B_ratio": [1.0, 2.0],
    "retention": [0.6, 0.8],
    "discount": [1.0],
}


@pytest.fixture(scope="module")
def results():
    grid = g.build_grid(SMALL_AXES)
    chunks = [g.evaluate_chunk(grid_chunk(grid, k, 3)) for k in range(3)]
    return gather_chunks(chunks[::-1])


def test_grid_size_and_chunks_cover_it_once():
    grid = g.build_grid(SMALL_AXES)
    assert len(grid) == 2 * 1 * 3 * 1 * 4 * 2 * 2 * 1
    ids = np.concatenate([grid_chunk(grid, k, 5)["point_id"] for k in range(5)])
    assert np.array_equal(ids, np.arange(len(grid)))
    with pytest.raises(ValueError):
        grid_chunk(grid, 5, 5)


def test_gather_detects_missing_chunk(results):
    with pytest.raises(ValueError, match="exactly once"):
        gather_chunks([results.iloc[:10], results.iloc[12:]])


def test_proven_claims_hold_on_the_grid(results):
    summary = g.summarise_grid(results).set_index("claim")
    proven = [
        "ex_ante_cut_at_least_no_credit",
        "weak_result_B_not_higher_under_ex_ante",
        "ex_post_dominated_by_ex_ante",
        "no_credit_dominates_ex_post",
        "inequality_6_decides",
        "inequality_6_iff_alpha_below_share_bound",
        "section_4_cut_larger_with_credit",
        "liberalization_iff_optimum_below_binding",
    ]
    for name in proven:
        assert summary.loc[name, "share_all"] == 1.0, name
    # B is dragged down only when tariffs are strategic complements.
    assert summary.loc["ex_ante_induces_B_cut", "share_independent"] == 0.0
    assert summary.loc["ex_ante_induces_B_cut", "share_substitutes"] == 0.0
    shares = summary.filter(like="share_").to_numpy(float)
    assert np.all((shares[np.isfinite(shares)] >= 0) & (shares[np.isfinite(shares)] <= 1))


def test_every_target_quantity_is_computed(results, solved_baseline, targets):
    summary = g.summarise_grid(results)
    claims = mattoo_olarreaga2000_claims(
        solved_baseline, contract_curve_segment_slopes(solved_baseline), summary, targets
    )
    frame = claims_frame(claims)
    missing = {t["quantity"] for t in targets["targets"]} - set(frame["quantity"])
    assert not missing
    # Untestable only where no point of this small grid meets a claim's premises.
    untestable = set(frame.loc[frame["status"] == "untestable", "quantity"])
    empty = {f"grid_share_{c}" for c in summary.loc[summary["applicable_all"] == 0, "claim"]} | {
        "grid_section_4_strengthens_ex_ante_for_A__outside"
    }
    assert untestable <= empty
    assert (frame["status"].isin(["computed", "untestable"])).all()


def test_premises_come_from_the_targets_file(targets):
    premises = illustration_premises(targets)
    at = [t for t in targets["targets"] if t["id"].endswith("ineq6_bound_expression")][0]
    assert premises["tot_share"] == at["published"]["at"]["s"]
    broken = {"targets": [t for t in targets["targets"] if "uruguay_alpha_as_cut" not in t["id"]]}
    with pytest.raises(KeyError, match="premise"):
        illustration_premises(broken)


def test_invalid_points_are_reported():
    grid = g.build_grid(SMALL_AXES | {"import_supply_slope": [3.9]})
    results = g.evaluate_chunk(grid)
    table = g.invalid_points(results)
    assert isinstance(table, pd.DataFrame)
    assert table["points"].sum() == (~results["valid"]).sum() > 0
