"""The manifest (documents.yaml) is the one list of documents: everything else agrees with it."""

import importlib
import os
import re
from pathlib import Path

import pytest
import yaml

from gvcneg.devtools.workflow_rules import load_rules
from gvcneg.documents import (
    CHAPTERS_END,
    CHAPTERS_START,
    ManifestError,
    load_documents,
    readme_document_table,
    report_chapter_includes,
)
from gvcneg.registries import RuleFiles, exhibit_files, manifest_outputs, producer

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


@pytest.fixture(scope="module")
def rules():
    return load_rules(REPO)


def figure_function(document: str, stem: str):
    """The exhibit's function in gvcneg.figures.<document> (one figure = one function named
    after the document's label; panels a/b of one figure share it: fig_8_10a -> fig_8_10)."""
    module = importlib.import_module(f"gvcneg.figures.{document}")
    return getattr(module, stem, None) or getattr(module, stem.rstrip("ab"), None)


def test_every_exhibit_is_made_by_a_rule_script_and_function_of_its_document_or_says_why_not(
    documents, rules
):
    """Structurally, not by substring: the rule that declares the exhibit's file (by name or by
    its wildcard pattern), the rule's script, and the figure function must all exist, so a
    missing or misspelt rule, script, function or manifest stem fails here."""
    by_name = {r.name: r for r in rules}
    for document in documents:
        own = [
            RuleFiles(r.name, os.path.basename(r.rule_file), r.outputs, ())
            for r in rules
            if r.name.startswith(f"{document.id}_")
        ]
        for exhibit in document.exhibits:
            if exhibit["stem"] is None:
                assert exhibit.get("not_made"), exhibit
                continue
            for output in manifest_outputs([exhibit]):
                primary = exhibit_files(output)[0]
                made_by = producer(own, f"results/{document.id}/{primary}")
                assert made_by is not None, (document.id, output)
                script = by_name[made_by.name].script
                assert script and (REPO / "workflow" / "scripts" / script).is_file(), made_by
            assert callable(figure_function(document.id, exhibit["stem"])), exhibit


def test_a_manifest_naming_a_missing_file_is_refused(tmp_path):
    (tmp_path / "documents.yaml").write_text(
        'documents:\n  - {id: ghost, seed: x, colour: "#000000", short: x, title: x, reproduces: x,'
        " exhibits: []}\n"
    )
    with pytest.raises(ManifestError, match="ghost.*ghost.smk"):
        load_documents(tmp_path)


REPORT_CALL = re.compile(r'h\.(figure|table)\(\s*"([a-z0-9_]+)",\s*"([a-z0-9_]+)"')


def test_every_report_call_names_a_declared_output_and_every_exhibit_has_one(documents, rules):
    """The report's h.figure/h.table calls (report/_<document>.qmd) are tied to the DAG and the
    manifest by the exhibit key, exactly (fig_7_1 is not found inside fig_7_10): each call names
    an output a rule of that document declares, and each manifest exhibit is called by name or,
    in chapter 8, through the chapter's availability items (gvcneg.empirics.gvcdr2025_ch8)."""
    from gvcneg.empirics.gvcdr2025_ch8.reporting import ITEMS

    looped = {("gvcdr2025_ch8", stem) for stem, *_ in ITEMS}
    for document in documents:
        own = [
            RuleFiles(r.name, os.path.basename(r.rule_file), r.outputs, ())
            for r in rules
            if r.name.startswith(f"{document.id}_")
        ]
        text = (REPO / "report" / f"_{document.id}.qmd").read_text()
        called = set()
        for kind, doc, stem in REPORT_CALL.findall(text):
            assert doc == document.id, (document.id, doc, stem)
            output = f"figures/{stem}" if kind == "figure" else f"tables/{stem}"
            path = f"results/{doc}/{exhibit_files(output)[0]}"
            assert producer(own, path) is not None, f"h.{kind}({doc!r}, {stem!r}): no rule makes it"
            called.add(stem)
        for exhibit in document.exhibits:
            stem = exhibit["stem"]
            if stem is not None:
                assert stem in called or (document.id, stem) in looped, (document.id, stem)
