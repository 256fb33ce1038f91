"""The footnote 15 coder over a labelled set of sentences, including the chapter's quotation."""

import pytest

from gvcneg.empirics.gvcdr2025_ch8.binding_coder import (
    ADJUDICATIVE,
    BINDING,
    CONSULTATIVE,
    NON_BINDING,
    NOT_SPECIFIED,
    CoderRules,
    code_text,
    code_texts,
    split_sentences,
)

# Section 8.2 of the chapter (Agreement between the US and Japan concerning Digital Trade,
# Art. 9, Para. 2), as printed.
CHAPTER_QUOTATION = (
    "Each Party shall endeavour to a) avoid unnecessary regulatory burden on electronic "
    "transactions; and b) facilitate input by interested persons in the development of its legal "
    "framework governing electronic transactions."
)

BINDING_CASES = [
    (
        "Each Party shall adopt or maintain a legal framework governing electronic transactions.",
        BINDING,
    ),
    (
        "The Parties must ensure that customs duties are not imposed on electronic transmissions.",
        BINDING,
    ),
    ("Each Contracting Party is obligated to notify the other of any new measure.", BINDING),
    ("The Participants shall meet at least once a year.", BINDING),
    ("Neither Party shall require the use of computing facilities in its territory.", BINDING),
    ("The Sides intend to cooperate on critical minerals supply chains.", NOT_SPECIFIED),
    ("The Participants will endeavour to promote investment in mining.", NOT_SPECIFIED),
    ("Cooperation shall be subject to the availability of funds.", NOT_SPECIFIED),  # no actor
    ("This Memorandum of Understanding is not legally binding.", NON_BINDING),
    (
        "This MoU does not create any legally binding obligations under international law.",
        NON_BINDING,
    ),
    ("This is a non-binding statement of intent.", NON_BINDING),
    ("It creates no legal obligation for either Government.", NON_BINDING),
]

# Standard MoU/MoC disclaimers, whole texts (they pair a disclaimer with "Participants shall"),
# and binding texts that merely mention non-binding instruments of others.
MOU_TEXTS = [
    (
        "This Memorandum of Understanding does not create any legal or financial obligations for "
        "the Participants. The Participants shall meet annually to review cooperation.",
        NON_BINDING,
    ),
    (
        "This Memorandum does not create any rights or obligations under international law. "
        "The Participants shall designate contact points.",
        NON_BINDING,
    ),
    (
        "This Memorandum of Cooperation does not constitute a legally binding instrument. "
        "The Participants shall exchange information.",
        NON_BINDING,
    ),
    (
        "This Arrangement is not intended to create legally binding obligations. "
        "The Sides shall form a working group.",
        NON_BINDING,
    ),
    (
        "This MoU is not an international agreement and does not give rise to rights or "
        "obligations under domestic or international law.",
        NON_BINDING,
    ),
    (
        "This Arrangement reflects the non-binding intentions of the Participants.",
        NON_BINDING,
    ),
    (
        "Each Party shall take into account the non-binding principles of the APEC Privacy "
        "Framework when adopting its legal framework for the protection of personal information.",
        BINDING,
    ),
    (
        "The Parties shall cooperate on the implementation of relevant non-binding guidelines "
        "and recommendations developed in international fora.",
        BINDING,
    ),
    (
        "Each Party shall endeavour to adopt non-binding best practices on cybersecurity.",
        BINDING,
    ),
]


@pytest.mark.parametrize("text, expected", MOU_TEXTS)
def test_mou_disclaimers_and_mentions_of_non_binding_instruments(text, expected):
    assert code_text(text).binding_language == expected


@pytest.mark.parametrize("sentence, expected", BINDING_CASES)
def test_binding_language_codes(sentence, expected):
    assert code_text(sentence).binding_language == expected


def test_chapter_quotation_is_binding_under_the_literal_rule():
    # A legal actor ("Each Party") paired with "shall": binding under footnote 15 as written.
    coded = code_text(CHAPTER_QUOTATION)
    assert coded.binding_language == BINDING
    assert coded.evidence["binding_language"][0].startswith("Each Party shall endeavour")
    # No dispute trigger in the quotation.
    assert coded.dispute_settlement == NOT_SPECIFIED


def test_hedge_option_reclassifies_best_endeavour_clauses():
    rules = CoderRules(hedges=(r"endeavou?r", r"seek to", r"make (?:every )?efforts?"))
    assert code_text(CHAPTER_QUOTATION, rules).binding_language == NOT_SPECIFIED
    # A plain "shall" remains binding under the hedged rule.
    assert code_text("Each Party shall publish its measures.", rules).binding_language == BINDING


def test_disclaimer_overrides_mandatory_sentences_in_the_same_text():
    text = (
        "The Participants shall establish a Joint Working Group. "
        "This Memorandum does not create legally binding obligations."
    )
    assert code_text(text).binding_language == NON_BINDING


DISPUTE_CASES = [
    (
        "Any dispute arising under this Agreement shall be submitted to an arbitral tribunal.",
        ADJUDICATIVE,
    ),
    (
        "Disputes shall be settled by a binding decision of an independent panel of experts.",
        ADJUDICATIVE,
    ),
    (
        "Any difference arising from the interpretation of this MoU shall be resolved amicably "
        "through consultations between the Participants.",
        CONSULTATIVE,
    ),
    (
        "Any dispute shall be settled through negotiations and shall not be referred to any "
        "international tribunal or third party.",
        CONSULTATIVE,
    ),
    ("The Parties shall consult regularly on digital trade matters.", NOT_SPECIFIED),
    ("The Participants welcome arbitration reforms in the mining sector.", NOT_SPECIFIED),
    # "not resolved" names the trigger; it does not exclude the arbitration that follows.
    (
        "If the dispute is not resolved within 90 days, either Party may refer it to arbitration.",
        ADJUDICATIVE,
    ),
    (
        "Any dispute shall be resolved through consultations; it is not subject to arbitration.",
        CONSULTATIVE,
    ),
    (
        "If the consulting Parties fail to resolve the matter within 60 days, the complaining "
        "Party may request the establishment of a panel.",
        ADJUDICATIVE,
    ),
]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Nothing in this Memorandum shall be construed as creating legally binding "
            "obligations for either Participant.",
            NON_BINDING,
        ),
        # The "no direct effect" clause of binding agreements is not a disclaimer.
        (
            "Nothing in this Agreement shall be construed as conferring rights or imposing "
            "obligations on persons. Each Party shall publish its measures.",
            BINDING,
        ),
        # "shall" of the panel's report binds no legal actor; the Parties are its object.
        (
            "The report of the panel shall be final and binding on the disputing Parties and "
            "shall not be subject to appeal.",
            NOT_SPECIFIED,
        ),
    ],
)
def test_nothing_shall_be_construed_and_non_actor_subjects(text, expected):
    assert code_text(text).binding_language == expected


@pytest.mark.parametrize("sentence, expected", DISPUTE_CASES)
def test_dispute_settlement_codes(sentence, expected):
    assert code_text(sentence).dispute_settlement == expected


def test_split_sentences_on_clauses_and_paragraphs():
    parts = split_sentences("Article 1. Each Party shall act; the other may act.\n\nArticle 2 ends")
    assert parts == ["Article 1.", "Each Party shall act;", "the other may act.", "Article 2 ends"]


def test_code_texts_frame_is_sorted_and_complete():
    frame = code_texts({"b": "This MoU is non-binding.", "a": "Each Party shall comply."})
    assert frame["ttd_id"].tolist() == ["a", "b"]
    assert frame["binding_language"].tolist() == [BINDING, NON_BINDING]
    assert frame["binding_evidence"].iloc[0] == "Each Party shall comply."


def test_rules_from_config_override_lists():
    rules = CoderRules.from_config({"hedges": ["endeavour"], "max_gap_words": 3})
    assert rules.hedges == ("endeavour",) and rules.max_gap_words == 3
    assert rules.actors == CoderRules().actors
