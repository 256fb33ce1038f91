"""Every source attribution in the targets quotes the document, and so does every premise a
falsification perturbation of a theory document violates:
each quoted passage of a ``source_quote`` occurs in the seed text (compared on letters and
digits only, so line breaks, hyphenation and typographic quotes of the PDF extraction do not
matter; "..." separates passages)."""

import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
DOCUMENTS = {
    "gvcdr2025_ch7": "001_c760a56aa92c48e0.txt",
    "nbt2015": "000_911bda67e4e72f74.txt",
    "deremer2023": "002_5d3748cbdc450739.txt",
    "mattoo_olarreaga2000": "004_29d07841107c9131.txt",
}


GREEK = {"γ": "gamma", "τ": "tau", "λ": "lambda", "α": "alpha", "β": "beta", "δ": "delta"}


def _letters(text: str) -> str:
    """Letters and digits only; a quote's Greek letters spelt as the seed's LaTeX spells them
    ("γ_M^G" and "$\\gamma_M^G$" compare alike)."""
    for letter, name in GREEK.items():
        text = text.replace(letter, name)
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _passages(quote: str) -> list[str]:
    """The quoted passages of a source_quote: the text inside double quotes (straight or
    typographic), or the whole string if it has none; split at ellipses."""
    inner = re.findall(r'"([^"]+)"|“([^”]+)”', quote)
    found = [a or b for a, b in inner] or [quote]
    return [p for part in found for p in re.split(r"\.\.\.|…", part) if _letters(p)]


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_every_source_quote_occurs_in_the_document(document):
    seed = SEEDS / DOCUMENTS[document]
    if not seed.exists():
        pytest.skip("seed texts not available")
    text = _letters(seed.read_text(encoding="utf-8", errors="replace"))
    targets = yaml.safe_load((REPO / "targets" / f"{document}.yaml").read_text())["targets"]
    quoted = [t for t in targets if t.get("source_quote")]
    assert quoted, "no source attributions to check"
    for target in quoted:
        for passage in _passages(target["source_quote"]):
            assert _letters(passage) in text, (target["id"], passage)


def test_a_paraphrase_is_caught():
    text = _letters("Figure 7.5 uses data from the World Inequality Database to report")
    assert (
        _letters(_passages('"Figure 7.5 uses data from the World Inequality Database"')[0]) in text
    )
    assert _letters(_passages('"Figure 7.5 uses WID pre-tax income data"')[0]) not in text


def _premise_quotes() -> list[tuple[str, str]]:
    from gvcneg.theory.deremer2023.domain import PREMISES
    from gvcneg.theory.mattoo_olarreaga2000.falsifiability import PERTURBATIONS

    quotes = [("deremer2023", p.quote) for p in PREMISES.values()]
    quotes += [("mattoo_olarreaga2000", p.quote) for p in PERTURBATIONS.values() if p.quote]
    return quotes


@pytest.mark.parametrize(("document", "quote"), _premise_quotes())
def test_every_violated_premise_is_quoted_from_the_document(document, quote):
    seed = SEEDS / DOCUMENTS[document]
    if not seed.exists():
        pytest.skip("seed texts not available")
    text = _letters(seed.read_text(encoding="utf-8", errors="replace"))
    assert _letters(quote) in text, quote
