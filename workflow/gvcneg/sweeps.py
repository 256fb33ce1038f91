"""Parameter sweeps shared by the theory models: split a grid into chunks (one Snakemake job
each) and gather the evaluated chunks back into one table."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd


def grid_chunk(grid: pd.DataFrame, chunk: int, n_chunks: int) -> pd.DataFrame:
    """The ``chunk``-th of ``n_chunks`` contiguous, near-equal slices of the grid."""
    if not 0 <= chunk < n_chunks:
        raise ValueError(f"chunk {chunk} outside 0..{n_chunks - 1}")
    bounds = np.linspace(0, len(grid), n_chunks + 1).round().astype(int)
    return grid.iloc[bounds[chunk] : bounds[chunk + 1]].reset_index(drop=True)


def gather_chunks(chunks: list[pd.DataFrame]) -> pd.DataFrame:
    """Stack the chunks in point order; check that no point is missing or duplicated."""
    frame = pd.concat(chunks, ignore_index=True).sort_values("point_id", kind="stable")
    ids = frame["point_id"].to_numpy()
    if len(ids) and not np.array_equal(ids, np.arange(len(ids))):
        raise ValueError("grid chunks do not cover the grid exactly once")
    return frame.reset_index(drop=True)


def specification_grid(axes: dict[str, list]) -> pd.DataFrame:
    """Every combination of the analysis choices in ``axes`` (choice -> list of values), one
    row per specification, in the order of the lists: the first row takes the first value of
    every choice (the declared main specification)."""
    if not axes:
        raise ValueError("a specification grid needs at least one choice")
    for name, values in axes.items():
        if not values:
            raise ValueError(f"choice {name!r} has no values")
    index = pd.MultiIndex.from_product(list(axes.values()), names=list(axes))
    return index.to_frame(index=False)


# Specification sweeps over analysis choices -------------------------------------------------
# A document's sweep (config ``<document>.sweep``) maps each claim family to its choices; each
# choice is {values, quote, beyond, beyond_why}:
#   values      the readings the document's words allow, the main specification's first;
#   quote       the document's own words that leave the choice open (required when there is
#               more than one reading; tests/config checks that it occurs in the seed text);
#   beyond      values the document does not allow (another source than the one it names, a
#               treatment of data artefacts it does not make, ...);
#   beyond_why  why they are beyond the document.
# Only specifications made of document readings enter the ledger's robustness; every
# specification with a value beyond the document belongs to the separate sensitivity check.

DOCUMENT = "document"
BEYOND = "beyond the document"


def sweep_axes(choices: dict[str, dict]) -> dict[str, list]:
    """Every value of each choice of one family (the document's readings first, then those
    beyond it): the axes of its specification grid."""
    return {name: list(c["values"]) + list(c.get("beyond", [])) for name, c in choices.items()}


def beyond_values(sweep: dict[str, dict[str, dict]]) -> dict[str, dict[str, list[str]]]:
    """family -> choice -> the values beyond the document, as strings (as they appear in a
    Paramspace specification name)."""
    return {
        family: {
            name: [str(v) for v in choice.get("beyond", [])]
            for name, choice in choices.items()
            if choice.get("beyond")
        }
        for family, choices in sweep.items()
    }


def specification_basis(choices: dict[str, str], beyond: dict[str, list[str]]) -> str:
    """``DOCUMENT`` if every choice of a specification is a reading the document allows,
    else ``BEYOND`` (the specification belongs to the sensitivity check)."""
    for name, value in choices.items():
        if str(value) in beyond.get(name, []):
            return BEYOND
    return DOCUMENT


def choice_table(sweep: dict[str, dict[str, dict]]) -> pd.DataFrame:
    """One row per swept choice: its document readings, the words that leave it open, and the
    values beyond the document with the reason (for the report)."""
    rows = []
    for family, choices in sweep.items():
        for name, choice in choices.items():
            rows.append(
                {
                    "family": family,
                    "choice": name,
                    "document_readings": ", ".join(str(v) for v in choice["values"]),
                    "words_that_leave_it_open": choice.get("quote", ""),
                    "beyond_the_document": ", ".join(str(v) for v in choice.get("beyond", [])),
                    "why_beyond": choice.get("beyond_why", ""),
                }
            )
    return pd.DataFrame(rows)


def quoted_passages(quote: str) -> list[str]:
    """The passages a basis quotes: the text inside double quotes (straight or typographic),
    or the whole string if it has none; "..." separates passages."""
    inner = re.findall(r'"([^"]+)"|“([^”]+)”', quote)
    found = [a or b for a, b in inner] or [quote]
    return [p for part in found for p in re.split(r"\.\.\.|…", part) if letters_only(p)]


def letters_only(text: str) -> str:
    """Lower-case letters and digits only: line breaks, hyphenation and typographic quotes of a
    PDF extraction do not matter when a quote is looked up in it."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def missing_passages(quote: str, document_text: str) -> list[str]:
    """The passages of ``quote`` that do not occur in ``document_text``."""
    text = letters_only(document_text)
    return [p for p in quoted_passages(quote) if letters_only(p) not in text]
