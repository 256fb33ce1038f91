"""Flags for series that a source imputed rather than observed, one flag per economy.

Two patterns decide verdicts in chapter 7 of the GVC Development Report 2025 and are not data
about the economy they are attached to:

- **imputed-constant series**: Penn World Table 10.01 fills ``labsh`` with a constant where
  national accounts lack a compensation split (PWT's documentation: "labsh ... imputed"), so
  the labour share is identical in every year of a window. Counting such an economy as "not
  falling" between 2000 and 2019 is a statement about PWT's imputation, not about the economy.
- **cloned series**: the World Inequality Database imputes economies without surveys from a
  regional model, so whole blocks of economies carry the same Gini in every year. Each block
  is one piece of evidence, not as many as it has members.

Both functions take a tidy long frame (key, year, value) and return one row per key, so the
flags join onto any panel. Exact equality is the test: an imputation copies numbers, real
measurements do not coincide to every printed digit over decades.
"""

from __future__ import annotations

import pandas as pd


def constant_series_flags(
    frame: pd.DataFrame,
    value: str,
    first_year: int,
    last_year: int,
    key: str = "iso3",
    decimals: int = 6,
) -> pd.DataFrame:
    """Per ``key``: whether ``value`` takes a single value in every observed year of
    [first_year, last_year] (``imputed_constant``), with the number of observed years.

    Keys with fewer than two observed years in the window are not flagged (nothing to
    compare). Values are compared after rounding to ``decimals`` (float noise of a
    re-export is not variation)."""
    window = frame[frame["year"].between(first_year, last_year)].dropna(subset=[value])
    rounded = window.assign(_v=window[value].round(decimals))
    grouped = rounded.groupby(key)
    out = pd.DataFrame(
        {"n_years": grouped["year"].nunique(), "n_distinct": grouped["_v"].nunique()}
    )
    out["imputed_constant"] = (out["n_years"] >= 2) & (out["n_distinct"] == 1)
    return out.reset_index()[[key, "n_years", "imputed_constant"]]


def cloned_series_flags(
    frame: pd.DataFrame, value: str, key: str = "iso3", decimals: int = 6
) -> pd.DataFrame:
    """Per ``key``: whether its whole series of ``value`` (every year it has) is identical to
    another key's (``cloned``), the size of its block of identical series (``clone_block_size``)
    and a block label (``clone_block``: the first key of the block, alphabetically).

    A key is a clone only if the match covers the same years with the same values; series of
    one observation are never flagged (a single coincidence is not an imputation)."""
    data = frame.dropna(subset=[value]).sort_values([key, "year"])
    signatures = data.groupby(key).apply(
        lambda g: (
            tuple(g["year"].astype(int)),
            tuple(g[value].round(decimals).astype(float)),
        ),
        include_groups=False,
    )
    signatures = signatures.rename("signature").reset_index()
    lengths = signatures["signature"].map(lambda s: len(s[0]))
    block = signatures.groupby("signature")[key].transform("min")
    size = signatures.groupby("signature")[key].transform("size")
    out = pd.DataFrame(
        {
            key: signatures[key],
            "clone_block": block,
            "clone_block_size": size.astype(int),
        }
    )
    out["cloned"] = (out["clone_block_size"] > 1) & (lengths > 1)
    out.loc[~out["cloned"], "clone_block_size"] = 1
    out.loc[~out["cloned"], "clone_block"] = out.loc[~out["cloned"], key]
    return out.sort_values(key).reset_index(drop=True)


def one_per_clone_block(frame: pd.DataFrame, flags: pd.DataFrame, key: str = "iso3"):
    """``frame`` without the duplicates of each clone block: every block is represented by
    its first member only (the evidence it carries, counted once)."""
    keep = flags.loc[flags[key] == flags["clone_block"], key]
    return frame[frame[key].isin(set(keep))]
