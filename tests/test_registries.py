"""gvcneg.registries: the ledger's and the report's inputs, read back from the rules."""

import pytest

from gvcneg.registries import RuleFiles, derive, pattern_regex

CACHE = "data-cache"


def rule(name, rule_file, outputs, inputs=()):
    return RuleFiles(name, rule_file, tuple(outputs), tuple(inputs))


def toy_rules():
    return [
        rule("fetch_source_file", "data.smk", ["data-cache/{source}/{file_name}"]),
        rule("country_metadata", "data.smk", ["results/data/country_metadata.csv"],
             ["data-cache/wb/CLASS.dta"]),
        rule("toy_panel", "toy.smk", ["results/toy/panel.csv"], ["data-cache/wb/CLASS.dta"]),
        rule("toy_deals", "toy.smk", ["results/toy/deals.csv"], ["data-cache/ttd/ttd.xlsx"]),
        # needs the unusable source only through another rule's output
        rule("toy_figure", "toy.smk",
             [f"results/toy/figures/{{stem,fig_1|fig_2}}.{e}" for e in ("png", "svg", "csv")],
             ["results/toy/deals.csv"]),
        rule("toy_table", "toy.smk",
             [f"results/toy/tables/table_1.{e}" for e in ("csv", "md", "html")],
             ["results/toy/panel.csv"]),
        rule("toy_claims", "toy.smk", ["results/toy/computed.csv", "results/toy/robustness.csv"],
             ["results/toy/panel.csv"]),
        rule("toy_chunk", "toy.smk", ["results/toy/grid/chunk_{chunk}.csv"]),
        rule("ledger", "ledger.smk", ["results/ledger.csv"], ["results/toy/computed.csv"]),
    ]  # fmt: skip


MANIFEST = [
    {"label": "Figure 1", "kind": "figure", "stem": "fig_1", "needs": "ttd"},
    {"label": "Table 1", "kind": "table", "stem": "table_1"},
    {"label": "Figure 2", "kind": "figure", "stem": "fig_2", "needs": ["ttd"]},
    {"label": "Figure 3", "kind": "figure", "stem": None, "not_made": "no data"},
]


def derived(usable=lambda s: s != "ttd", rules=None, manifest=MANIFEST):
    return derive(
        rules or toy_rules(), ["toy"], "results", CACHE, usable, {"toy": manifest},
        offline=lambda s: s == "wb",
    )  # fmt: skip


def test_computed_and_robustness_come_from_the_documents_declared_outputs():
    registries = derived()
    assert registries.computed == {"toy": "results/toy/computed.csv"}
    assert registries.robustness == {"toy": "results/toy/robustness.csv"}


def test_a_rule_needing_an_unusable_source_directly_or_through_another_rule_is_left_out():
    registries = derived()
    assert registries.awaiting == {
        "toy_deals": frozenset({"ttd"}),
        "toy_figure": frozenset({"ttd"}),
    }
    inputs = registries.report_inputs
    assert "results/toy/deals.csv" not in inputs
    assert not any("fig_1" in p or "fig_2" in p for p in inputs)
    assert "results/toy/panel.csv" in inputs
    assert "results/data/country_metadata.csv" in inputs
    assert not any("{" in p for p in inputs)  # wildcard outputs are not files
    assert "results/ledger.csv" not in inputs  # only document and data rules


def test_supplying_the_source_adds_the_exhibits_a_wildcard_rule_makes():
    inputs = derived(usable=lambda s: True).report_inputs
    for stem in ("fig_1", "fig_2"):
        for ext in ("png", "svg", "csv"):
            assert f"results/toy/figures/{stem}.{ext}" in inputs
    assert "results/toy/deals.csv" in inputs
    assert len(inputs) == len(set(inputs))


@pytest.mark.parametrize(
    ("manifest", "named"),
    [
        ([{"label": "Figure 1", "kind": "figure", "stem": "fig_01"}], "figures/fig_01"),
        ([{"label": "Figure 9", "kind": "figure", "stem": "fig_9"}], "figures/fig_9"),
        ([{"label": "Table 1", "kind": "figure", "stem": "table_1"}], "figures/table_1"),
        ([{"label": "T", "kind": "table", "stem": "table_1", "also": ["tables/x"]}], "tables/x"),
        ([{"label": "Figure 1", "kind": "figure", "stem": "fig_1"}], "figures/fig_1"),
    ],
)
def test_a_manifest_exhibit_no_rule_declares_fails_naming_it(manifest, named):
    with pytest.raises(ValueError, match=f"toy exhibit '{named}'.*(declares|needs)"):
        derived(manifest=manifest)


def test_a_document_without_computed_csv_or_with_a_rule_in_another_file_is_refused():
    rules = [r for r in toy_rules() if r.name != "toy_claims"]
    with pytest.raises(ValueError, match="no rule toy_\\* declares results/toy/computed.csv"):
        derived(rules=rules)
    rules = [*toy_rules(), rule("toy_stray", "other.smk", ["results/toy/stray.csv"])]
    with pytest.raises(ValueError, match="toy_stray.*outside toy.smk"):
        derived(rules=rules)


def test_pattern_regex_honours_constraints():
    regex = pattern_regex("results/x/{stem,fig_1|fig_2}.png")
    assert regex.fullmatch("results/x/fig_2.png")
    assert not regex.fullmatch("results/x/fig_3.png")
    assert pattern_regex("a/{chunk}.csv").fullmatch("a/7.csv")
    assert not pattern_regex("a/{chunk}.csv").fullmatch("b/7.csv")


def test_an_optional_source_supplied_by_the_user_need_not_be_declared():
    rules = [*toy_rules()]
    rules[4] = rule(
        "toy_figure", "toy.smk",
        [f"results/toy/figures/{{stem,fig_1|fig_2}}.{e}" for e in ("png", "svg", "csv")],
        ["results/toy/deals.csv", "data-cache/texts/texts.csv"],
    )  # fmt: skip
    assert derived(usable=lambda s: True, rules=rules).awaiting == {}
    with pytest.raises(ValueError, match="fig_1.*needs"):
        derived(usable=lambda s: s not in ("ttd", "texts"), rules=rules)
