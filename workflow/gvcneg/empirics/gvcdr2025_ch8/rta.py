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
  (31 December 2020, the WTO's own exit date). Groups named as one party (EFTA, MERCOSUR, GCC,
  ...) stand for the current signatories of the group's own RTA row.
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


def _date(text) -> date | None:
    if text is None or (isinstance(text, float) and np.isnan(text)) or text is pd.NaT:
        return None
    return pd.Timestamp(text).date()


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


def _group_members(rtas: pd.DataFrame, codes: dict) -> dict[str, list[str]]:
    """A party name that is itself an RTA (EFTA, MERCOSUR, ...) -> its current members."""
    groups = {}
    in_force = rtas[rtas["end"].isna()]
    for name, current in zip(in_force["name"], in_force["current"], strict=True):
        if codes.get(name) is None and _names(current):
            groups[name] = [codes.get(n) for n in _names(current)]
    return groups


def party_spells(rtas: pd.DataFrame) -> pd.DataFrame:
    """rta_id, iso3, first day, last day of each party's participation (EU expanded)."""
    names = set()
    for column in ("current", "original", "specific"):
        for text in rtas[column]:
            names |= set(_names(text)) if column != "specific" else set(parse_specific_dates(text))
    codes = {**names_to_iso3(names), **EXTRA_NAMES}
    groups = _group_members(rtas, codes)
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
        first = rta.start.date()
        last = OPEN_END if pd.isna(rta.end) else (rta.end - pd.Timedelta(days=1)).date()
        specific = parse_specific_dates(rta.specific)
        current = _names(rta.current) if pd.isna(rta.end) else _names(rta.original)
        exited = [
            n for n in _names(rta.original) if n not in current and specific.get(n, (0, 0))[1]
        ]
        for name in dict.fromkeys([*current, *exited]):
            if name in HISTORICAL_PARTIES:
                continue
            entry, exit_ = specific.get(name, (None, None))
            p_first, p_last = max(first, entry or first), min(last, exit_ or last)
            if name in groups:
                members = groups[name]
            elif codes[name] == EU_CODE:
                for member, (joined, left) in EU_MEMBERSHIP.items():
                    m_first = max(p_first, date(joined, 1, 1))
                    m_last = EU_EXIT_LAST_DAY.get(member, date(left - 1, 12, 31) if left else None)
                    m_last = min(p_last, m_last or p_last)
                    rows.append((rta.rta_id, member, m_first, m_last))
                continue
            else:
                members = [codes[name]]
            rows.extend((rta.rta_id, m, p_first, p_last) for m in members if m)
    spells = pd.DataFrame(rows, columns=["rta_id", "iso3", "first", "last"])
    return spells[spells["first"] <= spells["last"]].reset_index(drop=True)


def rta_pair_years(spells: pd.DataFrame, years) -> pd.DataFrame:
    """iso_a < iso_b, year: pairs covered by at least one RTA on at least one day of the year."""
    years = np.asarray(list(years))
    rows = []
    for _, group in spells.groupby("rta_id"):
        parties = list(group.itertuples(index=False))
        for i, p in enumerate(parties):
            for q in parties[i + 1 :]:
                if p.iso3 == q.iso3:
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
