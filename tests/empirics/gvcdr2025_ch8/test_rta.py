"""The RTA dummy counts RTAs notified to the WTO (Table 8.1), with successor agreements.

Public record used as reference: the US-Japan Trade Agreement (2020) and the US-Japan Digital
Trade Agreement were never notified to the WTO (the latter is itself a digital TTD); the EU-ACP
Cotonou Agreement was not notified as an RTA; the UK's EU agreements ended on 31 December 2020
and its continuity agreements (Korea, Switzerland, Chile, ...) and the EU-UK TCA applied from
1 January 2021; Croatia's EU Stabilisation and Association Agreement applied from 2005.
"""

from datetime import date

import pandas as pd
import pytest

from gvcneg.empirics.gvcdr2025_ch8.rta import (
    parse_specific_dates,
    party_spells,
    rta_pair_years,
    wto_rta_years,
)

YEARS = range(2006, 2025)


@pytest.fixture(scope="module")
def rta_years(mirror):
    return wto_rta_years(mirror / "wto-rta" / "AllRTAs.xlsx", YEARS)


def in_force(frame, a, b, year):
    a, b = sorted((a, b))
    return bool(((frame.iso_a == a) & (frame.iso_b == b) & (frame.year == year)).any())


@pytest.mark.parametrize(
    "a, b, year, expected",
    [
        ("USA", "JPN", 2020, False),  # not notified; the digital agreement is a TTD
        ("USA", "JPN", 2024, False),
        ("AUT", "GNQ", 2022, False),  # EU-ACP Cotonou: not a notified RTA
        ("GBR", "KOR", 2020, True),  # EU-Korea through the transition year
        ("GBR", "KOR", 2021, True),  # UK-Korea continuity agreement
        ("GBR", "CHE", 2022, True),  # UK-Switzerland-Liechtenstein continuity
        ("GBR", "CHL", 2021, True),
        ("GBR", "DEU", 2020, True),
        ("GBR", "DEU", 2021, True),  # EU-UK TCA
        ("GBR", "AUS", 2022, False),  # UK-Australia FTA: 31 May 2023
        ("GBR", "AUS", 2023, True),
        ("AUS", "CHN", 2014, False),
        ("AUS", "CHN", 2015, True),
        ("HRV", "DEU", 2012, True),  # EU-Croatia SAA before accession
        ("CHE", "KOR", 2010, True),  # EFTA as one party, expanded
    ],
)
def test_rta_dummy_follows_wto_notifications(rta_years, a, b, year, expected):
    assert in_force(rta_years, a, b, year) is expected


def _toy(rows):
    columns = ["rta_id", "name", "status", "start", "end", "current", "original", "specific"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    return frame


def test_eu_party_groups_inactive_and_country_specific_dates():
    rtas = _toy(
        [
            (1, "EU - Korea", "In Force", "2011-07-01", None, "Korea, Republic of; European Union",
             "", "United Kingdom( - 31-Dec-2020)"),
            (2, "European Free Trade Association (EFTA)", "In Force", "1960-05-03", None,
             "Iceland; Norway", "", ""),
            (3, "EFTA - Chile", "In Force", "2004-12-01", None,
             "Chile; European Free Trade Association (EFTA)", "", ""),
            (4, "Old pact", "Inactive", "2000-01-01", "2008-01-01", None, "Chile; Peru", ""),
            (5, "New pact", "In force for at least one Party", "2020-01-01", None,
             "Chile; Peru; Mexico", "", "Mexico(01-Jan-9999 - )"),
        ]
    )  # fmt: skip
    years = rta_pair_years(party_spells(rtas), range(2006, 2025))
    assert in_force(years, "GBR", "KOR", 2020) and not in_force(years, "GBR", "KOR", 2021)
    assert in_force(years, "HRV", "KOR", 2013) and not in_force(years, "HRV", "KOR", 2012)
    assert in_force(years, "NOR", "CHL", 2010) and in_force(years, "ISL", "CHL", 2010)
    # Inactive from 1 January 2008: last year in force 2007; back with the new pact in 2020.
    assert in_force(years, "CHL", "PER", 2007) and not in_force(years, "CHL", "PER", 2008)
    assert in_force(years, "CHL", "PER", 2020)
    # Not yet in force for Mexico (WTO date 01-Jan-9999).
    assert not in_force(years, "CHL", "MEX", 2024)


def test_parse_specific_dates():
    parsed = parse_specific_dates(
        "Brunei Darussalam(27-Jul-2021 - ); United Kingdom( - 31-Dec-2020)"
    )
    assert parsed == {
        "Brunei Darussalam": (date(2021, 7, 27), None),
        "United Kingdom": (None, date(2020, 12, 31)),
    }


def test_every_group_name_in_the_wto_file_expands_to_its_members(mirror):
    """Walk every party name that is itself an RTA of the export: it stands for several
    economies, never for one (a name matcher reads 'Southern African Customs Union (SACU)' as
    South Africa)."""
    from gvcneg.empirics.gvcdr2025_ch8.rta import _names, group_names, read_wto_rtas

    rtas = read_wto_rtas(mirror / "wto-rta" / "AllRTAs.xlsx")
    names = {n for column in ("current", "original") for t in rtas[column] for n in _names(t)}
    groups = group_names(rtas, names)
    assert {
        "Southern African Customs Union (SACU)",
        "European Free Trade Association (EFTA)",
    } <= groups
    spells = party_spells(rtas)
    for group in sorted(groups):
        used = spells[spells["side"] == group]
        assert len(used), f"{group}: never expanded"
        assert used["group"].all()
        for rta_id, members in used.groupby("rta_id")["iso3"]:
            assert members.nunique() > 1, f"{group} in RTA {rta_id} resolves to {set(members)}"
    sacu = spells[spells["side"] == "Southern African Customs Union (SACU)"]
    assert {"BWA", "LSO", "NAM", "ZAF", "SWZ"} <= set(sacu["iso3"])


def test_groups_expand_for_member_years_and_hubs_pair_no_spokes():
    rtas = _toy(
        [
            (1, "Customs Union (CU)", "In Force", "2000-01-01", None, "Norway; Iceland; Switzerland",
             "", "Switzerland(01-Jan-2015 - )"),
            (2, "CU - Chile", "In Force", "2010-01-01", None,
             "Chile; Customs Union (CU)", "", ""),
            (3, "EU - West Africa", "In Force", "2016-01-01", None,
             "Ghana; Côte d'Ivoire; European Union", "", ""),
            (4, "CU - Peru, Mexico", "In Force", "2012-01-01", None,
             "Peru; Mexico; Customs Union (CU)", "", ""),
        ]
    )  # fmt: skip
    years = rta_pair_years(party_spells(rtas), range(2006, 2025))
    # Members pair with Chile while they are members: Switzerland from 2015 only.
    assert in_force(years, "NOR", "CHL", 2010) and in_force(years, "ISL", "CHL", 2011)
    assert not in_force(years, "CHE", "CHL", 2014) and in_force(years, "CHE", "CHL", 2015)
    # Hubs: the spokes are not each other's RTA partners.
    assert in_force(years, "GHA", "DEU", 2016) and in_force(years, "CIV", "FRA", 2016)
    assert not in_force(years, "GHA", "CIV", 2016)
    assert in_force(years, "PER", "NOR", 2012) and not in_force(years, "PER", "MEX", 2012)
