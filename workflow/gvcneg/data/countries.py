"""Country names and codes harmonised with country_converter (a maintained library), never
with a hand-made map.

``converter()`` loads country_converter's own country table. It reads the table with
``keep_default_na=False`` because, with pandas >= 3, country_converter 1.3.2's loader turns
Namibia's ISO2 code "NA" (and empty cells) into missing values and then fails; the table and
its regular expressions are country_converter's, unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import cache

import country_converter as coco
import pandas as pd

NOT_FOUND = "<not found>"


@cache
def converter() -> coco.CountryConverter:
    """A country_converter instance on its packaged country table (current countries)."""
    table = pd.read_csv(
        coco.country_converter.COUNTRY_DATA_FILE,
        sep="\t",
        dtype=str,
        keep_default_na=False,
        encoding="utf-8",
    )
    table = table.replace("", pd.NA)
    # An empty ISO2 cell would become an empty regular expression that matches any text.
    table["ISO2"] = table["ISO2"].fillna("^$")
    return coco.CountryConverter(country_data=table)


@cache
def valid_iso3() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes known to country_converter, plus XKX (Kosovo; used by the
    World Bank, the EU and country_converter itself)."""
    codes = converter().data["ISO3"].dropna()
    return frozenset(c for c in codes if isinstance(c, str) and len(c) == 3)


def to_iso3(values: Iterable, src: str | None = None) -> pd.Series:
    """ISO3 codes for names or codes (``src``: a country_converter classification such as
    "ISO3", "ISO2", "ISOnumeric", "regex" for names; None lets it guess). Unmatched entries
    are <NA>; the caller decides whether that is an error (see :func:`require_iso3`)."""
    values = list(values)
    if not values:
        return pd.Series([], dtype="string")
    unique = list(dict.fromkeys(values))
    kwargs = {"src": src} if src is not None else {}
    # Unmatched entries are returned as <NA> (and reported by require_iso3), so
    # country_converter's one-warning-per-entry logging is silenced here.
    coco_log = logging.getLogger("country_converter.country_converter")
    level = coco_log.level
    coco_log.setLevel(logging.ERROR)
    try:
        converted = converter().convert(unique, to="ISO3", not_found=NOT_FOUND, **kwargs)
    finally:
        coco_log.setLevel(level)
    if not isinstance(converted, list):
        converted = [converted]
    mapping = {}
    for value, code in zip(unique, converted, strict=True):
        ok = isinstance(code, str) and code != NOT_FOUND and code in valid_iso3()
        mapping[value] = code if ok else pd.NA
    return pd.Series([mapping[v] for v in values], dtype="string")


def require_iso3(
    values: Iterable, src: str | None = None, allow_unmatched: Iterable = ()
) -> pd.Series:
    """Like :func:`to_iso3` but raises naming every unmatched entry not in ``allow_unmatched``
    (entries deliberately left without a code, e.g. aggregates)."""
    values = list(values)
    codes = to_iso3(values, src)
    allowed = set(allow_unmatched)
    missing = sorted({str(v) for v, c in zip(values, codes, strict=True) if pd.isna(c)} - allowed)
    if missing:
        raise ValueError(
            f"country_converter found no ISO3 code for {missing}; if these are aggregates or "
            "territories to be dropped, pass them in allow_unmatched"
        )
    return codes
