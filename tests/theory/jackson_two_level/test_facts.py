"""The sourced facts file: quotes match the commentary, values match quotes and the targets
registry (the transcription check), and malformed files fail with a clear error."""

import re
from pathlib import Path

import pytest
import yaml

from gvcneg.theory.jackson_two_level.facts import (
    FACTS_FILE,
    CommentaryFactsError,
    derive_illustration,
    load_commentary_facts,
    table_commentary_facts,
)

REPO = Path(__file__).resolve().parents[3]
SEED = REPO.parent / "shared" / "seeds" / "003_456f2ed65873caf3.txt"
TARGETS = REPO / "targets" / "jackson_two_level.yaml"


@pytest.fixture(scope="module")
def facts():
    return load_commentary_facts()


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'"))


@pytest.mark.skipif(not SEED.exists(), reason="seed text not available on this machine")
def test_every_quote_is_verbatim_in_the_commentary(facts):
    seed = _normalise(SEED.read_text())
    for quote in facts["quote"]:
        assert _normalise(quote) in seed, quote


def test_each_value_is_stated_in_its_quote(facts):
    """The number in the table is the one its quote states ('does not place tariffs' = 0)."""
    for fact in facts.itertuples():
        numbers = {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*\.?\d*", fact.quote)}
        numbers.discard(2011.0)
        if "does not place tariffs" in fact.quote:
            numbers.add(0.0)
        assert fact.value in numbers, (fact.id, fact.quote)


def test_table_agrees_with_the_targets_registry(facts):
    """The transcription check the ledger makes, here for every fact at once."""
    targets = yaml.safe_load(TARGETS.read_text())["targets"]
    by_quantity = {t["quantity"]: t["published"] for t in targets}
    for fact in facts.itertuples():
        published = by_quantity[f"fact_{fact.id}"]
        assert published["kind"] == "value"
        assert published["value"] == fact.value


def test_derived_numbers_are_computed_from_the_table(facts):
    derived = derive_illustration(facts).set_index("quantity")["value"]
    value = facts.set_index("id")["value"]
    ratio = value["japan_to_us_auto_exports_2011"] / value["us_to_japan_auto_exports_2011"]
    assert derived["auto_trade_ratio_japan_us_2011"] == pytest.approx(ratio)
    assert 27 < ratio < 28
    assert derived["us_truck_to_car_tariff_ratio"] == pytest.approx(
        value["us_tariff_trucks"] / value["us_tariff_cars"]
    )


def test_table_keeps_source_locations(facts):
    table = table_commentary_facts(facts)
    assert list(table.columns) == ["fact", "description", "value", "unit", "location", "quote"]
    assert table["location"].str.contains("Autos and Food").all()


def test_missing_file_names_the_file_and_the_fix(tmp_path):
    missing = tmp_path / "commentary_facts.yaml"
    with pytest.raises(CommentaryFactsError, match="commentary_facts.yaml.*restore it"):
        load_commentary_facts(missing)


def test_malformed_fact_is_rejected_naming_the_file(tmp_path):
    data = yaml.safe_load(FACTS_FILE.read_text())
    data["facts"][0]["unit"] = "furlongs"
    bad = tmp_path / "facts.yaml"
    bad.write_text(yaml.safe_dump(data))
    with pytest.raises(CommentaryFactsError, match=str(bad)):
        load_commentary_facts(bad)


def test_missing_field_is_named(tmp_path):
    data = yaml.safe_load(FACTS_FILE.read_text())
    for fact in data["facts"]:
        del fact["quote"]
    bad = tmp_path / "facts.yaml"
    bad.write_text(yaml.safe_dump(data))
    with pytest.raises(CommentaryFactsError, match="quote"):
        load_commentary_facts(bad)
