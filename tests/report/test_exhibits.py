"""The exhibit list (documents.yaml) covers every figure and table of the documents, and the
status shown for each follows from the manifest and from which outputs exist."""

from pathlib import Path

from gvcneg.empirics.gvcdr2025_ch8.reporting import ITEMS
from gvcneg.report import exhibits as ex

REPO = Path(__file__).resolve().parents[2]


def test_labels_are_unique_per_document():
    keys = [(e.document, e.label) for e in ex.load_registry(REPO)]
    assert len(keys) == len(set(keys))


def test_chapter_8_exhibits_agree_with_the_chapters_availability_items():
    """Every item the chapter can make is an output of an exhibit that awaits its sources."""
    exhibits = [e for e in ex.load_registry(REPO) if e.document == "gvcdr2025_ch8"]
    for stem, _label, _title, needs in ITEMS:
        kind = "tables" if stem.startswith("table") else "figures"
        owners = [e for e in exhibits if f"{kind}/{stem}" in e.outputs]
        assert len(owners) == 1, stem
        assert set(needs) <= set(owners[0].needs), (stem, needs, owners[0].needs)


def test_the_seed_documents_exhibits_are_all_listed():
    """Every figure and table the seed texts caption is in the manifest."""
    expected = {
        "nbt2015": {"Figure 1", "Figure 2"},
        "deremer2023": {"Figure 1"},
        "mattoo_olarreaga2000": {f"Figure {i}" for i in range(1, 6)},
        "gvcdr2025_ch7": {f"Figure 7.{i}" for i in range(4, 16)},
        "gvcdr2025_ch8": {f"Figure 8.{i}" for i in range(1, 10)}
        | {"Figure 8.10a", "Figure 8.10b", "Table 8.1", "Table 8.2", "Table 8.3", "Table 8.A.5"},
        "jackson_two_level": set(),
    }
    listed: dict[str, set] = {d: set() for d in expected}
    for e in ex.load_registry(REPO):
        listed[e.document].add(e.label)
    for document, labels in expected.items():
        assert labels <= listed[document], (document, labels - listed[document])


def test_status_follows_outputs_and_sources():
    figure = ex.Exhibit("d", "D", "Figure 1", "t", "document", ["figures/fig_1"], ["src"])
    assert figure.status(set()) == "awaiting data: src"
    assert figure.status({"d/figures/fig_1"}) == "reproduced"
    sub = ex.Exhibit("d", "D", "Figure 2", "t", "substitute", ["figures/fig_2"])
    assert sub.status({"d/figures/fig_2"}) == "substitute"
    assert sub.status(set()) == "missing: run the pipeline"
    secret = ex.Exhibit("d", "D", "Figure 3", "t", "confidential", not_made="firm data")
    assert secret.status(set()) == "not reproducible: firm data"


def test_a_simulated_check_never_carries_the_documents_figure_number():
    simulated = [e for e in ex.load_registry(REPO) if e.basis == "simulated"]
    assert simulated
    for e in simulated:
        assert not e.label.startswith(("Figure", "Table")), e.label


def test_outputs_nobody_claims_are_listed_as_supplementary():
    registry = [ex.Exhibit("d", "D", "Figure 1", "t", "document", ["figures/fig_1"])]
    built = ex.built_stems(["d/figures/fig_1.png", "d/tables/extra.csv", "d/computed.csv"])
    rows = ex.exhibit_rows(ex.with_supplementary(registry, built, {"d": "D"}), built)
    assert [r["status"] for r in rows] == ["reproduced", "supplementary"]
    assert rows[1]["anchor"] == "tbl-d-extra"
