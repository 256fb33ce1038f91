"""One rule decides every status from a claim's type and the evidence; only results reproduce."""

from pathlib import Path

import pandas as pd
import pytest

from gvcneg.ledger import claims
from gvcneg.ledger import verdict as v
from gvcneg.ledger.compare import build_ledger
from gvcneg.ledger.targets import load_registry

REPO = Path(__file__).resolve().parents[2]


def _ev(agrees=True, **kw):
    return v.Evidence("computed", agrees, **kw)


@pytest.mark.parametrize(
    ("claim_type", "agrees", "expected"),
    [
        ("result", True, v.REPRODUCED),
        ("result", False, v.DIFFERS),
        ("premise", True, v.PREMISE_MET),
        ("premise", False, v.PREMISE_VIOLATED),
        ("construction", True, v.BY_CONSTRUCTION),
        ("construction", False, v.CONSTRUCTION_BROKEN),
        ("fact", True, v.TRANSCRIBED),
        ("fact", False, v.TRANSCRIPTION_DIFFERS),
        ("stand-in", True, v.STAND_IN),
        ("stand-in", False, v.STAND_IN),
    ],
)
def test_status_follows_from_type_and_agreement(claim_type, agrees, expected):
    assert v.status(claim_type, _ev(agrees)) == expected


def test_only_a_result_can_be_reproduced_or_differ():
    for claim_type in v.CLAIM_TYPES:
        for agrees in (True, False):
            for falsifiable in (None, True, False):
                got = v.status(claim_type, _ev(agrees, falsifiable=falsifiable))
                if claim_type != v.RESULT:
                    assert got not in (v.REPRODUCED, v.DIFFERS), (claim_type, agrees)


def test_missing_values_win_over_every_type():
    for claim_type in v.CLAIM_TYPES:
        assert v.status(claim_type, v.Evidence("awaiting_data")) == v.AWAITING
        assert v.status(claim_type, v.Evidence("untestable")) == v.UNTESTABLE
        assert v.status(claim_type, v.Evidence("not_reproducible")) == v.NOT_REPRODUCIBLE


def test_partial_data_never_reproduces_nor_differs():
    partial = v.Coverage(3, 9, "TTD texts")
    for agrees in (True, False):
        assert v.status("result", _ev(agrees, coverage=partial)) == (
            "partial data (3 of 9 TTD texts)"
        )
    full = v.Coverage(9, 9, "TTD texts")
    assert v.status("result", _ev(True, coverage=full)) == v.REPRODUCED
    # A violated premise stays violated on partial data.
    assert v.status("premise", _ev(False, coverage=partial)) == v.PREMISE_VIOLATED
    with pytest.raises(ValueError):
        v.Coverage(10, 9, "texts")


def test_extension_and_unfalsifiable_results():
    assert v.status("result", _ev(True, scope="extension")) == v.EXTENSION_HOLDS
    assert v.status("result", _ev(False, scope="extension")) == v.EXTENSION_FAILS
    # A check no violated premise can make fail reproduces nothing ...
    assert v.status("result", _ev(True, falsifiable=False)) == v.BY_CONSTRUCTION
    # ... but a failure is still a failure, and falsifiable or unknown agreement reproduces.
    assert v.status("result", _ev(False, falsifiable=False)) == v.DIFFERS
    assert v.status("result", _ev(True, falsifiable=True)) == v.REPRODUCED
    assert v.status("result", _ev(True)) == v.REPRODUCED


def test_worst_status_is_the_summary():
    assert v.worst([v.REPRODUCED, v.DIFFERS, v.STAND_IN]) == v.DIFFERS
    assert v.worst([v.REPRODUCED, "partial data (3 of 9 texts)"]).startswith("partial")
    assert v.worst([v.REPRODUCED, "awaiting data: wto-ttd"]) == "awaiting data: wto-ttd"
    assert v.worst([v.REPRODUCED, v.PREMISE_MET]) == v.PREMISE_MET
    assert v.worst([]) == ""


def test_coverage_travels_through_computed_csv_into_the_ledger(tmp_path):
    frame = claims.claims_frame(
        [
            claims.computed("n_texts", 33, coverage=v.Coverage(33, 79, "digital TTD texts")),
            claims.computed("other", 1.0),
        ]
    )
    path = tmp_path / "computed.csv"
    frame.to_csv(path, index=False)
    computed = pd.read_csv(path).assign(document="doc")
    targets = [
        {
            "id": f"doc.{q}",
            "document": "doc",
            "location": "x",
            "claim": "c",
            "claim_type": "result",
            "published": {"kind": "value", "value": value},
            "quantity": q,
        }
        for q, value in (("n_texts", 33), ("other", 1.0))
    ]
    ledger = build_ledger(targets, computed).set_index("id")
    assert ledger.loc["doc.n_texts", "status"] == "partial data (33 of 79 digital TTD texts)"
    assert ledger.loc["doc.other", "status"] == v.REPRODUCED
    assert ledger.loc["doc.n_texts", "claim_type"] == "result"


def test_falsifiability_table_decides_whether_a_result_can_reproduce():
    computed = (
        pd.DataFrame([claims.computed("a", 1.0).__dict__, claims.computed("b", 1.0).__dict__])
        .drop(columns="coverage")
        .assign(document="doc")
    )
    targets = [
        {
            "id": f"doc.{q}",
            "document": "doc",
            "location": "x",
            "claim": "c",
            "claim_type": "result",
            "published": {"kind": "value", "value": 1.0},
            "quantity": q,
        }
        for q in "ab"
    ]
    table = pd.DataFrame(
        {
            "claim_id": ["doc.a", "doc.a", "doc.b", "doc.b"],
            "kind": ["falsification", "robustness", "robustness", "sanity check"],
        }
    )
    ledger = build_ledger(targets, computed, falsification=table).set_index("id")
    assert ledger.loc["doc.a", "status"] == v.REPRODUCED
    assert ledger.loc["doc.b", "status"] == v.BY_CONSTRUCTION
    assert "no perturbation that violates a stated premise" in ledger.loc["doc.b", "explanation"]


def test_reproduced_rows_that_admit_calibration_are_rejected():
    ledger = pd.DataFrame(
        {
            "id": ["ok", "calibrated", "premise", "differs"],
            "claim_type": ["result", "result", "premise", "result"],
            "status": [v.REPRODUCED, v.REPRODUCED, v.REPRODUCED, v.DIFFERS],
            "explanation": [
                "computed on the grid",
                "The kappa was chosen so that it holds",
                "",
                "the calibration makes this fail",
            ],
        }
    )
    assert v.dishonest_rows(ledger) == ["calibrated", "premise"]


def test_every_target_declares_a_claim_type_and_the_built_ledger_is_honest():
    targets = load_registry(sorted((REPO / "targets").glob("*.yaml")))
    assert all(t["claim_type"] in v.CLAIM_TYPES for t in targets)
    path = REPO / "results" / "ledger.csv"
    if not path.exists():
        pytest.skip("no results/ledger.csv: run make replicate")
    ledger = pd.read_csv(path)
    assert set(ledger["id"]) == {t["id"] for t in targets}, "ledger is stale: re-run the DAG"
    assert v.dishonest_rows(ledger) == []
    non_results = ledger[ledger["claim_type"] != v.RESULT]
    assert not non_results["status"].isin([v.REPRODUCED, v.DIFFERS]).any()
