"""The artefact audit finds planted imputed constants, cloned series and coverage breaks, and
finds none in a clean series (placebo)."""

import numpy as np
import pandas as pd

from gvcneg.empirics.artefacts import audit_series


def _series(codes, years, rng):
    return pd.DataFrame(
        [(c, y, rng.normal()) for c in codes for y in years], columns=["iso3", "year", "x"]
    )


def test_planted_artefacts_are_found():
    rng = np.random.default_rng(3)
    frame = _series(["AAA", "BBB", "CCC"], range(2000, 2011), rng)
    frame.loc[frame["iso3"] == "AAA", "x"] = 0.5  # imputed constant
    clone = frame[frame["iso3"] == "BBB"].assign(iso3="DDD")  # a copy of BBB
    late = _series(["EEE", "FFF"], range(2006, 2011), rng)  # enter mid-window
    row = audit_series(pd.concat([frame, clone, late]), "x", 2000, 2010, "f", "x")
    assert row["imputed_constant"] == 1 and row["imputed_constant_examples"] == "AAA"
    assert row["cloned"] == 2 and row["clone_blocks"] == 1
    assert row["enter_after_first_year"] == 2
    assert row["largest_yearly_coverage_change"] == 2 and row["largest_change_year"] == 2006


def test_a_clean_series_has_no_artefacts():
    rng = np.random.default_rng(4)
    row = audit_series(_series(["AAA", "BBB"], range(2000, 2011), rng), "x", 2000, 2010, "f", "x")
    assert row["imputed_constant"] == row["cloned"] == 0
    assert row["enter_after_first_year"] == row["exit_before_last_year"] == 0
    assert row["largest_yearly_coverage_change"] == 0
