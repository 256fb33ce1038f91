"""North/South pairings and the leading CRM signatories (section 8.4.2, Figure 8.2), and the
star and standard-error rows of Tables 8.3/8.A.5, on hand-checked toy inputs."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch8 import descriptives as d
from gvcneg.empirics.gvcdr2025_ch8.claims import ChapterResults, participation_claims, trade_claims
from gvcneg.empirics.gvcdr2025_ch8.ttd_dyads import deal_dyads


def toy_deals():
    rows = [
        ("D1", "digital", "USA;JPN", 2020),  # North-North, 5 pair-years to 2024
        ("D2", "digital", "SGP;CHL;IND", 2022),  # SGP, CHL high income; IND not
        ("D3", "crm", "KOR;COD", 2021),
        ("D4", "crm", "USA;AUS;COD", 2023),
    ]
    return pd.DataFrame(
        [
            {"ttd_id": i, "theme": t, "signatories": s, "year_signed": y, "binding_language": None}
            for i, t, s, y in rows
        ]
    )


def test_income_pairings_count_pairs_and_pair_years():
    dyads = deal_dyads(toy_deals())
    north = {"USA", "JPN", "SGP", "CHL", "KOR", "AUS"}
    out = d.income_pairings(dyads, north, 2024).set_index(["theme", "pairing"])
    assert out.loc[("digital", "North-North"), "pairs"] == 2  # USA-JPN, SGP-CHL
    assert out.loc[("digital", "North-North"), "pair_years"] == 5 + 3
    assert out.loc[("digital", "North-South"), "pair_years"] == 2 * 3  # SGP-IND, CHL-IND
    assert out.loc[("digital", "South-South"), "pairs"] == 0
    assert out.loc[("crm", "North-South"), "pairs"] == 3  # KOR-COD, USA-COD, AUS-COD


def test_leading_crm_signatories_claim():
    dyads = deal_dyads(toy_deals())
    part = d.participation_by_country(dyads, 2020, 2024)
    claims = {
        c.quantity: c.value
        for c in participation_claims(ChapterResults(participation=part, income_pairings=None))
    }
    assert claims["crm_post2020_dyad_years_cod"] == 4 + 2 + 2  # KOR 2021-24, USA, AUS 2023-24
    assert claims["crm_leaders_in_top4"] == 4


def test_stars_and_standard_errors_are_computed_rows():
    table = pd.DataFrame(
        {
            "term": ["ttd_active", "rta"],
            "coef": [0.1, 0.3],
            "se": [0.05, 0.08],
            "pvalue": [0.04, 0.0002],
            "pct_effect": [10.5, 35.0],
        }
    )
    rows = {c.quantity: c.value for c in trade_claims(ChapterResults(crm_table=table))}
    assert rows["table_8_3_stars_crm_ttd"] == 2 and rows["table_8_3_stars_rta"] == 3


def _signing_panel(effect, trend, seed=3):
    import numpy as np

    rng = np.random.default_rng(seed)
    pairs = [f"P{i:03d}" for i in range(400)]
    first = {p: (int(rng.integers(2020, 2025)) if rng.random() < 0.3 else np.nan) for p in pairs}
    rows = []
    for p in pairs:
        level = rng.normal()
        for year in range(2011, 2025):
            value = level + trend * (year - 2011) + effect * (not np.isnan(first[p]))
            rows.append((p, year, value + rng.normal(scale=0.2), first[p]))
    panel = pd.DataFrame(rows, columns=["pair", "year", "x", "first"])
    panel["ttd_signed"] = (panel["year"] == panel["first"]).astype(float)
    panel["ttd_ever"] = panel["first"].notna().astype(float)
    return panel


def test_significance_test_detects_a_difference_and_ignores_a_trend():
    assert d.signing_difference_test(_signing_panel(0.5, 0.0), "x")["t"] > 3
    # No difference, but the covariate falls over time and signings are late: a pooled
    # comparison would call signers lower; the year-matched test does not.
    panel = _signing_panel(0.0, -0.1)
    pooled = (
        panel.loc[panel["ttd_signed"] == 1, "x"].mean()
        - panel.loc[panel["ttd_ever"] == 0, "x"].mean()
    )
    assert pooled < -0.3
    assert abs(d.signing_difference_test(panel, "x")["t"]) < 2.5
