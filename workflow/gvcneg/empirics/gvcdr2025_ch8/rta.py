"""The RTA dummy of chapter 8 (Table 8.1): RTAs notified to the WTO, by country pair and year.

Table 8.1: "RTA dummy status is captured through a dyadic indicator equal to 1 from the year an
agreement enters into force, as notified to the WTO. Source: WTO RTA Database and Mario Larch's
Regional Trade Agreements Database". The WTO export (registry source ``wto-rta``) is read
directly; Larch's database is not available offline.

Rule (ours where the table is silent):

* An RTA is a row of the WTO export with an entry-into-force date (goods or services, the
  earlier). Early announcements have none and never count. Inactive RTAs count until their
  ``Inactive Date`` (the first day no longer in force). So obsolete and non-notified treaties
  (which a treaty list such as DESTA includes) never switch the dummy on, and a targeted deal
  that was never notified (e.g. the US-Japan Digital Trade Agreement) is not an RTA.
* Parties: the current signatories (the original ones for inactive RTAs) plus original
  signatories with an exit date under "Specific Entry/Exit dates". "European Union" stands for
  its member states in each year; the UK is an EU party to the end of the Brexit transition
  (31 December 2020, the WTO's own exit date). Groups named as one party (EFTA, MERCOSUR, SACU,
  GCC, ...: any party name that is an RTA of the export) stand for their members on the days
  they were members, from the group's own RTA row and its entry/exit dates.
* Hubs: where the EU or a group is a party, pairs form between its members and the other
  parties only; the other parties (spokes of "EU - West Africa EPA") are not paired with each
  other by that agreement.
* Country-specific entry and exit dates of that column bound each party's spell; a pair is
  covered while both parties are, and counts in every year it is covered on at least one day.
* Successor agreements are separate WTO rows (the UK's 2021 continuity agreements, the
  EU-UK TCA), so they switch the dummy on from their own entry into force.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from gvcneg.data.excel import read_excel
from gvcneg.empirics.gvcdr2025_ch8.covariates import CovariateSourceError
from gvcneg.empirics.gvcdr2025_ch8.iso import EU_CODE, EU_MEMBERSHIP, names_to_iso3

SOURCE = "wto-rta"
SHEET = "AllRTAs"
OPEN_END = date(9999, 12, 31)
# The WTO records the UK's exit from every EU agreement as 31 December 2020 (transition period).
EU_EXIT_LAST_DAY = {"GBR": date(2020, 12, 31)}
# Party names that are no economy of the panel period (WTO spelling): ignored with a note.
HISTORICAL_PARTIES = ("Yugoslavia, Socialist Federal Republic of",)
EXTRA_NAMES = {"Netherlands, Kingdom of, with respect to Aruba": "ABW"}
_DAY = r"\d{1,2}-[A-Za-z]{3}-\d{4}"
_SPECIFIC = re.compile(rf"\s*(?P<name>.+?)\(\s*(?P<start>{_DAY})?\s*-\s*(?P<end>{_DAY})?\s*\)\s*$")


def parse_specific_dates(text) -> dict[str, tuple[date | None, date | None]]:
    """``"Chile(21-Feb-2023 - ); United Kingdom( - 31-Dec-2020)"`` -> name -> (entry, last day).

    The WTO writes "01-Jan-9999" for a party for which the RTA is not yet in force."""
    out = {}
    if not isinstance(text, str):
        return out
    for item in text.split(";"):
        match = _SPECIFIC.match(item)
        if not match:
            continue
        start, end = (
            datetime.strptime(match[k], "%d-%b-%Y").date() if match[k] else None
            for k in ("start", "end")
        )
        out[match["name"].strip()] = (start, end)
    return out


def _names(text) -> list[str]:
    return [n.strip() for n in str(text).split(";") if n.strip()] if isinstance(text, str) else []


def read_wto_rtas(path) -> pd.DataFrame:
    """One row per WTO RTA with an entry into force: rta_id, name, start, end (first day no
    longer in force, or None), current and original signatories, specific dates."""
    from gvcneg.data.source_schemas import check_source_frame

    frame = read_excel(path, sheet_name=SHEET)
    check_source_frame(frame, SOURCE, "AllRTAs.xlsx", path=path)
    needed = [
        "RTA ID",
        "RTA Name",
        "Status",
        "Date of Entry into Force (G)",
        "Date of Entry into Force (S)",
        "Inactive Date",
        "Current signatories",
        "Original signatories",
        "Specific Entry/Exit dates",
    ]
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise CovariateSourceError(
            f"source {SOURCE}: file {Path(path).name}, sheet {SHEET}: missing column(s) {missing}"
        )
    start = pd.concat(
        [
            pd.to_datetime(frame["Date of Entry into Force (G)"]),
            pd.to_datetime(frame["Date of Entry into Force (S)"]),
        ],
        axis=1,
    ).min(axis=1)
    out = pd.DataFrame(
        {
            "rta_id": frame["RTA ID"],
            "name": frame["RTA Name"].astype(str).str.strip(),
            "status": frame["Status"],
            "start": start,
            "end": pd.to_datetime(frame["Inactive Date"]),
            "current": frame["Current signatories"],
            "original": frame["Original signatories"],
            "specific": frame["Specific Entry/Exit dates"],
        }
    )
    return out[out["start"].notna()].reset_index(drop=True)


def group_names(rtas: pd.DataFrame, names) -> set[str]:
    """Party names that are themselves an RTA of the export (EFTA, MERCOSUR, SACU, ...): groups,
    whatever a country-name matcher makes of them ("Southern African Customs Union (SACU)"
    reads as South Africa to a regex)."""
    return set(names) & set(rtas["name"])


def _own_parties(rta) -> list[tuple[str, date, date]]:
    """(party name, first day, last day) of one RTA row, as the WTO names its parties."""
    first = rta.start.date()
    last = OPEN_END if pd.isna(rta.end) else (rta.end - pd.Timedelta(days=1)).date()
    specific = parse_specific_dates(rta.specific)
    current = _names(rta.current) if pd.isna(rta.end) else _names(rta.original)
    exited = [n for n in _names(rta.original) if n not in current and specific.get(n, (0, 0))[1]]
    out = []
    for name in dict.fromkeys([*current, *exited]):
        if name in HISTORICAL_PARTIES:
            continue
        entry, exit_ = specific.get(name, (None, None))
        out.append((name, max(first, entry or first), min(last, exit_ or last)))
    return out


def _eu_spells(p_first: date, p_last: date) -> list[tuple[str, date, date]]:
    rows = []
    for member, (joined, left) in EU_MEMBERSHIP.items():
        m_first = max(p_first, date(joined, 1, 1))
        m_last = EU_EXIT_LAST_DAY.get(member, date(left - 1, 12, 31) if left else None)
        rows.append((member, m_first, min(p_last, m_last or p_last)))
    return rows


def _group_spells(rtas: pd.DataFrame, groups: set[str], codes: dict) -> dict[str, list]:
    """Group name -> (member, first day, last day) of membership, from the group's own RTA row
    (its entry/exit dates: EFTA's UK to 1972, EAEU's Armenia from 2015, CACM's Panama 2013)."""
    out = {}
    for rta in rtas[rtas["name"].isin(groups)].itertuples(index=False):
        spells = []
        for name, first, last in _own_parties(rta):
            if name in groups:
                raise CovariateSourceError(
                    f"source {SOURCE}: group {rta.name!r} lists the group {name!r} as a party"
                )
            if codes.get(name) == EU_CODE:
                spells.extend(_eu_spells(first, last))
            elif codes.get(name):
                spells.append((codes[name], first, last))
        out.setdefault(rta.name, []).extend(spells)
    return out


def party_spells(rtas: pd.DataFrame) -> pd.DataFrame:
    """rta_id, iso3, first day, last day of each party's participation, with its ``side`` (the
    party name it came from) and ``group`` (the side is the EU or an RTA group). The EU and
    groups stand for their members in the days they were members."""
    names = set()
    for column in ("current", "original", "specific"):
        for text in rtas[column]:
            names |= set(_names(text)) if column != "specific" else set(parse_specific_dates(text))
    codes = {**names_to_iso3(names), **EXTRA_NAMES}
    groups = group_names(rtas, names)
    members = _group_spells(rtas, groups, codes)
    unknown = sorted(
        n for n in names if codes.get(n) is None and n not in groups and n not in HISTORICAL_PARTIES
    )
    if unknown:
        raise CovariateSourceError(
            f"source {SOURCE}: party names without ISO3 code or group RTA: {unknown}; "
            "extend gvcdr2025_ch8.rta.EXTRA_NAMES"
        )
    rows = []
    for rta in rtas.itertuples(index=False):
        for name, p_first, p_last in _own_parties(rta):
            if name in groups:
                for member, m_first, m_last in members.get(name, []):
                    rows.append(
                        (rta.rta_id, member, max(p_first, m_first), min(p_last, m_last), name, True)
                    )
            elif codes[name] == EU_CODE:
                rows.extend(
                    (rta.rta_id, member, first, last, name, True)
                    for member, first, last in _eu_spells(p_first, p_last)
                )
            else:
                rows.append((rta.rta_id, codes[name], p_first, p_last, name, False))
    spells = pd.DataFrame(rows, columns=["rta_id", "iso3", "first", "last", "side", "group"])
    return spells[spells["first"] <= spells["last"]].reset_index(drop=True)


def rta_pair_years(spells: pd.DataFrame, years) -> pd.DataFrame:
    """iso_a < iso_b, year: pairs covered by at least one RTA on at least one day of the year.

    Pairs form across the RTA's parties as the WTO names them: members of one group are not
    paired by an agreement of their group with others (their own group's RTA pairs them), and
    where a group is a party (a hub: "EU - West Africa EPA", "EFTA - Central America") the other
    parties (the spokes) are paired with the group's members only, not with each other."""
    years = np.asarray(list(years))
    if "side" not in spells:
        spells = spells.assign(side=spells["iso3"], group=False)
    rows = []
    for _, group in spells.groupby("rta_id"):
        parties = list(group.itertuples(index=False))
        hub = bool(group["group"].any())
        for i, p in enumerate(parties):
            for q in parties[i + 1 :]:
                if p.iso3 == q.iso3 or p.side == q.side or (hub and not (p.group or q.group)):
                    continue
                first, last = max(p.first, q.first), min(p.last, q.last)
                if first > last:
                    continue
                active = years[(years >= first.year) & (years <= last.year)]
                a, b = sorted((p.iso3, q.iso3))
                rows.extend((a, b, int(y)) for y in active)
    out = pd.DataFrame(rows, columns=["iso_a", "iso_b", "year"]).drop_duplicates()
    return out.sort_values(["iso_a", "iso_b", "year"]).reset_index(drop=True)


def wto_rta_years(path, years) -> pd.DataFrame:
    """The RTA pair-years of the panel from the WTO RTA export (the rule of the docstring)."""
    return rta_pair_years(party_spells(read_wto_rtas(path)), years)
