"""The rule-based coder of binding language and dispute settlement (chapter 8, footnote 15).

Footnote 15: "provisions are coded as binding when a legal actor is paired with mandatory terms
('shall', 'must', 'is obligated to'). Any explicit disclaimer (e.g. 'non-binding', 'no legal
obligation') is coded as non-binding; all others default to 'not specified'. For 'dispute
settlement', texts are coded as adjudicative when a dispute trigger is linked to third-party
adjudication (e.g. 'arbitration', 'tribunal', 'binding decision'). References limited to
consultations or negotiations are consultative, and the absence of any provision is not
specified."

The coder works sentence by sentence. Two precedence choices the footnote leaves open are ours
and are parameters (:class:`CoderRules`): an explicit disclaimer anywhere in a text makes the
text non-binding even if it also contains mandatory sentences (MoUs typically pair "The
Participants shall meet annually" with "This MoU does not create any legal or financial
obligations"); a disclaimer is a statement about the instrument itself, so a binding text that
mentions "non-binding principles" of another body stays binding; and soft modifiers after the modal ("shall endeavour") do NOT cancel the
mandatory term unless listed in ``hedges`` (default: none, the footnote's literal rule).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

BINDING = "binding"
NON_BINDING = "non_binding"
NOT_SPECIFIED = "not_specified"
ADJUDICATIVE = "adjudicative"
CONSULTATIVE = "consultative"

DEFAULT_ACTORS = (
    "party",
    "parties",
    "contracting party",
    "contracting parties",
    "signatory",
    "signatories",
    "participant",
    "participants",
    "government",
    "governments",
    "member",
    "members",
    "state",
    "states",
    "side",
    "sides",
)
DEFAULT_MANDATORY = ("shall", "must", "is obligated to", "are obligated to", "is obliged to")
# Explicit disclaimers of the instrument itself. "non-binding" counts only where it qualifies
# the instrument or the signatories' intentions, not where a binding text mentions others'
# non-binding principles or guidelines. The standard MoU formulas ("does not create any legal
# or financial obligations", "... any rights or obligations under international law", "does
# not constitute a legally binding instrument") are disclaimers.
_INSTRUMENT = (
    r"(?:memorandum|mou|moc|arrangement|agreement|instrument|document|declaration|statement"
    r"|letter|framework|partnership|plan|roadmap|understanding)"
)
DEFAULT_DISCLAIMERS = (
    r"not (?:be )?legally binding",
    r"no legal(?:ly binding)? obligations?",
    r"(?:does|do|will|is|are) not (?:intended to )?(?:create|constitute|give rise to|establish"
    r"|impose|confer|generate)(?:\W+\w+){0,5}?\W+(?:obligations?|commitments?|rights|instrument"
    r"|treaty)\b",
    r"not intended to (?:create|be|constitute|give rise to)(?:\W+\w+){0,4}?\W+(?:legal\w*|binding"
    r"|obligations?|rights)\b",
    r"(?:is|are) not (?:a |an )?(?:treaty|treaties|international agreement|legally binding)",
    r"not (?:be )?binding under (?:international|domestic) law",
    r"(?:is|are|be|constitutes?|represents?) (?:a |an )?(?:\w+ )?non[- ]binding",
    r"non[- ]binding (?:nature|character|basis)",
    r"non[- ]binding (?:intentions?|understanding|political commitments?) of the",
    rf"(?:this|the present) {_INSTRUMENT}\b[^.;]{{0,40}}\bnon[- ]binding",
    # "Nothing in this Memorandum shall be construed as creating binding obligations": a
    # disclaimer; "... as conferring rights on persons" (no direct effect) is not.
    rf"nothing in (?:this|the present) {_INSTRUMENT} shall be (?:construed|interpreted|deemed)"
    r" (?:as|to)(?:\W+\w+){0,3}?\W+(?:legally binding|binding obligations?|legal obligations?)",
)
DEFAULT_DISPUTE_TRIGGERS = (
    r"disputes?",
    r"disputing part(?:y|ies)",
    r"disagreements?",
    r"differences? (?:of|in|regarding|concerning|arising|between|among)",
    r"controvers(?:y|ies)",
    # The dispute chapters' own words for a dispute: a complaint, a matter left unresolved, a
    # matter on the interpretation or application of the agreement.
    r"complaining part(?:y|ies)",
    r"fails? to (?:resolve|settle)",
    r"(?:matter|question)s?(?:\W+\w+){0,3}?\W+(?:interpretation|application|implementation)",
)
DEFAULT_ADJUDICATION = (
    r"arbitrat(?:ion|ors?|al)",
    r"arbitral",
    r"panels?\b",
    r"tribunals?",
    r"binding decisions?",
    r"courts? of justice",
    r"international court",
    r"third[- ]party (?:adjudication|settlement)",
    r"panel of experts",
    r"adjudicat\w*",
)
DEFAULT_CONSULTATION = (
    r"consult\w*",
    r"negotiat\w*",
    r"amicabl\w*",
    r"diplomatic channels?",
    r"mutual (?:agreement|consent)",
    r"dialogue",
)

_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n{2,}")
_FULL_STOP = re.compile(r"(?<=[.!?])\s+|\n{2,}")
# A legal actor right after one of these is the object of a preposition ("any dispute between
# the Parties ... shall"), not the subject the mandatory term binds.
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:between|among|amongst|of|to|for|with|by|from|on|against|upon)\s+"
    r"(?:(?:the|each|either|both|any|all|other|a|an|disputing|consulting|complaining"
    r"|responding|relevant|concerned)\s+)*$",
    re.IGNORECASE,
)
# "not ... arbitration" within one clause excludes adjudication ("shall not be subject to
# arbitration"); "if it is not resolved within 90 days, either Party may refer it to
# arbitration" does not (the comma ends the clause, "not resolved" is the trigger).
_NEGATED_ADJUDICATION = (
    r"\b(?:not(?!\s+(?:been\s+)?(?:resolved|settled))|no|neither|nor|without)\b[^.;,]{{0,60}}?"
    r"\b(?:{terms})"
)


@dataclass(frozen=True)
class CoderRules:
    """Word lists of the footnote 15 coder (regular-expression fragments, case-insensitive)."""

    actors: tuple[str, ...] = DEFAULT_ACTORS
    mandatory: tuple[str, ...] = DEFAULT_MANDATORY
    disclaimers: tuple[str, ...] = DEFAULT_DISCLAIMERS
    hedges: tuple[str, ...] = ()
    dispute_triggers: tuple[str, ...] = DEFAULT_DISPUTE_TRIGGERS
    adjudication: tuple[str, ...] = DEFAULT_ADJUDICATION
    consultation: tuple[str, ...] = DEFAULT_CONSULTATION
    max_gap_words: int = 8

    @classmethod
    def from_config(cls, config: Mapping | None) -> CoderRules:
        """Rules from the config section ``binding_coder`` (missing keys keep defaults)."""
        config = dict(config or {})
        kwargs = {k: tuple(v) for k, v in config.items() if k != "max_gap_words"}
        if "max_gap_words" in config:
            kwargs["max_gap_words"] = int(config["max_gap_words"])
        return cls(**kwargs)


@dataclass(frozen=True)
class CodedText:
    """The footnote 15 codes of one text, with the sentences that decided them."""

    binding_language: str
    dispute_settlement: str
    evidence: dict = field(default_factory=dict)


def _alternation(terms: Iterable[str], escape: bool = False) -> str:
    items = sorted((re.escape(t) if escape else t for t in terms), key=len, reverse=True)
    return "|".join(items)


def split_sentences(text: str, clauses: bool = True) -> list[str]:
    """Split a legal text into sentences, and with ``clauses`` also at semicolons (enumerated
    clauses). The coder codes whole sentences: a clause split would separate a trigger ("Any
    dispute ... not resolved within six months;") from what it governs ("shall be submitted to
    an arbitral tribunal"), and an actor's "shall:" from the enumerated obligations."""
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    splitter = _SENTENCE_END if clauses else _FULL_STOP
    return [s.strip() for s in splitter.split(text) if s and s.strip()]


def _compile(rules: CoderRules) -> dict[str, re.Pattern]:
    gap = rf"(?:\W+\w+){{0,{rules.max_gap_words}}}?\W+"
    mandatory = _alternation(rules.mandatory, escape=True)
    actor = _alternation(rules.actors, escape=True)
    hedge = _alternation(rules.hedges) if rules.hedges else None
    adjudication = _alternation(rules.adjudication)
    return {
        "mandatory": re.compile(rf"\b(?:{actor})\b{gap}(?:{mandatory})\b", re.IGNORECASE),
        "actor": re.compile(rf"\b(?:{actor})\b", re.IGNORECASE),
        "hedged": re.compile(rf"\b(?:{mandatory})\s+(?:{hedge})\b", re.IGNORECASE)
        if hedge
        else None,
        "disclaimer": re.compile(rf"\b(?:{_alternation(rules.disclaimers)})", re.IGNORECASE),
        "trigger": re.compile(rf"\b(?:{_alternation(rules.dispute_triggers)})\b", re.IGNORECASE),
        "adjudication": re.compile(rf"\b(?:{adjudication})", re.IGNORECASE),
        "negated_adjudication": re.compile(
            _NEGATED_ADJUDICATION.format(terms=adjudication + r"|third[- ]part(?:y|ies)"),
            re.IGNORECASE,
        ),
        "consultation": re.compile(rf"\b(?:{_alternation(rules.consultation)})", re.IGNORECASE),
    }


def _actor_with_mandatory_term(sentence: str, patterns: dict) -> bool:
    """Some legal actor that is not a preposition's object is followed (within the gap) by a
    mandatory term."""
    for actor in patterns["actor"].finditer(sentence):
        if _PREPOSITION_BEFORE.search(sentence[: actor.start()]):
            continue
        if patterns["mandatory"].match(sentence, actor.start()):
            return True
    return False


def _mandatory(sentence: str, patterns: dict) -> bool:
    if not _actor_with_mandatory_term(sentence, patterns):
        return False
    return not (patterns["hedged"] and patterns["hedged"].search(sentence))


def is_mandatory_sentence(sentence: str, rules: CoderRules = CoderRules()) -> bool:
    """A legal actor paired with a mandatory term, not softened by a listed hedge."""
    return _mandatory(sentence, _compile(rules))


def code_binding(sentences: list[str], patterns: dict) -> tuple[str, list[str]]:
    disclaimers = [s for s in sentences if patterns["disclaimer"].search(s)]
    if disclaimers:
        return NON_BINDING, disclaimers
    mandatory = [s for s in sentences if _mandatory(s, patterns)]
    if mandatory:
        return BINDING, mandatory
    return NOT_SPECIFIED, []


def code_dispute(sentences: list[str], patterns: dict) -> tuple[str, list[str]]:
    with_trigger = [s for s in sentences if patterns["trigger"].search(s)]
    adjudicative = [
        s
        for s in with_trigger
        if patterns["adjudication"].search(s) and not patterns["negated_adjudication"].search(s)
    ]
    if adjudicative:
        return ADJUDICATIVE, adjudicative
    consultative = [s for s in with_trigger if patterns["consultation"].search(s)]
    if consultative:
        return CONSULTATIVE, consultative
    return NOT_SPECIFIED, []


def code_text(text: str, rules: CoderRules = CoderRules()) -> CodedText:
    """Code one TTD text (footnote 15): binding language and dispute settlement."""
    patterns = _compile(rules)
    sentences = split_sentences(text, clauses=False)
    binding, binding_evidence = code_binding(sentences, patterns)
    dispute, dispute_evidence = code_dispute(sentences, patterns)
    return CodedText(
        binding,
        dispute,
        {"binding_language": binding_evidence, "dispute_settlement": dispute_evidence},
    )


def code_texts(texts: Mapping[str, str], rules: CoderRules = CoderRules()) -> pd.DataFrame:
    """Code many texts: one row per ``ttd_id`` with both codes and the deciding sentences."""
    rows = []
    for ttd_id, text in sorted(texts.items()):
        coded = code_text(text, rules)
        rows.append(
            {
                "ttd_id": ttd_id,
                "binding_language": coded.binding_language,
                "dispute_settlement": coded.dispute_settlement,
                "binding_evidence": " | ".join(coded.evidence["binding_language"][:3]),
                "dispute_evidence": " | ".join(coded.evidence["dispute_settlement"][:3]),
            }
        )
    columns = [
        "ttd_id",
        "binding_language",
        "dispute_settlement",
        "binding_evidence",
        "dispute_evidence",
    ]
    return pd.DataFrame(rows, columns=columns)
