"""What every page of the report shares: where the results are, escaping, badges, the
registries it reads (ledger, provenance, exhibits), the pages and the links between them.

Every table and figure reaches a page as HTML inside a raw ``{=html}`` block, with all text
escaped, so pandoc (or Quarto) never re-parses it as Markdown: a ``$`` in a cell stays a dollar
sign, ``*`` and ``^`` stay characters.

The results directory comes from the environment variable ``GVCNEG_RESULTS`` (set by the
report rule); without it, ``../results`` relative to the report project.
"""

from __future__ import annotations

import html
import json
import os
import re
from functools import cache
from pathlib import Path

import pandas as pd

from gvcneg.ledger import summaries
from gvcneg.report import exhibits as ex
from gvcneg.report.stamp import stamp_text

REPO = Path(__file__).resolve().parents[3]

# The report's pages (report/<name>.qmd -> results/report/<file>): the main page (summary,
# chapters, data), the ledger, the provenance of every output and the code it names.
PAGES = {
    "main": "gvcneg_report.html",
    "ledger": "ledger.html",
    "provenance": "provenance.html",
    "code": "code.html",
}


def href(page: str, anchor: str = "") -> str:
    """A link to ``anchor`` on one of the report's pages (also from that page itself)."""
    return PAGES[page] + (f"#{anchor}" if anchor else "")


BADGE_CLASS = {
    "reproduced": "ok",
    "transcription checked": "ok",
    "premise met": "neutral",
    "premise violated": "bad",
    "construction broken": "bad",
    "transcription differs": "bad",
    "partial data": "warn",
    "true by construction": "neutral",
    "extension: holds": "neutral",
    "redrawn diagram": "neutral",
    "supplementary": "neutral",
    "differs": "bad",
    "extension: fails": "bad",
    "stand-in": "warn",
    "substitute": "warn",
    "simulated check": "sim",
    "untestable": "warn",
    "not reproducible": "grey",
    "awaiting data": "grey",
    "flagged": "warn",
}


def results_dir() -> Path:
    return Path(os.environ.get("GVCNEG_RESULTS", Path.cwd().parent / "results")).resolve()


def result(document: str, *parts: str) -> Path:
    return results_dir().joinpath(document, *parts)


def raw_html(text: str) -> None:
    """Print HTML that pandoc and Quarto pass through untouched."""
    print(f"\n```{{=html}}\n{text}\n```\n")


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def badge(status: str) -> str:
    key = next((k for k in BADGE_CLASS if str(status).startswith(k)), "")
    return f'<span class="badge badge-{BADGE_CLASS.get(key, "neutral")}">{esc(status)}</span>'


def scroll_box_open(label: str, kind: str = "table-scroll") -> str:
    """A box that scrolls sideways instead of widening the page; focusable, so that the
    keyboard can scroll it too (axe: scrollable-region-focusable), and named for screen
    readers."""
    return f'<div class="{kind}" tabindex="0" role="region" aria-label="{esc(label[:120])}">'


@cache
def document_names() -> dict[str, str]:
    return ex.document_names(REPO)


def document_name(document: str) -> str:
    return document_names().get(document, document)


@cache
def provenance() -> dict:
    path = results_dir() / "provenance.json"
    return json.loads(path.read_text()) if path.exists() else {"outputs": {}, "stamp": {}}


@cache
def ledger_frame() -> pd.DataFrame:
    return pd.read_csv(results_dir() / "ledger.csv")


def _built() -> set[str]:
    root = results_dir()
    return ex.built_stems(p.relative_to(root).as_posix() for p in root.glob("*/*/*") if p.is_file())


@cache
def exhibit_rows() -> list[dict]:
    """The exhibit list with each badge from results/exhibits.csv (the worst status among the
    exhibit's ledger rows, gvcneg.ledger.summaries), never kinder than its rows."""
    registry = ex.load_registry(REPO)
    built = _built()
    rows = ex.exhibit_rows(ex.with_supplementary(registry, built, document_names()), built)
    path = results_dir() / "exhibits.csv"
    if path.exists():
        badges = pd.read_csv(path, keep_default_na=False)
        keys = zip(badges["document"], badges["exhibit"], strict=True)
        worst = dict(zip(keys, badges["status"], strict=True))
        for row in rows:
            row["status"] = worst.get((row["document"], row["exhibit"]), row["status"])
    return rows


LABEL_IN_LOCATION = summaries.LABEL_IN_LOCATION


def ledger_rows_for(document: str, label: str) -> list[str]:
    """Ids of the ledger rows whose location names this exhibit label (e.g. "Figure 7.4")."""
    return summaries.rows_naming(ledger_frame(), document, label)


def row_anchor(target_id: str) -> str:
    return "row-" + re.sub(r"[^A-Za-z0-9]+", "-", target_id).strip("-").lower()


def row_link(target_id: str, text: str = "") -> str:
    """A link to a ledger row on the ledger page."""
    return f'<a href="{href("ledger", row_anchor(target_id))}">{esc(text or target_id)}</a>'


def findings_anchor(document: str) -> str:
    return f"findings-{document}"


def stamp() -> None:
    path = results_dir() / "stamp.json"
    info = provenance().get("stamp") or (json.loads(path.read_text()) if path.exists() else {})
    if not info:
        raw_html('<p class="stamp">Build stamp: not available</p>')
        return
    dirty = info.get("dirty")
    warn = " <strong>(built from a working tree with uncommitted changes)</strong>" if dirty else ""
    raw_html(
        f'<div class="stamp" id="build-stamp"><strong>Build</strong>: {esc(stamp_text(info))}'
        f"{warn}</div>"
    )
