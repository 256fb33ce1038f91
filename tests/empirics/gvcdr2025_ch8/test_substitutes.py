"""Registry entries that stand for the document's own sources are read when supplied:
USITC DGD (gravity controls), the full GSDB (no partial sanction years) and the current WDI
secure-servers series; and the partial-sanctions flag reaches the models' sample."""

import numpy as np
import pandas as pd
import pytest

from gvcneg.empirics.gvcdr2025_ch8 import covariates as cov
from gvcneg.empirics.gvcdr2025_ch8.inputs import SUBSTITUTES, panel_files

CFG = {"crm_endowment": {"minerals": {"lithium": {"file": "BGS_lithium_production.csv"}}}}


def test_every_substitute_entry_replaces_its_offline_file():
    offline = panel_files(CFG)
    assert offline["gsdb"][0] == "gsdb" and offline["geodist"][0] == "cepii-geodist"
    supplied = panel_files(CFG, frozenset(SUBSTITUTES))
    assert supplied["dgd"] == ("usitc-dgd", "release_2.1_2000_2019.csv")
    assert "geodist" not in supplied and "geo" not in supplied
    assert supplied["gsdb_full"][0] == "gsdb-full" and "gsdb" not in supplied
    assert supplied["servers"][0] == "wdi-secure-servers-current"
    # Each registry entry names the file this module reads.
    from gvcneg.data.registry import load_sources

    sources = load_sources()
    for source, (_, _, name) in SUBSTITUTES.items():
        assert name in {f.name for f in sources[source].files}, source


def test_dgd_reader_takes_the_last_year_of_each_pair(tmp_path):
    path = tmp_path / "dgd.csv"
    pd.DataFrame(
        {
            "year": [2018, 2019, 2019, 2019],
            "iso3_o": ["FRA", "FRA", "DEU", "ROM"],
            "iso3_d": ["DEU", "DEU", "FRA", "FRA"],
            "distance": [800.0, 880.0, 880.0, 1900.0],
            "contiguity": [1, 1, 1, 0],
            "common_language": [0, 0, 0, 1],
            "colony_ever": [0, 0, 0, 0],
            "landlocked_o": [0, 0, 0, 0],
            "landlocked_d": [0, 0, 0, 0],
            "gdp_wdi_const_o": [1.0, 2.0, 3.0, 4.0],
        }
    ).to_csv(path, index=False)
    out = cov.read_dgd(path).set_index(["exporter", "importer"])
    assert out.loc[("FRA", "DEU"), "log_dist"] == pytest.approx(np.log(880.0))
    assert out.loc[("ROU", "FRA"), "comlang_off"] == 1.0  # old code harmonised
    with pytest.raises(cov.CovariateSourceError, match="usitc-dgd"):
        pd.DataFrame({"year": [2019]}).to_csv(path, index=False)
        cov.read_dgd(path)
