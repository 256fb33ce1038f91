"""A supplied TTD file is checked against the chapter's own counts; below full coverage no
row can be "reproduced", and coefficients on thin support are flagged, not judged."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from simulators.gvcdr2025_ch8 import simulate_ttd_deals

from gvcneg.empirics.gvcdr2025_ch8 import claims as ch8
from gvcneg.empirics.gvcdr2025_ch8.coverage import (
    CHECKS,
    Coverage,
    coverage_status,
    coverage_table,
    supplied_counts,
)
from gvcneg.empirics.gvcdr2025_ch8.descriptives import deal_counts, participation_by_country
from gvcneg.empirics.gvcdr2025_ch8.support import term_support, thin_support
from gvcneg.empirics.gvcdr2025_ch8.ttd_dyads import deal_dyads
from gvcneg.ledger.claims import claims_frame
from gvcneg.ledger.compare import REPRODUCED, build_ledger
from gvcneg.ledger.targets import load_registry

REPO = Path(__file__).resolve().parents[3]
TARGETS = load_registry([REPO / "targets" / "gvcdr2025_ch8.yaml"])
COUNTRIES = ["USA", "JPN", "SGP", "AUS", "CHL", "KOR", "COD", "GBR", "NZL", "CAN"]
PARTNERS = [
    "JPN",
    "SGP",
    "CHL",
    "GBR",
    "NZL",
    "CAN",
    "IND",
    "DEU",
    "FRA",
    "BRA",
    "ARG",
    "CHN",
    "IDN",
]
PARTNERS += ["ZAF", "MEX", "NOR", "CHE", "ARE", "SAU", "ZMB"]


def _participation(deals):
    return participation_by_country(deal_dyads(deals), 2020, 2024)


def _document_sized_deals() -> pd.DataFrame:
    """185 deals with every count the chapter states (79 digital, 106 CRM, 148 after 2019,
    33/55 mapped, first deals 2011/2016, last 2024; KOR, USA, AUS, COD in many CRM pairs)."""
    rng = np.random.default_rng(7)
    deals = simulate_ttd_deals(rng, COUNTRIES, n_digital=79, n_crm=106)
    digital = deals["theme"] == "digital"
    # Years: 37 deals up to 2019 (first digital 2016, first CRM 2011), 148 after, last 2024.
    years = np.full(len(deals), 2022)
    years[:18] = 2018
    years[0] = 2016
    years[79:98] = 2018
    years[79] = 2011
    years[-1] = 2024
    deals["year_signed"] = years
    deals["year_in_force"] = None
    mapped = np.zeros(len(deals), dtype=bool)
    mapped[np.flatnonzero(digital)[:33]] = True
    mapped[np.flatnonzero(~digital)[:55]] = True
    # The four CRM leaders each sign with 15 partners in 2020: 15 pairs x 5 years > 50.
    for j, k in enumerate(range(110, 170)):
        leader = ("KOR", "USA", "AUS", "COD")[j % 4]
        deals.loc[k, ["signatories", "composition", "year_signed"]] = [
            f"{leader};{PARTNERS[j // 4]}",
            "bilateral",
            2020,
        ]
    deals["text_available"] = mapped
    return deals


def test_checks_read_the_document_counts_from_the_targets_registry():
    table = coverage_table(
        supplied_counts(
            _document_sized_deals().iloc[:8], _participation(_document_sized_deals().iloc[:8])
        ),
        TARGETS,
    )
    assert list(table["check"]) == list(CHECKS)
    deals = table.set_index("check").loc["deals_total"]
    assert (deals["document_value"], deals["supplied"]) == (185, 8)


def test_an_eight_deal_file_is_partial_data_and_never_reproduced():
    deals = simulate_ttd_deals(np.random.default_rng(1), COUNTRIES, n_digital=5, n_crm=3)
    coverage = Coverage.from_table(
        coverage_table(supplied_counts(deals, _participation(deals)), TARGETS)
    )
    assert not coverage.complete and coverage.label == "8 of 185 deals"
    assert coverage_status(coverage) == "partial data (8 of 185 deals)"
    results = ch8.ChapterResults(deal_counts=deal_counts(deals), coverage=coverage)
    frame = claims_frame(ch8.chapter_claims(results))
    assert set(frame["status"]) <= {"partial_data", "awaiting_data"}
    assert (frame["status"] == "partial_data").sum() >= 10
    computed = frame.assign(document="gvcdr2025_ch8")
    ledger = build_ledger(TARGETS, computed).set_index("id")
    assert REPRODUCED not in set(ledger["status"])
    row = ledger.loc["gvcdr2025_ch8.ttd_total"]
    assert row["status"] == "partial data (8 of 185 deals)"
    assert row["computed"] == 8 and "of the chapter's database" in row["explanation"]
    # A row that would agree with the document is still not "reproduced".
    assert ledger.loc["gvcdr2025_ch8.first_year_crm", "status"].startswith("partial data")


def test_a_file_with_every_stated_count_is_complete():
    deals = _document_sized_deals()
    table = coverage_table(supplied_counts(deals, _participation(deals)), TARGETS)
    assert table["agrees"].all(), table[~table["agrees"]]
    coverage = Coverage.from_table(table)
    assert coverage.complete and coverage_status(coverage) is None and coverage.share == 1.0


@pytest.mark.parametrize(
    ("change", "check"),
    [
        (
            lambda d: d.assign(year_signed=d["year_signed"].where(d.index != 79, 2012)),
            "first_year_crm",
        ),
        (lambda d: d.assign(theme=d["theme"].where(d.index != 100, "digital")), "deals_digital"),
    ],
)
def test_one_count_off_makes_the_file_partial(change, check):
    deals = change(_document_sized_deals())
    table = coverage_table(supplied_counts(deals, _participation(deals)), TARGETS)
    coverage = Coverage.from_table(table)
    assert check in coverage.disagreeing and coverage_status(coverage) is not None


def test_support_counts_treated_pairs_events_and_clusters():
    sample = pd.DataFrame(
        {
            "pair": ["A_B", "A_B", "A_C", "A_C", "B_C", "B_C"],
            "dyad": ["A_B", "B_A", "A_C", "C_A", "B_C", "C_B"],
            "year": [2020, 2021, 2020, 2021, 2020, 2021],
            "ttd_active": [0, 1, 1, 1, 0, 0],
            "ttd_first_year": [2021, 2021, 2015, 2015, np.nan, np.nan],
            "log_dist": [1.0, 1.0, 2.0, 2.0, 3.0, 3.0],
        }
    )
    support = term_support(sample, ["ttd_active", "log_dist"], "dyad", "ttd_first_year")
    row = support.set_index("term").loc["ttd_active"]
    # Two pairs treated; only A_B switches on inside the sample's years (A_C signed in 2015).
    assert (row["treated_pairs"], row["events"], row["clusters"]) == (2, 1, 6)
    assert np.isnan(support.set_index("term").loc["log_dist", "treated_pairs"])
    guards = {"min_treated_pairs": 20, "min_events": 20, "min_clusters": 50}
    assert thin_support(row, guards).startswith("flagged: rests on 2 treated pairs")
    assert (
        thin_support(pd.Series({"treated_pairs": 30, "events": 25, "clusters": 900}), guards)
        is None
    )


def _table_8_3(ttd_support: float) -> pd.DataFrame:
    """Table 8.3 with its published coefficients; the TTD term rests on ``ttd_support``
    treated pairs and events."""
    return pd.DataFrame(
        {
            "term": ["ttd_active", "rta"],
            "coef": [0.117, 0.303],
            "se": [0.05, 0.01],
            "pvalue": [0.02, 0.0],
            "pct_effect": [12.4, 35.4],
            "treated_pairs": [ttd_support, 400.0],
            "events": [ttd_support, np.nan],
            "clusters": [900.0, 900.0],
        }
    )


def test_thin_coefficients_are_flagged_not_judged():
    table = _table_8_3(ttd_support=5.0)
    results = ch8.ChapterResults(crm_table=table)
    guards = {"min_treated_pairs": 20, "min_events": 20, "min_clusters": 50}
    results.support = ch8.support_flags(results, guards)
    frame = claims_frame(ch8.chapter_claims(results)).set_index("quantity")
    assert frame.loc["table_8_3_coef_crm_ttd", "status"] == "flagged"
    assert frame.loc["table_8_3_coef_crm_ttd", "value"] == 0.117
    assert frame.loc["table_8_3_coef_rta", "status"] == "computed"
    ledger = build_ledger(TARGETS, frame.reset_index().assign(document="gvcdr2025_ch8"))
    status = ledger.set_index("id").loc["gvcdr2025_ch8.t83_crm_ttd", "status"]
    assert status == "flagged: rests on 5 treated pairs (minimum 20), 5 events (minimum 20)"


def test_coefficients_with_substitute_controls_are_stand_ins_not_reproductions():
    """The controls of Tables 8.3 and 8.A.5 include log GDP, which offline is GDP per capita PPP
    x population (the chapter: WDI GDP in constant US$): even a coefficient equal to the
    published one is a stand-in, and the mean of the outcome (no controls involved) is still
    judged."""
    table = _table_8_3(ttd_support=500.0)
    config_controls = ["rta", "log_dist", "log_gdp_exporter", "log_gdp_importer"]
    results = ch8.ChapterResults(
        crm_table=table,
        crm_diagnostics={"mean_outcome": 125.52e6},
        substitute_controls=ch8.substitute_controls(config_controls),
    )
    frame = claims_frame(ch8.chapter_claims(results)).set_index("quantity")
    assert frame.loc["table_8_3_coef_crm_ttd", "status"] == "stand_in"
    assert frame.loc["table_8_3_coef_crm_ttd", "value"] == 0.117
    ledger = build_ledger(TARGETS, frame.reset_index().assign(document="gvcdr2025_ch8"))
    rows = ledger.set_index("id")
    assert rows.loc["gvcdr2025_ch8.t83_crm_ttd", "status"].startswith("stand-in (controls: log GDP")
    assert rows.loc[
        "gvcdr2025_ch8.t83_crm_ttd", "agrees"
    ]  # it agrees, and still is no reproduction
    assert rows.loc["gvcdr2025_ch8.t83_mean", "status"] == "reproduced"
    # without substitute controls (the document's own GDP series) the same value reproduces
    assert ch8.substitute_controls(["rta", "log_dist"], dgd_supplied=True) == ()
    results.substitute_controls = ()
    frame = claims_frame(ch8.chapter_claims(results)).set_index("quantity")
    ledger = build_ledger(TARGETS, frame.reset_index().assign(document="gvcdr2025_ch8"))
    assert ledger.set_index("id").loc["gvcdr2025_ch8.t83_crm_ttd", "status"] == "reproduced"


def test_geodist_is_named_as_the_stand_in_for_dgd_on_every_dependent_row():
    """Offline the gravity controls of Tables 8.3, 8.A.5 and 8.2 come from CEPII GeoDist, not
    the chapter's USITC DGD: every coefficient and odds-ratio row of a fit with the configured
    regressors names it in its ledger status; with the DGD supplied it is no longer named."""
    import yaml

    spec = yaml.safe_load((REPO / "config.yaml").read_text())["gvcdr2025_ch8"]
    controls = spec["trade_effect"]["controls"]
    regressors = sorted({r for theme in spec["formation"]["regressors"].values() for r in theme})
    odds = pd.DataFrame(
        {
            "model": ["digital TTD formation"],
            "term": ["rta"],
            "odds_ratio": [1.5],
            "treated_pairs": [500.0],
            "events": [500.0],
            "clusters": [900.0],
        }
    )

    def ledger(dgd_supplied):
        results = ch8.ChapterResults(
            crm_table=_table_8_3(ttd_support=500.0),
            odds=odds,
            substitute_controls=ch8.substitute_controls(controls, dgd_supplied),
            substitute_regressors=ch8.substitute_controls(regressors, dgd_supplied),
        )
        frame = claims_frame(ch8.chapter_claims(results))
        built = build_ledger(TARGETS, frame.assign(document="gvcdr2025_ch8"))
        quantity = {t["id"]: t["quantity"] for t in TARGETS}
        return built.set_index(built["id"].map(quantity))

    rows = ledger(dgd_supplied=False)
    computed = rows["status"] != "awaiting data"  # clusterings this table does not show
    dependent = rows[
        computed & rows.index.str.startswith("table_8_3_") & ~rows.index.str.contains("mean")
        | (rows.index == "odds_ratio_rta_digital")
    ]
    assert len(dependent) >= 7 and "odds_ratio_rta_digital" in dependent.index
    for quantity, status in dependent["status"].items():
        assert status.startswith("stand-in"), quantity
        assert "CEPII GeoDist standing in for USITC DGD" in status, quantity
    # both substitutes survive the ledger's cut of a status at its first ";"
    assert dependent["status"].str.contains("log GDP").sum() >= 6
    with_dgd = ledger(dgd_supplied=True)
    assert not with_dgd["status"].str.contains("GeoDist").any()
    # Table 8.2's income level stays a substitute (constant, not current, PPP dollars): the odds
    # ratio is a stand-in even with the DGD, and says why.
    odds_status = with_dgd.loc["odds_ratio_rta_digital", "status"]
    assert odds_status.startswith("stand-in") and "GDP per capita PPP" in odds_status
    assert "GDP per capita PPP" in rows.loc["odds_ratio_rta_digital", "status"]


def _placebo_summary(critical_5pct: dict[str, float]) -> pd.DataFrame:
    """The estimator placebo's summary for the tables' PPML on the stand-in flows."""
    from gvcneg.empirics.gvcdr2025_ch8.placebo import TABLES_SPEC

    return pd.DataFrame(
        [
            {
                "estimator": f"{TABLES_SPEC}, penppml Comtrade panel",
                "clustering": clustering,
                "seeds": 60,
                "critical_abs_t_10pct": 0.8 * crit,
                "critical_abs_t_5pct": crit,
                "critical_abs_t_1pct": 1.3 * crit,
            }
            for clustering, crit in critical_5pct.items()
        ]
    )


def test_star_survival_per_clustering_uses_placebo_calibrated_critical_values():
    """The chapter's ** on the CRM-TTD term (t = 2.34 here with dyad errors) survives dyad
    clustering at normal critical values but not where the placebo says |t| > 2.89 is needed
    at 5%; a wider pair-clustered error loses it too. Every such row is a stand-in, never
    "reproduced", and awaits data without the TTD table."""
    table = _table_8_3(ttd_support=500.0).assign(se_pair=[0.08, 0.02])
    placebo = _placebo_summary({"dyad": 2.89, "pair": 1.5})
    results = ch8.ChapterResults(crm_table=table, placebo=placebo)
    frame = claims_frame(ch8.chapter_claims(results)).set_index("quantity")
    dyad = frame.loc["table_8_3_stars_crm_ttd_under_dyad"]
    # 0.117 / 0.05 = 2.34: above 0.8 * 2.89 = 2.31 (one star), below 2.89 (no second)
    assert dyad["value"] == 1.0 and "2.31/2.89/3.76" in dyad["note"]
    # pair: 0.117 / 0.08 = 1.46 < 1.645 (the placebo's 1.2 is below the normal, so normal)
    pair = frame.loc["table_8_3_stars_crm_ttd_under_pair"]
    assert pair["value"] == 0.0 and "1.64/1.96/2.58" in pair["note"]
    assert frame.loc["table_8_3_stars_rta_under_pair", "value"] == 3.0  # 0.303 / 0.02
    # a clustering the table does not show is not computed
    assert frame.loc["table_8_3_stars_rta_under_exporter_importer", "status"] == "awaiting_data"
    ledger = build_ledger(TARGETS, frame.reset_index().assign(document="gvcdr2025_ch8"))
    rows = ledger.set_index("id")
    kept = rows.loc["gvcdr2025_ch8.t83_stars_rta_under_pair"]
    lost = rows.loc["gvcdr2025_ch8.t83_stars_crm_ttd_under_dyad"]
    assert kept["status"] == "stand-in" and kept["agrees"]
    assert lost["status"] == "stand-in" and not lost["agrees"]
    survival = rows[rows.index.str.contains("_stars_") & rows.index.str.contains("_under_")]
    assert len(survival) == 32 and set(survival["claim_type"]) == {"stand-in"}
    assert not (survival["status"] == "reproduced").any()
    # without the TTD data every survival row awaits data
    empty = claims_frame(ch8.chapter_claims(ch8.ChapterResults(placebo=placebo)))
    ledger = build_ledger(TARGETS, empty.assign(document="gvcdr2025_ch8")).set_index("id")
    assert (ledger.loc[survival.index, "status"] == "awaiting data").all()
    assert ledger.loc[survival.index, "explanation"].str.startswith("awaiting data: wto-ttd").all()
