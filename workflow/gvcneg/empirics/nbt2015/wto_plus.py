"""Shares of RTAs with provisions in WTO-plus / WTO-X areas (National Board of Trade 2015,
section 3, citing OECD 2014a: services, investment, transparency, competition policy and
anti-corruption in RTAs signed since 2001), computed from DESTA's provision-level coding.

DESTA is a substitute for the coding the OECD summarised (Horn-Mavroidis-Sapir and its World
Bank successor): the same provision areas coded from the agreements' texts, but with DESTA's
own coding rules and agreement universe, so the shares are comparable in kind, not by
construction. Which DESTA variables stand for each area is a configured choice.
"""

from __future__ import annotations

import re

import pandas as pd


def select_agreements(
    desta: pd.DataFrame,
    signed_from: int,
    signed_to: int,
    base_treaties_only: bool,
    wto_notified_only: bool,
) -> pd.DataFrame:
    """Agreements signed in [signed_from, signed_to] (DESTA ``year`` = year of signature)."""
    keep = desta["year"].between(signed_from, signed_to)
    if base_treaties_only:
        keep &= desta["entry_type"] == "base_treaty"
    if wto_notified_only:
        keep &= desta["wto_listed"] == 1
    return desta[keep]


def provision_shares(agreements: pd.DataFrame, provisions: dict[str, list[str]]) -> pd.DataFrame:
    """Share of agreements with each provision area.

    An area is present if any of its DESTA variables is 1, and coded if any is non-missing;
    the share is over agreements where the area is coded. Returns columns area, variables,
    agreements, coded, with_provision, share.
    """
    rows = []
    for area, variables in provisions.items():
        missing = [v for v in variables if v not in agreements.columns]
        if missing:
            raise KeyError(f"DESTA has no variables {missing} (area {area})")
        values = agreements[variables]
        coded = values.notna().any(axis=1)
        present = (values == 1).any(axis=1)
        n_coded = int(coded.sum())
        n_present = int((present & coded).sum())
        rows.append(
            {
                "area": area,
                "variables": " or ".join(variables),
                "agreements": len(agreements),
                "coded": n_coded,
                "with_provision": n_present,
                "share": n_present / n_coded if n_coded else float("nan"),
            }
        )
    return pd.DataFrame(rows)


def wto_plus_table(desta: pd.DataFrame, settings: dict) -> pd.DataFrame:
    """Shares for the document's window and for the extended window (both from config)."""
    frames = []
    for window, signed_to in (
        ("document", settings["signed_to"]),
        ("extended", settings["extended_signed_to"]),
    ):
        chosen = select_agreements(
            desta,
            settings["signed_from"],
            signed_to,
            settings["base_treaties_only"],
            settings["wto_notified_only"],
        )
        shares = provision_shares(chosen, settings["provisions"])
        shares.insert(0, "signed", f"{settings['signed_from']}-{signed_to}")
        shares.insert(0, "window", window)
        frames.append(shares)
    return pd.concat(frames, ignore_index=True)


def matching_variables(columns, patterns: list[str]) -> list[str]:
    """DESTA variables whose names match any of ``patterns`` (regular expressions): the "any
    mention" coding of a provision area (e.g. every ``ser_*`` variable for services)."""
    found = [c for c in columns if any(re.search(p, c) for p in patterns)]
    if not found:
        raise KeyError(f"no DESTA variable matches {patterns}")
    return found


def provisions_for(desta: pd.DataFrame, settings: dict, coding: str) -> dict[str, list[str]]:
    """The DESTA variables standing for each area: ``configured`` (config ``provisions``, the
    main specification) or ``any_mention`` (every variable matching config
    ``any_mention_patterns``: an area counts if the text mentions it anywhere)."""
    if coding == "configured":
        return settings["provisions"]
    if coding == "any_mention":
        return {
            area: matching_variables(desta.columns, patterns)
            for area, patterns in settings["any_mention_patterns"].items()
        }
    raise ValueError(f"coding must be 'configured' or 'any_mention', not {coding!r}")


def provision_trends(
    agreements: pd.DataFrame, provisions: dict[str, list[str]], per_years: int = 10
) -> pd.DataFrame:
    """The trend of each area's uptake by signature year: OLS slope of the 0/1 presence of the
    area on the year of signature (agreements where the area is coded), in percentage points
    per ``per_years`` years, with its robust (HC1) p-value. Columns area, agreements, slope_pp,
    p."""
    from statsmodels.regression.linear_model import OLS
    from statsmodels.tools.tools import add_constant

    rows = []
    for area, variables in provisions.items():
        values = agreements[variables]
        coded = values.notna().any(axis=1)
        present = (values == 1).any(axis=1).astype(float)[coded]
        years = agreements.loc[coded, "year"].astype(float)
        fit = OLS(present.to_numpy(), add_constant(years.to_numpy())).fit(cov_type="HC1")
        rows.append(
            {
                "area": area,
                "agreements": int(coded.sum()),
                "slope_pp": float(fit.params[1]) * 100.0 * per_years,
                "p": float(fit.pvalues[1]),
            }
        )
    return pd.DataFrame(rows)
