"""Footnote 13 DCI and the Table 8.1 CRM endowment on small hand-checked inputs."""

import numpy as np
import pandas as pd
import pytest

from gvcneg.empirics.gvcdr2025_ch8.crm_endowment import (
    country_crm_share,
    dyad_crm_endowment,
    world_shares,
)
from gvcneg.empirics.gvcdr2025_ch8.dci import COMPONENTS, digital_capability_index, dyad_dci


def drifting_components(seed=0, n=60, years=range(2006, 2025), servers_end=2015):
    """Three correlated components; secure servers stop after ``servers_end`` for everyone
    (as in the offline WDI vintage), one country in ten misses a component at random."""
    rng = np.random.default_rng(seed)
    capability = rng.normal(size=n)
    rows = []
    for year in years:
        for i in range(n):
            values = capability[i] + rng.normal(scale=0.3, size=3)
            if year > servers_end:
                values[2] = np.nan
            if rng.random() < 0.1:
                values[rng.integers(0, 2)] = np.nan
            rows.append((f"C{i:02d}", year, *values))
    return pd.DataFrame(rows, columns=["iso3", "year", *COMPONENTS])


def test_coverage_changes_cannot_shrink_the_coverage_neutral_index():
    frame = drifting_components()
    legacy = digital_capability_index(frame, "share_available", coverage_neutral=False)
    neutral = digital_capability_index(frame, "share_available", coverage_neutral=True)
    sd_legacy = legacy.groupby("year")["dci_penalised"].std(ddof=0)
    sd_neutral = neutral.groupby("year")["dci_penalised"].std(ddof=0)
    # The k/3 penalty shrinks the spread (and every dyadic gap) once servers end ...
    assert sd_legacy.loc[2016:].mean() < 0.85 * sd_legacy.loc[:2015].mean()
    # ... the coverage-neutral index keeps it at one in every year.
    assert np.allclose(sd_neutral, 1.0)
    assert np.allclose(neutral.groupby("year")["dci_penalised"].mean(), 0.0, atol=1e-12)


def components():
    return pd.DataFrame(
        {
            "iso3": ["A", "B", "C", "A", "B", "C"],
            "year": [2020] * 3 + [2021] * 3,
            "internet_users": [10.0, 50.0, 90.0, 20.0, 60.0, 100.0],
            "mobile_subscriptions": [50.0, 100.0, 150.0, 60.0, 110.0, 160.0],
            "secure_servers": [1.0, 10.0, 100.0, np.nan, np.nan, np.nan],
        }
    )


def test_dci_is_zero_centred_by_year_and_penalises_missing_components():
    # The k/3 penalty (coverage_neutral=False): the document's likely version.
    index = digital_capability_index(components(), "share_available", coverage_neutral=False)
    for _, year in index.groupby("year"):
        assert year["dci"].mean() == pytest.approx(0.0, abs=1e-12)
    y2021 = index[index["year"] == 2021].set_index("iso3")
    assert (y2021["n_components"] == 2).all()
    assert y2021.loc["C", "dci_penalised"] == pytest.approx(y2021.loc["C", "dci"] * 2 / 3)
    z = (np.array([20, 60, 100]) - 60) / np.std([20, 60, 100])
    assert y2021.loc["A", "dci"] == pytest.approx(z[0])  # both components have the same z
    # year_minimum: a component missing for one country only is filled with the year's lowest z.
    partial = components()
    partial.loc[2, "secure_servers"] = np.nan  # C in 2020
    minimum = digital_capability_index(partial, "year_minimum", coverage_neutral=False)
    minimum = minimum.set_index(["iso3", "year"])
    assert minimum.loc[("C", 2020), "dci_penalised"] < minimum.loc[("C", 2020), "dci"]
    assert minimum.loc[("A", 2020), "dci_penalised"] == pytest.approx(
        minimum.loc[("A", 2020), "dci"]
    )
    # A component missing for every country in a year cannot penalise anyone.
    assert minimum.loc[("C", 2021), "dci_penalised"] == pytest.approx(
        minimum.loc[("C", 2021), "dci"]
    )


def test_dyad_dci_mean_and_gap():
    index = digital_capability_index(components())
    pairs = pd.DataFrame({"exporter": ["A"], "importer": ["C"], "year": [2020]})
    values = index.set_index(["iso3", "year"])["dci_penalised"]
    out = dyad_dci(pairs, index)
    assert out["dci_gap"].iloc[0] == pytest.approx(abs(values[("A", 2020)] - values[("C", 2020)]))
    assert out["dci_mean"].iloc[0] == pytest.approx((values[("A", 2020)] + values[("C", 2020)]) / 2)


def test_crm_endowment_is_the_log_of_the_larger_partner_share():
    production = pd.DataFrame(
        {
            "iso3": ["A", "B", "A", "C"],
            "year": 2020,
            "mineral": ["cu", "cu", "li", "li"],
            "quantity": [3.0, 1.0, 1.0, 1.0],
        }
    )
    shares = country_crm_share(world_shares(production), "equal").set_index("iso3")["crm_share"]
    assert shares["A"] == pytest.approx((0.75 + 0.5) / 2)
    assert shares["B"] == pytest.approx(0.25 / 2)
    pairs = pd.DataFrame({"exporter": ["B", "D"], "importer": ["A", "E"], "year": [2020, 2020]})
    out = dyad_crm_endowment(pairs, shares.reset_index().assign(year=2020), floor=1e-6)
    assert out["log_crm_max_share"].iloc[0] == pytest.approx(np.log(0.625))
    assert out["log_crm_max_share"].iloc[1] == pytest.approx(np.log(1e-6))  # no producer
    top = country_crm_share(world_shares(production), "max").set_index("iso3")["crm_share"]
    assert top["A"] == pytest.approx(0.75)
