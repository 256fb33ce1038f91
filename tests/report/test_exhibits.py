"""The exhibit registry covers every figure and table of the documents, and the status shown
for each follows from the registry and from which outputs exist."""

from pathlib import Path

import pytest
import yaml

from gvcneg.empirics.gvcdr2025_ch8.reporting import ITEMS
from gvcneg.report import exhibits as ex

REPO = Path(__file__).resolve().parents[2]
REGISTRY = REPO / "targets" / "exhibits"
DOCUMENTS = sorted(p.stem for p in (REPO / "targets").glob("*.yaml"))


def test_every_document_with_targets_has_an_exhibit_list():
    assert sorted(p.stem for p in REGISTRY.glob("*.yaml")) == DOCUMENTS


def test_registry_is_valid_and_labels_are_unique():
    exhibits = ex.load_registry(REGISTRY)
    keys = [(e.document, e.label) for e in exhibits]
    assert len(keys) == len(set(keys))


def test_chapter_8_registry_agrees_with_the_chapters_availability_items():
    registry = {e.label: e for e in ex.load_registry(REGISTRY) if e.document == "gvcdr2025_ch8"}
    for stem, label, _title, needs in ITEMS:
        main_label = label.split(",")[0].split(" (")[0].replace(" A", "").replace(" B", "")
        entry = registry[main_label]
        kind = "tables" if stem.startswith("table") else "figures"
        assert f"{kind}/{stem}" in entry.outputs, (stem, entry.outputs)
        assert set(needs) <= set(entry.needs), (stem, needs, entry.needs)


def test_the_seed_documents_exhibits_are_all_listed():
    """Every 'Figure n' and 'Table n' the seed texts caption is in the registry."""
    expected = {
        "nbt2015": {"Figure 1", "Figure 2"},
        "deremer2023": {"Figure 1"},
        "mattoo_olarreaga2000": {f"Figure {i}" for i in range(1, 6)},
        "gvcdr2025_ch7": {f"Figure 7.{i}" for i in range(4, 16)},
        "gvcdr2025_ch8": {f"Figure 8.{i}" for i in range(1, 11)}
        | {"Table 8.1", "Table 8.2", "Table 8.3", "Table 8.A.5"},
        "jackson_two_level": set(),
    }
    listed: dict[str, set] = {}
    for e in ex.load_registry(REGISTRY):
        listed.setdefault(e.document, set()).add(e.label)
    for document, labels in expected.items():
        assert labels <= listed.get(document, set()), (document, labels - listed[document])


def test_status_follows_outputs_and_sources():
    figure = ex.Exhibit("d", "D", "Figure 1", "t", "document", ["figures/fig_1"], ["src"])
    assert figure.status(set()) == "awaiting data: src"
    assert figure.status({"d/figures/fig_1"}) == "reproduced"
    sub = ex.Exhibit("d", "D", "Figure 2", "t", "substitute", ["figures/fig_2"])
    assert sub.status({"d/figures/fig_2"}) == "substitute"
    assert sub.status(set()) == "missing: run the pipeline"
    secret = ex.Exhibit("d", "D", "Figure 3", "t", "confidential")
    assert secret.status({"d/figures/fig_3"}).startswith("not reproducible")


def test_a_simulated_check_never_carries_the_documents_figure_number():
    for e in ex.load_registry(REGISTRY):
        if e.basis == "simulated":
            assert not e.label.startswith(("Figure", "Table")), e.label


def test_outputs_nobody_claims_are_listed_as_supplementary():
    registry = [ex.Exhibit("d", "D", "Figure 1", "t", "document", ["figures/fig_1"])]
    built = ex.built_stems(["d/figures/fig_1.png", "d/tables/extra.csv", "d/computed.csv"])
    rows = ex.exhibit_rows(ex.with_supplementary(registry, built, {"d": "D"}), built)
    assert [r["status"] for r in rows] == ["reproduced", "supplementary"]
    assert rows[1]["anchor"] == "tbl-d-extra"


def test_an_invalid_entry_names_the_file(tmp_path):
    (tmp_path / "x.yaml").write_text(
        yaml.safe_dump({"document": "x", "name": "X", "exhibits": [{"label": "Figure 1"}]})
    )
    with pytest.raises(ValueError, match="x.yaml"):
        ex.load_registry(tmp_path)
