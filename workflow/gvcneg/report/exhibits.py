"""Every figure and table of every document, and what became of it.

The document manifest (``documents.yaml``) lists each document's own figures and tables (also
those the pipeline cannot make), with the basis of our output. The status shown in the report
and the README is derived here from those entries and from which outputs exist (or are in the
DAG), so an exhibit that awaits data says which source, and a simulated estimator check is
never listed under the document's own figure number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from gvcneg.documents import load_documents

BADGE_FOR_BASIS = {
    "document": "reproduced",
    "substitute": "substitute",
    "simulated": "simulated check",
    "diagram": "redrawn diagram",
}


@dataclass
class Exhibit:
    document: str
    document_name: str
    label: str
    title: str
    basis: str
    outputs: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    not_made: str = ""
    supplementary: bool = False

    @property
    def kind(self) -> str:
        if self.outputs:
            return "figure" if self.outputs[0].startswith("figures/") else "table"
        return "table" if self.label.lower().startswith("table") else "figure"

    def status(self, built: set[str]) -> str:
        """``built``: the ``<document>/<figures|tables>/<stem>`` that exist (or will)."""
        if self.outputs and f"{self.document}/{self.outputs[0]}" in built:
            return BADGE_FOR_BASIS[self.basis]
        if self.not_made:
            prefix = "not reproducible" if self.basis == "confidential" else "not made"
            return f"{prefix}: {self.not_made}"
        if self.needs:
            return "awaiting data: " + ", ".join(self.needs)
        return "missing: run the pipeline"


def anchor(document: str, output: str) -> str:
    """The report's element id of one output (``figures/fig_1`` -> ``fig-<document>-fig_1``)."""
    kind, stem = output.split("/", 1)
    return f"{'fig' if kind == 'figures' else 'tbl'}-{document}-{stem}"


def from_manifest(document, entry: dict) -> Exhibit:
    stem = entry["stem"]
    outputs = ([f"{entry['kind']}s/{stem}"] if stem else []) + list(entry.get("also", []))
    needs = entry.get("needs", [])
    return Exhibit(
        document.id,
        document.short,
        entry["label"],
        entry.get("title", ""),
        entry.get("basis", "document"),
        outputs,
        [needs] if isinstance(needs, str) else list(needs),
        entry.get("not_made", ""),
    )


def load_registry(repo: Path) -> list[Exhibit]:
    return [from_manifest(d, e) for d in load_documents(repo) for e in d.exhibits]


def document_names(repo: Path) -> dict[str, str]:
    return {d.id: d.short for d in load_documents(repo)}


OUTPUT = re.compile(r"^(?P<doc>[a-z0-9_]+)/(?P<kind>figures|tables)/(?P<stem>[^/.]+)\.\w+$")


def built_stems(paths) -> set[str]:
    """``<document>/<figures|tables>/<stem>`` for output paths relative to the results dir."""
    stems = set()
    for path in paths:
        match = OUTPUT.match(str(path))
        if match:
            stems.add(f"{match['doc']}/{match['kind']}/{match['stem']}")
    return stems


def with_supplementary(exhibits: list[Exhibit], built: set[str], names: dict) -> list[Exhibit]:
    """The registry plus every built figure or table that no registry entry claims (the
    pipeline's own tables and robustness figures), so the list covers every output."""
    claimed = {f"{e.document}/{o}" for e in exhibits for o in e.outputs}
    extra = []
    for stem in sorted(built - claimed):
        document, output = stem.split("/", 1)
        extra.append(
            Exhibit(
                document,
                names.get(document, document),
                label="(pipeline) " + output.split("/", 1)[1].replace("_", " "),
                title="",
                basis="document",
                outputs=[output],
                supplementary=True,
            )
        )
    return exhibits + extra


def exhibit_rows(exhibits: list[Exhibit], built: set[str]) -> list[dict]:
    """One row per exhibit: document, label, kind, title, status, outputs, anchor."""
    rows = []
    for e in exhibits:
        rows.append(
            {
                "document": e.document,
                "document_name": e.document_name,
                "exhibit": e.label,
                "kind": e.kind,
                "title": e.title,
                "status": "supplementary" if e.supplementary else e.status(built),
                "outputs": [o for o in e.outputs if f"{e.document}/{o}" in built],
                "anchor": anchor(e.document, e.outputs[0])
                if e.outputs and f"{e.document}/{e.outputs[0]}" in built
                else "",
                "note": e.not_made,
            }
        )
    return rows
