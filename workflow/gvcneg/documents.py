"""The document manifest (``documents.yaml``): the one list of documents.

Everything that enumerates documents reads it: the Snakefile (which rule files to include),
the ledger (which targets files), the report (``report/report.qmd``'s chapter includes are
generated from it) and the README's document table. A document is added by adding it here
with its rule file, targets file and report chapter; tests/test_documents.py checks that all
three exist and that nothing else lists documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gvcneg.yaml_schema import load_validated

MANIFEST = "documents.yaml"

_SCHEMA = {
    "type": "object",
    "required": ["documents"],
    "additionalProperties": False,
    "properties": {
        "documents": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "seed", "colour", "short", "title", "reproduces", "exhibits"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9_]+$"},
                    "seed": {"type": "string"},
                    "colour": {"type": "string", "pattern": "^#[0-9a-f]{6}$"},
                    "short": {"type": "string"},
                    "title": {"type": "string"},
                    "reproduces": {"type": "string"},
                    "exhibits": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["label", "kind", "stem"],
                            "additionalProperties": False,
                            "properties": {
                                "label": {"type": "string"},
                                "kind": {"enum": ["figure", "table"]},
                                "stem": {"type": ["string", "null"]},
                                "needs": {
                                    "oneOf": [
                                        {"type": "string"},
                                        {"type": "array", "items": {"type": "string"}},
                                    ]
                                },
                                "not_made": {"type": "string"},
                                "title": {"type": "string"},
                                "basis": {
                                    "enum": [
                                        "document",
                                        "substitute",
                                        "diagram",
                                        "simulated",
                                        "confidential",
                                    ]
                                },
                                "also": {
                                    "type": "array",
                                    "items": {
                                        "type": "string",
                                        "pattern": "^(figures|tables)/[a-z0-9_]+$",
                                    },
                                },
                            },
                        },
                    },
                },
            },
        }
    },
}


@dataclass(frozen=True)
class Document:
    id: str
    seed: str
    colour: str  # fill of the document's rules in the pipeline picture (gvcneg.report.pipeline)
    short: str
    title: str
    reproduces: str
    exhibits: tuple[dict, ...]

    def rule_file(self, repo: Path) -> Path:
        return Path(repo) / "workflow" / "rules" / f"{self.id}.smk"

    def targets_file(self, repo: Path) -> Path:
        return Path(repo) / "targets" / f"{self.id}.yaml"

    def chapter(self, repo: Path) -> Path:
        return Path(repo) / "report" / f"_{self.id}.qmd"


class ManifestError(ValueError):
    """documents.yaml is malformed or names files that do not exist."""


def load_documents(repo: Path) -> list[Document]:
    path = Path(repo) / MANIFEST
    data = load_validated(path, _SCHEMA, ManifestError)
    documents = [Document(**{**d, "exhibits": tuple(d["exhibits"])}) for d in data["documents"]]
    ids = [d.id for d in documents]
    if len(set(ids)) != len(ids):
        raise ManifestError(f"{path}: duplicate document ids in {ids}")
    for document in documents:
        for needed in (
            document.rule_file(repo),
            document.targets_file(repo),
            document.chapter(repo),
        ):
            if not needed.exists():
                raise ManifestError(f"{path}: document {document.id!r} needs {needed}")
    return documents


CHAPTERS_START = "<!-- documents:start (generated from documents.yaml by make report-index) -->"
CHAPTERS_END = "<!-- documents:end -->"


def report_chapter_includes(documents: list[Document]) -> str:
    """The chapter includes of report/report.qmd, one per document, in manifest order."""
    lines = [CHAPTERS_START, ""]
    for document in documents:
        lines += [f"{{{{< include _{document.id}.qmd >}}}}", ""]
    return "\n".join(lines + [CHAPTERS_END])


def readme_document_table(documents: list[Document]) -> str:
    rows = ["| document | what the pipeline reproduces | report chapter |", "|---|---|---|"]
    for d in documents:
        rows.append(f"| {d.short}, *{d.title}* | {d.reproduces} | `report/_{d.id}.qmd` |")
    return "\n".join(rows)


def replace_block(text: str, start: str, end: str, block: str) -> str:
    """``text`` with everything from the start marker to the end marker replaced by ``block``
    (which carries both markers itself)."""
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return head + block + tail


def main(repo: str = ".") -> None:
    """Regenerate the manifest-driven blocks of report/report.qmd and README.md."""
    root = Path(repo)
    documents = load_documents(root)
    qmd = root / "report" / "report.qmd"
    qmd.write_text(
        replace_block(
            qmd.read_text(), CHAPTERS_START, CHAPTERS_END, report_chapter_includes(documents)
        )
    )
    readme = root / "README.md"
    table_start = "<!-- document-table:start (generated from documents.yaml) -->"
    table_end = "<!-- document-table:end -->"
    readme.write_text(
        replace_block(
            readme.read_text(),
            table_start,
            table_end,
            f"{table_start}\n{readme_document_table(documents)}\n{table_end}",
        )
    )


if __name__ == "__main__":
    import sys

    main(*sys.argv[1:])
