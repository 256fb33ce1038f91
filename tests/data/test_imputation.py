"""Imputation flags of the data layer: planted constant and cloned series are found, real
variation and single coincidences are not; on the shipped data, the PWT and WID patterns the
chapter-7 verdicts turn on."""

from pathlib import Path

import pandas as pd
import pytest

from gvcneg.data.imputation import (
    cloned_series_flags,
    constant_series_flags,
    one_per_clone_block,
)

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"


def _long(series: dict[str, list[float]], first_year: int = 2000) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"iso3": key, "year": first_year + i, "value": v}
            for key, values in series.items()
            for i, v in enumerate(values)
        ]
    )


def test_constant_series_is_flagged_and_a_varying_one_with_equal_ends_is_not():
    frame = _long({"AAA": [0.5, 0.5, 0.5], "BBB": [0.5, 0.6, 0.5], "CCC": [0.4, 0.5, 0.6]})
    flags = constant_series_flags(frame, "value", 2000, 2002).set_index("iso3")
    assert flags["imputed_constant"].to_dict() == {"AAA": True, "BBB": False, "CCC": False}


def test_constant_flag_looks_only_inside_the_window_and_needs_two_years():
    frame = _long({"AAA": [0.3, 0.5, 0.5, 0.5], "BBB": [0.2, 0.5]})
    flags = constant_series_flags(frame, "value", 2001, 2003).set_index("iso3")
    assert bool(flags.loc["AAA", "imputed_constant"])
    assert not bool(flags.loc["BBB", "imputed_constant"])


def test_cloned_blocks_are_found_and_one_member_per_block_is_kept():
    frame = _long(
        {
            "AAA": [0.40, 0.41, 0.42],
            "BBB": [0.40, 0.41, 0.42],
            "CCC": [0.40, 0.41, 0.42],
            "DDD": [0.40, 0.41, 0.43],  # differs in one year: its own data
            "EEE": [0.30],
            "FFF": [0.30],  # a single coinciding observation is not a clone
        }
    )
    flags = cloned_series_flags(frame, "value").set_index("iso3")
    assert flags["cloned"].to_dict() == {
        "AAA": True,
        "BBB": True,
        "CCC": True,
        "DDD": False,
        "EEE": False,
        "FFF": False,
    }
    assert flags.loc["CCC", "clone_block"] == "AAA"
    assert flags.loc["BBB", "clone_block_size"] == 3
    kept = one_per_clone_block(frame, flags.reset_index())
    assert sorted(kept["iso3"].unique()) == ["AAA", "DDD", "EEE", "FFF"]


@pytest.mark.skipif(not (SHARED / "pwt" / "pwt1001.dta").exists(), reason="PWT not mirrored")
def test_pwt_has_14_economies_with_an_imputed_constant_labour_share_2000_2019():
    pwt = pd.read_stata(SHARED / "pwt" / "pwt1001.dta", columns=["countrycode", "year", "labsh"])
    pwt = pwt.rename(columns={"countrycode": "iso3"})
    flags = constant_series_flags(pwt, "labsh", 2000, 2019)
    flagged = sorted(flags.loc[flags["imputed_constant"], "iso3"])
    assert len(flagged) == 14
    assert {"BEN", "UKR", "ZWE", "BWA"} <= set(flagged)
    wide = pwt[pwt["year"].isin([2000, 2019])].pivot(index="iso3", columns="year", values="labsh")
    same_ends = sorted(wide.index[wide[2000] == wide[2019]])
    assert same_ends == flagged  # exactly the economies "not falling" by construction


@pytest.mark.skipif(not (SHARED / "wid-gini" / "tidy_data.csv").exists(), reason="WID not mirrored")
def test_wid_pretax_gini_has_53_economies_in_5_blocks_of_identical_series():
    wid = pd.read_csv(SHARED / "wid-gini" / "tidy_data.csv", keep_default_na=False, na_values=[""])
    frame = wid.rename(columns={"country": "iso3", "gptincj992": "gini"})
    flags = cloned_series_flags(frame, "gini")
    cloned = flags[flags["cloned"]]
    assert len(cloned) == 53
    assert cloned["clone_block"].nunique() == 5
