"""The ledger compares published targets with computed values, honestly."""

import io
import math
import re
import tokenize
from pathlib import Path

import pandas as pd
import pytest

from gvcneg.ledger import claims
from gvcneg.ledger.compare import (
    AWAITING,
    DIFFERS,
    NOT_REPRODUCIBLE,
    REPRODUCED,
    build_ledger,
    compare_one,
    evaluate_expression,
)
from gvcneg.ledger.targets import TargetsError, load_registry, load_targets_file

REPO = Path(__file__).resolve().parents[2]
TARGET_FILES = sorted((REPO / "targets").glob("*.yaml"))


def test_rounded_value_is_reproduced_only_within_its_rounding():
    target = {"kind": "value", "value": 8.22}
    assert compare_one(target, {"decimals": 2}, 8.2249)[0] == REPRODUCED
    assert compare_one(target, {"decimals": 2}, 8.2251)[0] == DIFFERS
    status, diff = compare_one(target, {"decimals": 2}, 8.0)
    assert status == DIFFERS and diff == pytest.approx(-0.22)


def test_sign_interval_holds_and_upper_bound():
    assert compare_one({"kind": "sign", "sign": "negative"}, {}, -1e-9)[0] == REPRODUCED
    assert compare_one({"kind": "sign", "sign": "negative"}, {}, 0.0)[0] == DIFFERS
    interval = {"kind": "interval", "lower": 0, "lower_open": True, "upper": 0.05}
    assert compare_one(interval, {}, 0.0)[0] == DIFFERS
    assert compare_one(interval, {}, 0.05)[0] == REPRODUCED
    assert compare_one({"kind": "holds", "share_at_least": 1.0}, {}, 0.99)[0] == DIFFERS
    assert compare_one({"kind": "upper_bound", "value": 0.001}, {}, 0.001)[0] == DIFFERS


def test_expression_is_evaluated_with_sympy():
    value = evaluate_expression("4*(2*a + 1 - 3*b)/(59 - 9*b - 8*a)", {"a": 1.2, "b": 1.1})
    assert value == pytest.approx(4 * (2.4 + 1 - 3.3) / (59 - 9.9 - 9.6))
    with pytest.raises(ValueError, match="needs values"):
        evaluate_expression("a + b", {"a": 1})


def _target(quantity, published):
    return {
        "id": f"doc.{quantity}",
        "document": "doc",
        "location": "p. 1",
        "claim": "c",
        "claim_type": "result",
        "published": published,
        "quantity": quantity,
    }


def test_awaiting_and_not_reproducible_are_never_compared():
    computed = pd.DataFrame(
        [
            c.__dict__
            for c in (
                claims.computed("a", 1.0),
                claims.awaiting_data("b", "WTO TTD database"),
                claims.not_reproducible("c", "confidential firm data"),
            )
        ]
    ).assign(document="doc")
    ledger = build_ledger(
        [_target(q, {"kind": "value", "value": 1.0}) for q in "abc"], computed
    ).set_index("id")
    assert ledger.loc["doc.a", "status"] == REPRODUCED
    assert ledger.loc["doc.b", "status"] == AWAITING
    assert "WTO TTD database" in ledger.loc["doc.b", "explanation"]
    assert ledger.loc["doc.c", "status"] == NOT_REPRODUCIBLE
    assert math.isnan(ledger.loc["doc.c", "computed"])


def test_target_without_computed_quantity_is_an_error():
    computed = pd.DataFrame([claims.computed("a", 1.0).__dict__]).assign(document="doc")
    with pytest.raises(KeyError, match="no computed quantity 'missing'"):
        build_ledger([_target("missing", {"kind": "sign", "sign": "positive"})], computed)


def test_claims_reject_nan_and_duplicates():
    with pytest.raises(ValueError, match="finite"):
        claims.computed("x", float("nan"))
    with pytest.raises(ValueError, match="duplicate"):
        claims.claims_frame([claims.computed("x", 1), claims.computed("x", 2)])


@pytest.mark.parametrize("path", TARGET_FILES, ids=lambda p: p.name)
def test_registry_files_are_valid(path):
    data = load_targets_file(path)
    assert data["document"] == path.stem


def test_target_ids_are_unique_across_the_registry():
    load_registry(TARGET_FILES)


def test_malformed_target_is_rejected(tmp_path):
    bad = tmp_path / "doc.yaml"
    bad.write_text("document: doc\ncitation: x\ntargets:\n  - id: a\n    location: b\n")
    with pytest.raises(TargetsError, match="doc.yaml"):
        load_targets_file(bad)


def _significant_digits(value: float) -> int:
    digits = re.sub(r"[^0-9]", "", f"{value:.12g}".split("e")[0]).strip("0")
    return len(digits)


def _code_without_prose(path: Path) -> str:
    """The module's code tokens: comments and docstrings may quote the document (a docstring
    saying why a check exists names the number it checks); constants and strings in code may
    not."""
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text()).readline)
    kept, previous = [], tokenize.NEWLINE
    for token in tokens:
        docstring = token.type == tokenize.STRING and previous in (
            tokenize.NEWLINE,
            tokenize.NL,
            tokenize.INDENT,
            tokenize.DEDENT,
        )
        if token.type != tokenize.COMMENT and not docstring:
            kept.append(token.string)
        if token.type not in (tokenize.COMMENT, tokenize.NL):
            previous = token.type
    return " ".join(kept)


def test_published_numbers_are_not_typed_into_the_package():
    """Published values with 3+ significant digits appear only in targets/*.yaml (and in the
    prose of comments and docstrings that say why a check exists)."""
    values = {
        t["published"]["value"]
        for t in load_registry(TARGET_FILES)
        if t["published"]["kind"] in ("value", "upper_bound")
        and _significant_digits(t["published"]["value"]) >= 3
        # a calendar year in code labels a period ("auto exports, 2011"), not a result
        and "year" not in t["quantity"]
    }
    sources = {p: _code_without_prose(p) for p in (REPO / "workflow").rglob("*.py")}
    offenders = []
    for value in values:
        text = f"{value:g}"
        pattern = re.compile(rf"(?<![\w.]){re.escape(text)}(?![\w])")
        offenders += [
            f"{p.relative_to(REPO)}: {text}" for p, s in sources.items() if pattern.search(s)
        ]
    assert not offenders, offenders


def test_stand_in_row_keeps_its_agreement_and_names_the_stand_in():
    computed = pd.DataFrame([claims.computed("a", 1.0).__dict__]).assign(document="doc")
    target = {
        **_target("a", {"kind": "value", "value": 1.0}),
        "claim_type": "stand-in",
        "stand_in": "economy-wide PWT labour share for the sector share",
    }
    robustness = pd.DataFrame({"id": ["doc.a"], "robustness": ["3/4 fragile"]})
    row = build_ledger([target], computed, robustness).iloc[0]
    assert row["status"] == "stand-in" and row["agrees"] == True  # noqa: E712
    assert "economy-wide PWT" in row["explanation"]
    # The sweep's spread on a stand-in is labelled as such, never as the document's robustness;
    # a result's label is left as the sweep wrote it.
    assert (
        row["robustness"] == "on the stand-in only, not a check of the document's data: 3/4 fragile"
    )
    result = build_ledger(
        [_target("a", {"kind": "value", "value": 1.0})], computed, robustness
    ).iloc[0]
    assert result["status"] == REPRODUCED and result["robustness"] == "3/4 fragile"


def test_stand_in_without_its_reason_is_rejected(tmp_path):
    bad = tmp_path / "doc.yaml"
    bad.write_text(
        "document: doc\ncitation: x\ntargets:\n  - id: a\n    location: b\n    claim: c\n"
        "    claim_type: stand-in\n    published: {kind: sign, sign: positive}\n    quantity: q\n"
    )
    with pytest.raises(TargetsError, match="needs 'stand_in'"):
        load_targets_file(bad)
