"""Simulated dyad-year panels with known parameters, for testing the chapter 8 estimators.

Nothing here is ever used to produce a reported number: the rules only read real files or the
user's TTD, BaTiS and CRM-basket copies. Tests use these panels to check that the estimators
recover the parameters that generated the data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def country_codes(n: int) -> list[str]:
    """``n`` distinct three-letter codes (AAA, AAB, ...)."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return [letters[i // 676] + letters[(i // 26) % 26] + letters[i % 26] for i in range(n)]


def directed_pairs(codes: list[str], years: range) -> pd.DataFrame:
    exp, imp = np.meshgrid(codes, codes, indexing="ij")
    mask = exp != imp
    pairs = pd.DataFrame({"exporter": exp[mask], "importer": imp[mask]})
    frame = pairs.merge(pd.DataFrame({"year": list(years)}), how="cross")
    frame["dyad"] = frame["exporter"] + "_" + frame["importer"]
    return frame


def simulate_gravity_panel(
    rng: np.random.Generator,
    n_countries: int = 40,
    years: range = range(2011, 2021),
    beta_ttd: float = 0.25,
    beta_rta: float = 0.4,
    beta_dist: float = -0.8,
    beta_gdp: float = 0.9,
    treated_level_gap: float = 0.0,
) -> pd.DataFrame:
    """PPML data-generating process: flow ~ Poisson(exp(FE_e + FE_i + FE_t + x'b)).

    TTDs and RTAs switch on at a random year for a random subset of pairs (symmetric), so the
    two dummies vary within dyads; log GDP varies by exporter-year. ``treated_level_gap`` adds
    a constant to the log flow of every pair that ever signs a TTD (a level difference between
    signing and never-signing dyads, in every year, unrelated to the TTD).
    """
    codes = country_codes(n_countries)
    frame = directed_pairs(codes, years)
    exp_fe = dict(zip(codes, rng.normal(0, 1, n_countries), strict=True))
    imp_fe = dict(zip(codes, rng.normal(0, 1, n_countries), strict=True))
    year_fe = dict(zip(years, np.linspace(0, 0.5, len(years)), strict=True))
    coords = dict(zip(codes, rng.uniform(0, 10, (n_countries, 2)), strict=True))
    pair_key = frame[["exporter", "importer"]].apply(lambda r: tuple(sorted(r)), axis=1)
    unique_pairs = sorted(set(pair_key))
    start_rta = {
        p: (rng.integers(years.start, years.stop + 3) if rng.random() < 0.4 else 9999)
        for p in unique_pairs
    }
    start_ttd = {
        p: (rng.integers(years.start + 2, years.stop + 2) if rng.random() < 0.3 else 9999)
        for p in unique_pairs
    }
    frame["rta"] = (frame["year"] >= pair_key.map(start_rta)).astype(float)
    frame["ttd"] = (frame["year"] >= pair_key.map(start_ttd)).astype(float)
    frame["ttd_first_year"] = pair_key.map(start_ttd).replace(9999, np.nan)
    distance = [
        np.linalg.norm(coords[e] - coords[i]) + 0.5
        for e, i in zip(frame["exporter"], frame["importer"], strict=True)
    ]
    frame["log_dist"] = np.log(distance)
    gdp = {(c, t): rng.normal(0, 0.3) + 0.03 * (t - years.start) for c in codes for t in years}
    frame["log_gdp_exporter"] = [
        gdp[(e, t)] for e, t in zip(frame["exporter"], frame["year"], strict=True)
    ]
    eta = (
        frame["exporter"].map(exp_fe)
        + frame["importer"].map(imp_fe)
        + frame["year"].map(year_fe)
        + beta_ttd * frame["ttd"]
        + beta_rta * frame["rta"]
        + beta_dist * frame["log_dist"]
        + beta_gdp * frame["log_gdp_exporter"]
        + treated_level_gap * frame["ttd_first_year"].notna()
        + 3.0
    )
    frame["flow"] = rng.poisson(np.exp(eta)).astype(float)
    return frame


def simulate_formation_panel(
    rng: np.random.Generator,
    n: int = 60_000,
    years: range = range(2011, 2025),
    log_odds_rta: float = np.log(8.0),
    log_odds_x: float = 0.5,
    first_event_year: int = 2016,
) -> pd.DataFrame:
    """Logit data-generating process with year effects; no events before ``first_event_year``."""
    year = rng.choice(list(years), size=n)
    rta = (rng.random(n) < 0.2).astype(float)
    x = rng.normal(size=n)
    intercept = -5.0 + 0.1 * (year - years.start)
    eta = intercept + log_odds_rta * rta + log_odds_x * x
    prob = 1.0 / (1.0 + np.exp(-eta))
    y = (rng.random(n) < prob).astype(float)
    y[year < first_event_year] = 0.0
    return pd.DataFrame(
        {"year": year, "rta": rta, "x": x, "signed": y, "dyad": rng.integers(0, n // 3, n)}
    )


def simulate_ttd_deals(
    rng: np.random.Generator, countries: list[str], n_digital: int = 30, n_crm: int = 40
) -> pd.DataFrame:
    """A TTD table that follows :data:`ttd_schema.TTD_SCHEMA`, with random real ISO3 parties.

    For tests of the "user supplies the TTD file" path only; never a result.
    """
    from gvcneg.empirics.gvcdr2025_ch8.ttd_schema import (
        BINDING_CODES,
        CRM_PROVISIONS,
        DIGITAL_PROVISIONS,
        DISPUTE_CODES,
        INVESTMENT_COLUMNS,
        RENEWAL_CODES,
        SOURCE_CATEGORIES,
        TYPES,
    )

    rows = []
    for k in range(n_digital + n_crm):
        theme = "digital" if k < n_digital else "crm"
        first = 2016 if theme == "digital" else 2011
        n_parties = 2 if rng.random() < 0.8 else int(rng.integers(3, 6))
        parties = list(rng.choice(countries, size=n_parties, replace=False))
        if theme == "digital" and k % 7 == 0:
            parties = ["EUN", *[p for p in parties if p not in ("EUN",)][:1]]
        text = bool(rng.random() < 0.5)
        row = {
            "ttd_id": f"SIM{k:03d}",
            "name": f"Simulated {theme} deal {k}",
            "theme": theme,
            "sub_theme": None,
            "type": str(rng.choice(TYPES)),
            "signatories": ";".join(parties),
            "year_signed": int(rng.integers(first, 2025)),
            "year_in_force": None,
            "composition": "bilateral" if len(parties) == 2 else "plurilateral",
            "binding_nature": str(rng.choice(BINDING_CODES)),
            "text_available": text,
            "source_category": str(rng.choice(SOURCE_CATEGORIES)),
            "accessions": None,
            "duration_years": float(rng.integers(2, 10)) if rng.random() < 0.3 else None,
            "renewal": str(rng.choice(RENEWAL_CODES)),
            "binding_language": str(rng.choice(BINDING_CODES)) if text else None,
            "dispute_settlement": str(rng.choice(DISPUTE_CODES)) if text else None,
        }
        for provisions in (DIGITAL_PROVISIONS, CRM_PROVISIONS):
            own = (provisions is DIGITAL_PROVISIONS) == (theme == "digital")
            for column in provisions:
                top = 3 if column in INVESTMENT_COLUMNS else 1
                row[column] = int(rng.integers(0, top + 1)) if (own and text) else None
        rows.append(row)
    deals = pd.DataFrame(rows)
    # One plurilateral deal with an accession, to exercise the expansion.
    pluri = deals.index[deals["composition"] == "plurilateral"]
    if len(pluri):
        i = pluri[0]
        joined = next(c for c in countries if c not in deals.at[i, "signatories"])
        deals.at[i, "accessions"] = f"{joined}:{min(int(deals.at[i, 'year_signed']) + 1, 2024)}"
    deals["year_in_force"] = deals["year_in_force"].astype("Int64")
    return deals


def simulate_trade_flows(
    rng: np.random.Generator, countries: list[str], years: range, ttd_pairs: set, effect: float
) -> pd.DataFrame:
    """Gravity-type flows (USD) among ``countries`` with a TTD effect on listed pairs."""
    frame = directed_pairs(countries, years)
    fe = dict(zip(countries, rng.normal(16, 1, len(countries)), strict=True))
    eta = (
        frame["exporter"].map(fe)
        + 0.5 * frame["importer"].map(fe)
        - 8
        + 0.05 * (frame["year"] - years.start)
    )
    treated = [
        (e, i) in ttd_pairs for e, i in zip(frame["exporter"], frame["importer"], strict=True)
    ]
    eta = eta + effect * np.asarray(treated, dtype=float)
    frame["value"] = rng.poisson(np.exp(eta - np.log(1e3))) * 1e3
    return frame[["exporter", "importer", "year", "value"]]


def simulate_pair_shock_flows(
    rng: np.random.Generator,
    n_countries: int = 16,
    years: range = range(2008, 2020),
    pair_sd: float = 0.8,
    beta_ttd: float = 0.0,
    first_years: dict[int, int] | None = None,
) -> pd.DataFrame:
    """Flows (exp, imp, time, export) = exp(FE_e + FE_i + trend + u_pair + b ttd) x Gamma noise,
    with a persistent shock u_pair ~ N(0, pair_sd) shared by both directions of a pair: errors
    correlated within the unordered pair, which exporter/importer/year effects do not absorb.
    ``first_years`` (year -> pairs) draws signing pairs uniformly for the ``ttd_first_year``
    column (NaN = never) and the effect ``beta_ttd``."""
    codes = [f"C{i:02d}" for i in range(n_countries)]
    frame = pd.DataFrame(
        [(e, i, t) for e in codes for i in codes if e != i for t in years],
        columns=["exp", "imp", "time"],
    )
    exp_fe = dict(zip(codes, rng.normal(0, 1, n_countries), strict=True))
    imp_fe = dict(zip(codes, rng.normal(0, 1, n_countries), strict=True))
    lo, hi = np.minimum(frame["exp"], frame["imp"]), np.maximum(frame["exp"], frame["imp"])
    frame["pair"] = lo + "_" + hi
    pairs = sorted(frame["pair"].unique())
    shock = dict(zip(pairs, rng.normal(0, pair_sd, len(pairs)), strict=True))
    first = pd.Series(np.nan, index=pairs)
    order = rng.permutation(len(pairs))
    cursor = 0
    for year, count in sorted((first_years or {}).items()):
        first.iloc[order[cursor : cursor + count]] = year
        cursor += count
    frame["ttd_first_year"] = frame["pair"].map(first)
    frame["ttd"] = (frame["time"] >= frame["ttd_first_year"]).astype(float)
    eta = (
        frame["exp"].map(exp_fe)
        + frame["imp"].map(imp_fe)
        + 0.05 * (frame["time"] - years.start)
        + frame["pair"].map(shock)
        + beta_ttd * frame["ttd"]
        + 2.0
    )
    frame["export"] = np.exp(eta) * rng.gamma(2.0, 0.5, len(frame))
    frame["agreement_in_force"] = 0.0
    return frame
