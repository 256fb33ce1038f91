"""Every swept choice of chapter 7 and the 2015 report carries its basis: the document's own
words that leave it open (each quoted passage occurs in the seed text, compared on letters and
digits only) or values labelled beyond the document with a reason. Choices the document rules
out never sit among its readings (Figures 7.5-7.6 use the World Inequality Database)."""

from pathlib import Path

import pytest
import yaml

from gvcneg.sweeps import (
    BEYOND,
    DOCUMENT,
    beyond_values,
    choice_table,
    missing_passages,
    quoted_passages,
    specification_basis,
    sweep_axes,
)

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
DOCUMENTS = {
    "gvcdr2025_ch7": "001_c760a56aa92c48e0.txt",
    "nbt2015": "000_911bda67e4e72f74.txt",
}


@pytest.fixture(scope="module")
def config():
    return yaml.safe_load((REPO / "config.yaml").read_text())


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_every_choice_with_several_readings_quotes_words_found_in_the_seed(config, document):
    seed = SEEDS / DOCUMENTS[document]
    if not seed.exists():
        pytest.skip("seed texts not available")
    text = seed.read_text(encoding="utf-8", errors="replace")
    checked = 0
    for family, choices in config[document]["sweep"].items():
        for name, choice in choices.items():
            assert len(choice["values"]) > 1 or choice.get("beyond"), (family, name)
            if len(choice["values"]) > 1:
                assert choice.get("quote"), f"{document}.{family}.{name}: no basis quoted"
            if choice.get("beyond"):
                assert choice.get("beyond_why"), f"{document}.{family}.{name}: beyond, no reason"
            if choice.get("quote"):
                assert not missing_passages(choice["quote"], text), (family, name)
                checked += 1
    assert checked


def test_a_paraphrased_basis_is_caught():
    text = "Figure 7.5 uses data from the World \nInequality Database to report"
    assert not missing_passages('"Figure 7.5 uses data from the World Inequality Database"', text)
    assert missing_passages('"Figure 7.5 uses WID pre-tax data" (our gloss)', text)
    assert quoted_passages('"a b ... c d" (gloss)') == ["a b ", " c d"]


def test_gini_sources_other_than_wid_are_beyond_the_document_for_figures_7_5_and_7_6(config):
    sweep = config["gvcdr2025_ch7"]["sweep"]
    series = config["gvcdr2025_ch7"]["gini_series"]
    for family in ("fig_7_5", "fig_7_6"):
        readings = sweep[family]["gini"]["values"]
        assert {series[name]["source"] for name in readings} == {"wid-gini"}
        assert {"swiid", "pip"} <= set(sweep[family]["gini"]["beyond"])


def test_data_artefact_removal_is_a_sensitivity_check_never_the_verdict(config):
    """The document's data as published decide a verdict: leaving out WID's cloned series,
    WID's extrapolated constant Ginis or PWT's imputed constant labour shares uses part of the
    data, so it is beyond the document (sensitivity), never a reading that can reproduce."""
    ch7 = config["gvcdr2025_ch7"]
    sweep = ch7["sweep"]
    as_published = {"clones": "keep", "constant_gini": "keep", "imputed_constant": "count"}
    removed = {"clones": "drop", "constant_gini": "drop", "imputed_constant": "exclude"}
    found = 0
    for choices in sweep.values():
        for name in as_published:
            if name in choices:
                found += 1
                assert choices[name]["values"] == [as_published[name]], name
                assert choices[name]["beyond"] == [removed[name]], name
                assert choices[name]["beyond_why"], name
    assert found >= 4
    assert ch7["fig_7_13"]["imputed_constant"] == "count"


def test_a_few_large_economies_is_never_one(config):
    choice = config["gvcdr2025_ch7"]["sweep"]["between_economy"]["largest_excluded"]
    assert min(choice["values"]) >= 2
    assert 1 not in choice["values"]


def test_axes_basis_and_choice_table():
    sweep = {
        "f": {
            "gini": {"values": ["a", "b"], "quote": "q", "beyond": ["c"], "beyond_why": "w"},
            "fy": {"values": [2025, 2024], "quote": "q"},
        }
    }
    assert sweep_axes(sweep["f"]) == {"gini": ["a", "b", "c"], "fy": [2025, 2024]}
    beyond = beyond_values(sweep)
    assert beyond == {"f": {"gini": ["c"]}}
    assert specification_basis({"gini": "b", "fy": "2024"}, beyond["f"]) == DOCUMENT
    assert specification_basis({"gini": "c", "fy": "2025"}, beyond["f"]) == BEYOND
    table = choice_table(sweep)
    assert table.loc[table["choice"] == "gini", "beyond_the_document"].item() == "c"
