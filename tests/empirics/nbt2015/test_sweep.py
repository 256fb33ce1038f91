"""National Board of Trade (2015) sweep: the any-mention coding, the uptake trend estimator
(recovers a planted slope, zero for a placebo), footnote 5's EU STRI dispersion."""

import numpy as np
import pandas as pd
import pytest

from gvcneg.empirics.nbt2015.stri import eu_dispersion, share_of_sectors_differing
from gvcneg.empirics.nbt2015.sweep import eu_members_in, evaluate_family
from gvcneg.empirics.nbt2015.wto_plus import (
    matching_variables,
    provision_shares,
    provision_trends,
    provisions_for,
)

SETTINGS = {
    "signed_from": 2001,
    "signed_to": 2013,
    "trend_signed_from": 1990,
    "provisions": {"services": ["ser_general"]},
    "any_mention_patterns": {"services": ["^ser_(?!sector_.*excluded)"]},
}


def _desta():
    return pd.DataFrame(
        {
            "year": [2002, 2005, 2010, 2012],
            "entry_type": "base_treaty",
            "wto_listed": 1,
            "ser_general": [1, 0, 0, np.nan],
            "ser_mfn": [1, 1, 0, 0],
            "ser_sector_transport_air_excluded_domestic": [1, 1, 1, 1],
        }
    )


def test_any_mention_is_a_superset_of_the_configured_coding_and_skips_exclusions():
    desta = _desta()
    assert matching_variables(desta.columns, SETTINGS["any_mention_patterns"]["services"]) == [
        "ser_general",
        "ser_mfn",
    ]
    strict = provision_shares(desta, provisions_for(desta, SETTINGS, "configured"))
    broad = provision_shares(desta, provisions_for(desta, SETTINGS, "any_mention"))
    assert strict["share"].iloc[0] == pytest.approx(1 / 3)  # coded in 3, present in 1
    assert broad["share"].iloc[0] == pytest.approx(2 / 4)
    with pytest.raises(ValueError):
        provisions_for(desta, SETTINGS, "loose")


def _planted(slope_per_year: float, seed: int = 11) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    years = rng.integers(1990, 2014, size=4000)
    probability = np.clip(0.5 + slope_per_year * (years - 2001.5), 0, 1)
    return pd.DataFrame({"year": years, "x": (rng.random(4000) < probability).astype(float)})


def test_trend_recovers_a_planted_slope_and_zero_for_a_placebo():
    trend = provision_trends(_planted(0.02), {"area": ["x"]}).iloc[0]
    assert trend["slope_pp"] == pytest.approx(20.0, abs=2.5)  # 2 pp a year = 20 per decade
    assert trend["p"] < 1e-6
    placebo = provision_trends(_planted(0.0), {"area": ["x"]}).iloc[0]
    assert abs(placebo["slope_pp"]) < 2.5
    assert placebo["p"] > 0.01


def _stri():
    rows = []
    for country, score in (("AUT", 0.20), ("BEL", 0.20), ("GBR", 0.30), ("USA", 0.5)):
        rows.append(("CS", "STRI", country, 2014, score))
        rows.append(("LSCAR", "STRI", country, 2014, 0.25))
        rows.append(("CS", "STRI", country, 2024, 0.20))
        rows.append(("LSCAR", "STRI", country, 2024, 0.25))
        rows.append(("ALLSEC", "STRI", country, 2014, score))
    return pd.DataFrame(rows, columns=["sector", "policy_area", "country", "year", "score"])


def test_eu_dispersion_counts_sectors_where_members_differ():
    settings = {"members": ["AUT", "BEL", "GBR"], "departed": {"GBR": 2020}}
    assert eu_members_in(2014, settings) == ["AUT", "BEL", "GBR"]
    assert eu_members_in(2024, settings) == ["AUT", "BEL"]
    table = eu_dispersion(_stri(), eu_members_in(2014, settings), 2014).set_index("sector")
    assert table.loc["CS", "differ"] and not table.loc["LSCAR", "differ"]
    assert "ALLSEC" not in table.index and table.loc["CS", "members"] == 3
    assert share_of_sectors_differing(table) == 0.5
    out = evaluate_family(
        "stri_eu", _stri(), {"stri_eu": settings}, [{"year": 2014}, {"year": 2024}], ["a", "b"]
    ).set_index("specification")["value"]
    assert out["a"] == 0.5 and out["b"] == 0.0  # without the UK the toy members agree
