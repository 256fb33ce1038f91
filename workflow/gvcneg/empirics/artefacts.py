"""Data artefacts to rule out before a verdict is drawn from a series: imputed constants,
cloned series and coverage breaks, one audit row per (claim family, series, window).

- **imputed constant**: an economy whose value is one number in every observed year of the
  window (a source's imputation, not a measurement; ``gvcneg.data.imputation``);
- **cloned series**: an economy whose whole series equals another's (a regional imputation
  counted as several pieces of evidence);
- **coverage break**: the set of economies changes inside the window (entries after its
  first year, exits before its last), or the number observed jumps from one year to the
  next, so a group average can move with its composition rather than its members.

The audit reports; it decides nothing. Each claim's target explanation says what the audit
found for the series behind it and whether it can move the verdict.
"""

from __future__ import annotations

import pandas as pd

from gvcneg.data.imputation import cloned_series_flags, constant_series_flags

AUDIT_COLUMNS = [
    "family",
    "series",
    "first_year",
    "last_year",
    "economies",
    "imputed_constant",
    "imputed_constant_examples",
    "cloned",
    "clone_blocks",
    "enter_after_first_year",
    "exit_before_last_year",
    "largest_yearly_coverage_change",
    "largest_change_year",
]


def _examples(codes, limit: int = 8) -> str:
    codes = sorted(codes)
    text = ", ".join(codes[:limit])
    return text + (f" and {len(codes) - limit} more" if len(codes) > limit else "")


def audit_series(
    frame: pd.DataFrame,
    value: str,
    first_year: int,
    last_year: int,
    family: str,
    series: str,
    key: str = "iso3",
) -> dict:
    """One audit row for the tidy series ``frame`` (key, year, value) on [first, last]."""
    window = frame[frame["year"].between(first_year, last_year)].dropna(subset=[value])
    constant = constant_series_flags(window, value, first_year, last_year, key)
    constant_codes = constant.loc[constant["imputed_constant"], key]
    clones = cloned_series_flags(window[[key, "year", value]], value, key)
    cloned = clones[clones["cloned"]]
    years = window.groupby(key)["year"].agg(["min", "max"])
    counts = (
        window.groupby("year")[key]
        .nunique()
        .reindex(range(first_year, last_year + 1), fill_value=0)
    )
    jumps = counts.diff().abs().iloc[1:]
    largest = int(jumps.max()) if len(jumps) else 0
    return {
        "family": family,
        "series": series,
        "first_year": first_year,
        "last_year": last_year,
        "economies": int(window[key].nunique()),
        "imputed_constant": int(len(constant_codes)),
        "imputed_constant_examples": _examples(constant_codes),
        "cloned": int(len(cloned)),
        "clone_blocks": int(cloned["clone_block"].nunique()),
        "enter_after_first_year": int((years["min"] > first_year).sum()),
        "exit_before_last_year": int((years["max"] < last_year).sum()),
        "largest_yearly_coverage_change": largest,
        "largest_change_year": int(jumps.idxmax()) if largest else None,
    }


def audit_table(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)
