"""The coder as the DAG runs it: shipped examples and the user's texts file."""

import numpy as np
import pandas as pd
import pytest

from gvcneg.empirics.gvcdr2025_ch8.coder_run import (
    TextsError,
    apply_coded_codes,
    code_examples,
    code_ttd_texts,
    load_examples,
    read_ttd_texts,
)
from gvcneg.empirics.gvcdr2025_ch8.ttd_dyads import deal_dyads
from gvcneg.empirics.gvcdr2025_ch8.ttd_schema import validate_ttd


def test_shipped_examples_are_coded_as_footnote_15_reads():
    table = code_examples(load_examples())
    assert table["agrees"].all(), table[~table["agrees"]]
    assert table.iloc[0]["id"].startswith("chapter_quotation")
    assert set(table["dispute_settlement"]) >= {"consultative", "adjudicative", "not_specified"}


def test_user_texts_are_coded_and_validated(tmp_path):
    path = tmp_path / "ttd_texts.csv"
    pd.DataFrame(
        {
            "ttd_id": ["D1", "D2"],
            "text": [
                "Each Party shall ensure open access to the internet.",
                "This arrangement is not legally binding.",
            ],
        }
    ).to_csv(path, index=False)
    coded = code_ttd_texts(read_ttd_texts(path)).set_index("ttd_id")
    assert coded.loc["D1", "binding_language"] == "binding"
    assert coded.loc["D2", "binding_language"] == "non_binding"
    pd.DataFrame({"ttd_id": ["D1", "D1"], "text": ["a", "b"]}).to_csv(path, index=False)
    with pytest.raises(TextsError, match="wto-ttd-texts"):
        read_ttd_texts(path)


def test_without_texts_the_table_says_what_is_awaited():
    assert code_ttd_texts(None)["status"].tolist() == ["awaiting data: wto-ttd-texts"]


def _deals():
    from simulators.gvcdr2025_ch8 import simulate_ttd_deals

    countries = ["USA", "JPN", "SGP", "KOR", "CHL"]
    deals = simulate_ttd_deals(np.random.default_rng(4), countries, 8, 8)
    mapped = deals["text_available"]
    deals.loc[mapped, ["binding_language", "dispute_settlement"]] = "not_specified"
    return deals


def test_coder_codes_reach_the_deals_and_the_binding_interaction():
    deals = _deals()
    mapped = deals[deals["text_available"]]
    digital = mapped.loc[mapped["theme"] == "digital", "ttd_id"].iloc[0]
    crm = mapped.loc[mapped["theme"] == "crm", "ttd_id"].iloc[0]
    texts = {
        digital: "Each Party shall not impose customs duties on electronic transmissions.",
        crm: "This Memorandum does not create any legal or financial "
        "obligations. The Participants shall meet annually.",
    }
    coded = code_ttd_texts(texts)
    used, sources = apply_coded_codes(deals, coded, "coder")
    validate_ttd(used)
    assert used.set_index("ttd_id").loc[digital, "binding_language"] == "binding"
    assert used.set_index("ttd_id").loc[crm, "binding_language"] == "non_binding"
    # The binding flag of Table 8.A.5's interaction follows the coder.
    dyads = deal_dyads(used)
    assert dyads.loc[dyads["ttd_id"] == digital, "binding"].all()
    assert not deal_dyads(deals).loc[lambda d: d["ttd_id"] == digital, "binding"].any()
    row = sources[(sources["ttd_id"] == digital) & (sources["field"] == "binding_language")].iloc[0]
    assert (
        row["source_used"] == "coder" and row["ttd_file"] == "not_specified" and not row["agrees"]
    )
    # The file's codes win under the other choice; without texts nothing changes.
    kept, _ = apply_coded_codes(deals, coded, "ttd_file")
    assert kept.set_index("ttd_id").loc[digital, "binding_language"] == "not_specified"
    same, _ = apply_coded_codes(deals, code_ttd_texts(None), "coder")
    pd.testing.assert_frame_equal(same, deals)


def test_texts_for_unknown_deals_are_an_error():
    coded = code_ttd_texts({"NOPE": "Each Party shall publish its measures."})
    with pytest.raises(TextsError, match="NOPE"):
        apply_coded_codes(_deals(), coded)


def test_coder_accuracy_on_the_held_out_quarter_of_the_corpus():
    from gvcneg.empirics.gvcdr2025_ch8.coder_run import coder_accuracy, load_corpus

    corpus = load_corpus()
    assert len(corpus) >= 40 and len({e["id"] for e in corpus}) == len(corpus)
    held_out = [e for e in corpus if e["held_out"]]
    assert len(held_out) == len(corpus) // 4
    # The corpus covers the wordings issue 22 names.
    kinds = " ".join(e["kind"] for e in corpus)
    for kind in ("binding obligation", "best endeavour", "disclaimer", "panel", "tribunal",
                 "arbitration", "consultations"):  # fmt: skip
        assert kind in kinds, kind
    table = coder_accuracy(corpus).set_index(["part", "field"])
    for field in ("binding_language", "dispute_settlement"):
        assert table.loc[("corpus, held out", field), "accuracy"] >= 0.9, table.loc[
            ("corpus, held out", field)
        ]
        assert table.loc[("corpus, held out", field), "entries"] == len(held_out)


def test_accuracy_counts_wrong_codes():
    from gvcneg.empirics.gvcdr2025_ch8.coder_run import coder_accuracy

    corpus = [
        {"id": "a", "text": "Each Party shall comply.", "held_out": True,
         "expected": {"binding_language": "binding", "dispute_settlement": "not_specified"}},
        {"id": "b", "text": "This MoU is not legally binding.", "held_out": True,
         "expected": {"binding_language": "binding", "dispute_settlement": "not_specified"}},
        {"id": "c", "text": "Each Party shall comply.", "held_out": False,
         "expected": {"binding_language": "binding", "dispute_settlement": "not_specified"}},
    ]  # fmt: skip
    table = coder_accuracy(corpus).set_index(["part", "field"])
    assert table.loc[("corpus, held out", "binding_language"), "accuracy"] == 0.5
    assert table.loc[("corpus, held out", "binding_language"), "wrong"] == "b"
    assert table.loc[("corpus, tuned on", "dispute_settlement"), "accuracy"] == 1.0


def test_a_clause_split_keeps_the_dispute_trigger_with_its_adjudication():
    from gvcneg.empirics.gvcdr2025_ch8.binding_coder import code_text

    text = (
        "Any dispute that is not resolved through consultations within six months; shall, at "
        "the request of either Party, be submitted to an arbitral tribunal."
    )
    assert code_text(text).dispute_settlement == "adjudicative"
    # An actor that is a preposition's object is not the subject of "shall".
    assert (
        code_text(
            "Any dispute between the Parties concerning this Agreement shall be resolved through "
            "consultations."
        ).binding_language
        == "not_specified"
    )


def test_blind_rounds_are_reported_with_their_first_run_and_revision():
    """Every blind round is labelled under footnote 15's fields and keeps its recorded first run
    (count and the entries it got wrong); the table's headline is the pooled first runs, and a
    round the coder was revised on is shown after the revision only as in-sample."""
    from gvcneg.empirics.gvcdr2025_ch8.coder_run import (
        FIELDS,
        coder_accuracy,
        load_blind_rounds,
        load_corpus,
    )

    rounds = load_blind_rounds()
    assert rounds, "no blind round"
    labels = {"binding_language": {"binding", "non_binding", "not_specified"},
              "dispute_settlement": {"adjudicative", "consultative", "not_specified"}}  # fmt: skip
    # A standard formula can recur word for word (round 1 has the DEPA customs-duties
    # sentence of the corpus): the two annotators must then agree on its labels.
    corpus_labels = {e["text"]: e["expected"] for e in load_corpus()}
    for blind in rounds:
        ids = [c["id"] for c in blind["clauses"]]
        assert len(ids) == len(set(ids)) >= 20
        repeated = [c for c in blind["clauses"] if c["text"] in corpus_labels]
        assert len(repeated) <= 2
        assert all(c["expected"] == corpus_labels[c["text"]] for c in repeated)
        for clause in blind["clauses"]:
            for field, allowed in labels.items():
                assert clause["expected"][field] in allowed, clause["id"]
        first = blind["first_run"]
        assert first["entries"] == len(ids)
        for field in FIELDS:
            assert set(first["wrong"][field]) <= set(ids)
            assert first[field] == len(ids) - len(first["wrong"][field])
    table = coder_accuracy(load_corpus(), rounds).set_index(["part", "field"])
    for field in FIELDS:
        pooled = table.loc[("blind rounds pooled, first runs", field)]
        assert pooled["entries"] == sum(len(b["clauses"]) for b in rounds)
        assert pooled["correct"] == sum(b["first_run"][field] for b in rounds)
    unrevised = [b for b in rounds if not b.get("revised_after")]
    for field in FIELDS:
        now = table.loc[("blind rounds never revised on", field)]
        assert now["entries"] == sum(len(b["clauses"]) for b in unrevised)
        assert now["correct"] == sum(b["first_run"][field] for b in unrevised)
    for blind in rounds:
        after = (f"blind round {blind['round']}, after revision", FIELDS[0])
        assert (after in table.index) == bool(blind.get("revised_after"))
        if after in table.index:
            assert table.loc[after, "measure"].startswith("in-sample")


def test_a_revised_round_headlines_its_first_run_not_its_score_after_revision():
    from gvcneg.empirics.gvcdr2025_ch8.coder_run import coder_accuracy

    clause = {"id": "x", "text": "Each Party shall comply.",
              "expected": {"binding_language": "binding", "dispute_settlement": "not_specified"}}  # fmt: skip
    blind = {"round": 7, "revised_after": "fixed", "clauses": [clause],
             "first_run": {"entries": 1, "binding_language": 0, "dispute_settlement": 1,
                           "wrong": {"binding_language": ["x"], "dispute_settlement": []}}}  # fmt: skip
    table = coder_accuracy([], [blind]).set_index(["part", "field"])
    assert table.loc[("blind round 7, first run", "binding_language"), "accuracy"] == 0.0
    assert table.loc[("blind round 7, first run", "binding_language"), "wrong"] == "x"
    assert table.loc[("blind round 7, after revision", "binding_language"), "accuracy"] == 1.0
    assert table.loc[("blind rounds pooled, first runs", "binding_language"), "accuracy"] == 0.0


def test_an_unrevised_blind_round_scores_what_its_first_run_scored():
    """A round not marked ``revised_after`` still scores exactly its recorded first run (same
    count, same entries wrong): a coder change that moves it must mark the round as revised, so
    a round can never be tuned on silently and still be reported as blind."""
    from gvcneg.empirics.gvcdr2025_ch8.binding_coder import code_text
    from gvcneg.empirics.gvcdr2025_ch8.coder_run import FIELDS, load_blind_rounds

    for blind in load_blind_rounds():
        if blind.get("revised_after"):
            continue
        for field in FIELDS:
            wrong = [
                c["id"]
                for c in blind["clauses"]
                if getattr(code_text(c["text"]), field) != c["expected"][field]
            ]
            assert wrong == blind["first_run"]["wrong"][field], (blind["round"], field)
