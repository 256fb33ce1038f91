"""Country codes for the chapter 8 dyad panel: one ISO3 per economy across every source.

Sources use the codes of their vintage: CEPII GeoDist (2011) has ROM, ZAR, TMP, PAL, YUG and
ANT; WGI has ADO, WBG, KSV; OWID uses OWID_KOS; DESTA uses ISO numeric codes; GSDB and the WTO
member list use country names. Names and numeric codes are matched with the regular
expressions and code table shipped with ``country_converter`` (read directly: its converter
object mis-parses Namibia's "NA" under pandas 3).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib.resources import files

import pandas as pd

# Old or source-specific code -> current ISO3. YUG (Serbia and Montenegro in GeoDist 2011) and
# ANT (Netherlands Antilles) stand for each successor; see SUCCESSORS.
OLD_TO_CURRENT = {
    "ROM": "ROU",
    "ZAR": "COD",
    "TMP": "TLS",
    "PAL": "PSE",
    "WBG": "PSE",
    "ADO": "AND",
    "KSV": "XKX",
    "KOS": "XKX",
    "OWID_KOS": "XKX",
}
# GeoDist rows of a dissolved entity copied to each successor (time-invariant gravity).
SUCCESSORS = {"YUG": ("SRB", "MNE"), "ANT": ("CUW", "SXM")}

# The European Union as a TTD signatory or GSDB sender: member states by year (accession,
# exit). Public facts, used to expand "EUN" into its members at the signing year.
EU_MEMBERSHIP = {
    **dict.fromkeys(["BEL", "FRA", "DEU", "ITA", "LUX", "NLD"], (1958, None)),
    **dict.fromkeys(["DNK", "IRL"], (1973, None)),
    "GBR": (1973, 2020),
    "GRC": (1981, None),
    **dict.fromkeys(["ESP", "PRT"], (1986, None)),
    **dict.fromkeys(["AUT", "FIN", "SWE"], (1995, None)),
    **dict.fromkeys(
        ["CYP", "CZE", "EST", "HUN", "LVA", "LTU", "MLT", "POL", "SVK", "SVN"], (2004, None)
    ),
    **dict.fromkeys(["BGR", "ROU"], (2007, None)),
    "HRV": (2013, None),
}
EU_CODE = "EUN"


def eu_members(year: int) -> list[str]:
    """EU member states in ``year`` (the UK counts through 2019; it left on 31 January 2020)."""
    return sorted(
        code
        for code, (start, end) in EU_MEMBERSHIP.items()
        if start <= year and (end is None or year < end)
    )


def harmonise_iso3(codes: pd.Series) -> pd.Series:
    """Replace old and source-specific codes by current ISO3 codes."""
    return codes.replace(OLD_TO_CURRENT)


@lru_cache(maxsize=1)
def _code_table() -> pd.DataFrame:
    path = files("country_converter").joinpath("country_data.tsv")
    with path.open() as handle:
        table = pd.read_csv(
            handle,
            sep="\t",
            usecols=["name_short", "regex", "ISO3", "ISOnumeric"],
            keep_default_na=False,
            dtype=str,
        )
    return table[table["ISO3"].str.fullmatch(r"[A-Z]{3}")].reset_index(drop=True)


# Names the regular expressions of country_converter do not resolve.
_NAME_FIXES = {
    "european union": EU_CODE,
    "eu": EU_CODE,
    "kosovo": "XKX",
    "turkiye": "TUR",
    "türkiye": "TUR",
}


@lru_cache(maxsize=1)
def _name_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    """country_converter's regular expressions, compiled once per process (matching each name
    against the table's pandas columns re-read every string of the table for every name)."""
    table = _code_table()
    return tuple(
        (re.compile(regex, re.IGNORECASE), iso3)
        for regex, iso3 in zip(table["regex"], table["ISO3"], strict=True)
        if regex
    )


@cache
def name_to_iso3(name: str) -> str | None:
    """A country name -> ISO3 via country_converter's regular expressions (None if unknown)."""
    key = name.strip().lower()
    if key in _NAME_FIXES:
        return _NAME_FIXES[key]
    hits = [iso3 for pattern, iso3 in _name_patterns() if pattern.search(name)]
    return hits[0] if len(set(hits)) == 1 else None


def names_to_iso3(names) -> dict[str, str | None]:
    return {name: name_to_iso3(name) for name in sorted(set(names))}
