"""Provenance you can follow: one entry per output group, code links that land on the `def`
line of the function, inputs linked to their own entries with their sha256."""

import json

import pytest

from gvcneg.report import page
from gvcneg.report import provenance_links as pl
from gvcneg.report.provenance import anchor_id


def _entry(output, rule, functions=(), inputs=None, script="workflow/scripts/x.py"):
    inputs = inputs or {}
    return {
        "id": anchor_id(output),
        "output": output,
        "sha256": "a" * 64,
        "rule": rule,
        "script": script,
        "functions": list(functions),
        "modules": [],
        "inputs": list(inputs),
        "input_sha256": inputs,
        "code_sha256": {},
        "sources": [],
        "log": [],
        "built": "today",
    }


@pytest.fixture
def prov(tmp_path, monkeypatch):
    outputs = {
        "results/d/computed.csv": _entry(
            "results/d/computed.csv",
            "d_claims",
            ["gvcneg.io.save_csv", "gvcneg.report.provenance.anchor_id"],
            {"results/d/figures/f.csv": "b" * 64},
        ),
        "results/d/figures/f.csv": _entry("results/d/figures/f.csv", "d_figures"),
        "results/d/figures/f.png": _entry("results/d/figures/f.png", "d_figures"),
        "results/d/figures/f.svg": _entry("results/d/figures/f.svg", "d_figures"),
    }
    (tmp_path / "provenance.json").write_text(json.dumps({"outputs": outputs, "stamp": {}}))
    monkeypatch.setenv("GVCNEG_RESULTS", str(tmp_path))
    page.provenance.cache_clear()
    yield outputs
    page.provenance.cache_clear()


def test_a_figures_files_share_one_entry(prov):
    groups = pl.output_groups(prov)
    assert (
        list(groups.values()).count(
            ["results/d/figures/f.csv", "results/d/figures/f.png", "results/d/figures/f.svg"]
        )
        == 1
    )
    assert len(groups) == 2


def test_a_function_link_lands_on_its_def_line(prov):
    link = pl.function_link("gvcneg.report.provenance.anchor_id")
    path = "workflow/gvcneg/report/provenance.py"
    line = pl.definitions(path)["anchor_id"]
    source = (page.REPO / path).read_text().splitlines()
    assert source[line - 1].startswith("def anchor_id(")
    assert f'href="code.html#{pl.code_anchor(path, line)}"' in link


def test_the_code_note_leaves_out_the_plumbing(prov):
    note = pl.code_note("results/d/computed.csv")
    assert "anchor_id" in note and "save_csv" not in note
    assert pl.code_note("results/nothing.csv") == ""


def test_an_entry_links_its_inputs_and_keeps_every_members_anchor(prov, capsys):
    pl.provenance_section()
    html = capsys.readouterr().out
    for output in prov:
        assert f'id="{anchor_id(output)}"' in html
    assert f'href="#{anchor_id("results/d/figures/f.csv")}"' in html
    assert "b" * 64 in html
    assert html.count('<section class="prov">') == 2
