"""The grid's domains, the split of the two solves, the cause of the extension failures, and
that every claim of the targets has a check that fails under some perturbation."""

from pathlib import Path

import pytest
import yaml

from gvcneg.theory.deremer2023 import grid
from gvcneg.theory.deremer2023.domain import in_domain, premise_holds
from gvcneg.theory.deremer2023.falsifiability import claim_falsifiability

REPO = Path(__file__).resolve().parents[3]


def _point(gm, ge, dm, de, scale, point_id=0):
    return {
        "point_id": point_id,
        "gamma_M_G": gm,
        "gamma_E_G": ge,
        "public_gamma_M_gap": dm,
        "public_gamma_E_gap": de,
        "foreign_scale": scale,
    }


def test_failed_public_solve_keeps_the_stable_point_results():
    row = grid.evaluate_point(_point(1.65, 1.05, 0.0, 0.5, 1.0))  # public tau^W >= 1/6
    assert row["stable_valid"] and not row["public_valid"]
    assert "prohibitive" in row["public_reason"]
    assert row["dtau_x_dlambda"] > 0 and "home_public_gain" in row


def test_foreign_weights_below_one_are_outside_the_domain():
    import pandas as pd

    frame = pd.DataFrame([grid.evaluate_point(_point(1.05, 1.3, 0.0, 0.1, 0.95))])
    assert not premise_holds(frame, "governments_above_one").iloc[0]
    assert not in_domain(frame, ("governments_above_one",)).iloc[0]


@pytest.fixture(scope="module")
def asymmetric_results():
    config = {
        "gamma_M_G": {"min": 1.05, "max": 1.65, "points": 4},
        "gamma_E_G": {"min": 1.25, "max": 1.65, "points": 3},
        "public_gamma_M_gap": {"min": 0.0, "max": 0.0, "points": 1},
        "public_gamma_E_gap": {"min": 0.05, "max": 0.25, "points": 3},
        "foreign_scale": [0.95, 1.05],
    }
    return grid.evaluate_chunk(grid.build_remark_grid(config))


def test_asymmetric_level_failures_all_have_an_import_subsidy_and_the_local_claim_holds(
    asymmetric_results,
):
    claim = grid.GRID_CLAIMS["remark_1_levels_asymmetric"]
    region = asymmetric_results[
        claim.region(asymmetric_results) & grid.flag(asymmetric_results, "public_valid")
    ]
    failures = region[~claim.holds(region)]
    assert len(failures) > 0
    assert (failures[["tau_G_x", "tau_G_y"]].min(axis=1) < 0).all()
    assert (failures["public_local_gain_home"] > 0).all()
    assert (failures["public_local_gain_foreign"] > 0).all()


TARGETS = yaml.safe_load((REPO / "targets" / "deremer2023.yaml").read_text())["targets"]


@pytest.fixture(scope="module")
def falsifiability():
    section = yaml.safe_load((REPO / "config.yaml").read_text())["deremer2023"]
    return claim_falsifiability(section, TARGETS)


def test_every_document_claim_fails_under_some_perturbation(falsifiability):
    """Every result of the paper's domain that holds at the baseline fails under a violated,
    quoted premise (a falsification); swapped weights and changed rules are sanity checks."""
    results = {t["id"] for t in TARGETS if t["claim_type"] == "result" and not t.get("scope")}
    holding = set(falsifiability.loc[falsifiability["baseline_verdict"] == "holds", "claim_id"])
    falsified = set(falsifiability.loc[falsifiability["kind"] == "falsification", "claim_id"])
    assert (results & holding) <= falsified, sorted((results & holding) - falsified)
    premised = falsifiability["kind"] != "sanity check"
    assert (falsifiability.loc[premised, "premise_quote"] != "").all()
    swapped = falsifiability["perturbation"].str.contains("swapped|loosened")
    assert (falsifiability.loc[swapped, "kind"] == "sanity check").all()
    assert (falsifiability["can_fail"] == (falsifiability["kind"] == "falsification")).all()


def test_baseline_verdicts_hold_except_the_three_halves_rule(falsifiability):
    baseline = falsifiability.groupby("claim_id")["baseline_verdict"].first()
    assert baseline.pop("deremer2023.remark_1_condition") == "fails"
    assert (baseline == "holds").all()
    rule = falsifiability[falsifiability["claim_id"] == "deremer2023.remark_1_condition"]
    exact = rule[rule["perturbation"].str.startswith("rule swapped for the exact")]
    assert exact["perturbed_verdict"].tolist() == ["holds"]


def test_empty_region_is_untestable_not_missing():
    from gvcneg.theory.deremer2023.claims import deremer2023_claims

    config = {
        "gamma_M_G": {"min": 1.2, "max": 1.2, "points": 1},
        "gamma_E_G": {"min": 1.1, "max": 1.1, "points": 1},
        "public_gamma_M_gap": {"min": 0.0, "max": 0.0, "points": 1},
        "public_gamma_E_gap": {"min": 0.1, "max": 0.1, "points": 1},
        "foreign_scale": [1.0],
    }
    summary = grid.summarise_grid(grid.evaluate_chunk(grid.build_remark_grid(config)))
    empty = summary[summary["points"] == 0]
    assert len(empty) > 0  # e.g. no asymmetric point on this grid
    section = yaml.safe_load((REPO / "config.yaml").read_text())["deremer2023"]
    from gvcneg.theory.deremer2023 import tables

    claims = deremer2023_claims(
        tables.table_equilibria(section),
        tables.table_power_shift(section),
        summary,
        tables.table_political_optimum(
            {
                **section,
                "remark_grid": {
                    **section["remark_grid"],
                    **{
                        k: {"min": 1.2, "max": 1.2, "points": 1} for k in ("gamma_M_G", "gamma_E_G")
                    },
                },
            }
        ),
        tables.table_remark_1_condition(section),
        tables.table_lower_tariffs(section),
    )
    by_quantity = {c.quantity: c for c in claims}
    for _, row in empty.iterrows():
        claim = by_quantity[f"grid_share.{row['claim']}.{row['region']}"]
        assert claim.status == "untestable"
