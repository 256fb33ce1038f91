"""TTDs expanded to dyads: pairs, accessions, the EU, first signing and binding years."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch8.iso import eu_members
from gvcneg.empirics.gvcdr2025_ch8.ttd_dyads import add_ttd_variables, deal_dyads, first_signing


def deals_frame(rows):
    base = {"accessions": None, "binding_language": None}
    return pd.DataFrame([{**base, **r} for r in rows])


def test_pairs_accessions_and_eu_expansion():
    deals = deals_frame(
        [
            {
                "ttd_id": "A",
                "theme": "digital",
                "signatories": "SGP;CHL;NZL",
                "year_signed": 2020,
                "accessions": "KOR:2024",
                "binding_language": "binding",
            },
            {"ttd_id": "B", "theme": "crm", "signatories": "EUN;CHL", "year_signed": 2019},
            {"ttd_id": "C", "theme": "crm", "signatories": "EUN;ZMB", "year_signed": 2023},
        ]
    )
    dyads = deal_dyads(deals)
    a = dyads[dyads["ttd_id"] == "A"]
    assert len(a[a["year"] == 2020]) == 6  # 3 parties -> 6 directed pairs
    assert set(a.loc[a["year"] == 2024, "exporter"]) == {"KOR", "SGP", "CHL", "NZL"}
    assert len(a[a["year"] == 2024]) == 6  # KOR with each of 3, both directions
    b = dyads[(dyads["ttd_id"] == "B") & (dyads["importer"] == "CHL")]
    assert "GBR" in set(b["exporter"]) and len(eu_members(2019)) == 28
    c = dyads[(dyads["ttd_id"] == "C") & (dyads["importer"] == "ZMB")]
    assert "GBR" not in set(c["exporter"]) and len(set(c["exporter"])) == 27


def test_first_signing_and_panel_variables():
    deals = deals_frame(
        [
            {"ttd_id": "A", "theme": "digital", "signatories": "SGP;AUS", "year_signed": 2020},
            {
                "ttd_id": "B",
                "theme": "digital",
                "signatories": "AUS;SGP",
                "year_signed": 2022,
                "binding_language": "binding",
            },
        ]
    )
    first = first_signing(deal_dyads(deals)).set_index(["exporter", "importer"])
    assert first.loc[("SGP", "AUS"), "first_year"] == 2020
    assert first.loc[("SGP", "AUS"), "first_binding_year"] == 2022
    panel = pd.DataFrame(
        {
            "exporter": ["SGP"] * 5 + ["USA"],
            "importer": ["AUS"] * 5 + ["AUS"],
            "year": [2019, 2020, 2021, 2022, 2023, 2022],
        }
    )
    out = add_ttd_variables(panel, deal_dyads(deals), "digital")
    assert out["ttd_signed"].tolist() == [0, 1, 0, 1, 0, 0]
    assert out["ttd_active"].tolist() == [0, 1, 1, 1, 1, 0]
    assert out["ttd_binding_active"].tolist() == [0, 0, 0, 1, 1, 0]
    assert out["ttd_ever"].tolist() == [1, 1, 1, 1, 1, 0]


def test_signatories_outside_the_panel_are_reported():
    import pandas as pd

    from gvcneg.empirics.gvcdr2025_ch8.ttd_dyads import signatories_outside_panel

    dyads = pd.DataFrame(
        {
            "ttd_id": ["D1", "D1", "D2", "D2"],
            "theme": ["digital"] * 4,
            "exporter": ["USA", "TWN", "USA", "JPN"],
            "importer": ["TWN", "USA", "JPN", "USA"],
            "year": [2022] * 4,
            "binding": [False] * 4,
        }
    )
    outside = signatories_outside_panel(dyads, ["USA", "JPN"])
    assert outside.to_dict("records") == [
        {"code": "TWN", "deals": 1, "themes": "digital", "directed_dyads_lost": 2}
    ]
    assert signatories_outside_panel(dyads, ["USA", "JPN", "TWN"]).empty
