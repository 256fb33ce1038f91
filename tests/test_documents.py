"""The manifest (documents.yaml) is the one list of documents: everything else agrees with it."""

from pathlib import Path

import pytest
import yaml

from gvcneg.documents import (
    CHAPTERS_END,
    CHAPTERS_START,
    ManifestError,
    load_documents,
    readme_document_table,
    report_chapter_includes,
)

REPO = Path(__file__).resolve().parents[1]
INFRASTRUCTURE_RULE_FILES = {"common", "data", "data_sources", "ledger", "report"}


@pytest.fixture(scope="module")
def documents():
    return load_documents(REPO)


def test_every_rule_file_targets_file_and_chapter_belongs_to_a_listed_document(documents):
    ids = {d.id for d in documents}
    rule_files = {p.stem for p in (REPO / "workflow" / "rules").glob("*.smk")}
    assert rule_files - INFRASTRUCTURE_RULE_FILES == ids
    assert {p.stem for p in (REPO / "targets").glob("*.yaml")} == ids
    chapters = {p.stem.removeprefix("_") for p in (REPO / "report").glob("_*.qmd")}
    assert ids <= chapters
    for document in documents:
        targets = yaml.safe_load(document.targets_file(REPO).read_text())
        assert targets["document"] == document.id
        assert (REPO.parent / "shared" / "seeds" / document.seed).exists() or not (
            REPO.parent / "shared" / "seeds"
        ).exists()


def test_generated_blocks_are_current(documents):
    """make report-index rewrites them; a stale block means someone edited by hand."""
    qmd = (REPO / "report" / "report.qmd").read_text()
    block = qmd[qmd.index(CHAPTERS_START) : qmd.index(CHAPTERS_END) + len(CHAPTERS_END)]
    assert block == report_chapter_includes(documents)
    assert readme_document_table(documents) in (REPO / "README.md").read_text()
    other_includes = [
        line for line in qmd.splitlines() if "include _" in line and line not in block
    ]
    assert all(
        any(
            name in line
            for name in ("_dashboard", "_introduction", "_data_sources", "_ledger", "_provenance")
        )
        for line in other_includes
    ), other_includes


def test_every_exhibit_is_made_by_its_rule_file_or_says_why_not(documents):
    for document in documents:
        text = document.rule_file(REPO).read_text()
        for exhibit in document.exhibits:
            if exhibit["stem"] is None:
                assert exhibit.get("not_made"), exhibit
            else:
                assert exhibit["stem"] in text, (document.id, exhibit)


def test_a_manifest_naming_a_missing_file_is_refused(tmp_path):
    (tmp_path / "documents.yaml").write_text(
        "documents:\n  - {id: ghost, seed: x, short: x, title: x, reproduces: x, exhibits: []}\n"
    )
    with pytest.raises(ManifestError, match="ghost.*ghost.smk"):
        load_documents(tmp_path)
