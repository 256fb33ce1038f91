"""Shares of RTAs with WTO-plus / WTO-X provisions (DESTA substitute)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from gvcneg.empirics.nbt2015.wto_plus import provision_shares, select_agreements, wto_plus_table

DESTA = pd.DataFrame(
    {
        "year": [1999, 2001, 2005, 2010, 2012, 2015],
        "entry_type": [
            "base_treaty",
            "base_treaty",
            "accession",
            "base_treaty",
            "base_treaty",
            "base_treaty",
        ],
        "wto_listed": [1, 1, 1, 0, 1, 1],
        "ser_general": [1, 1, 1, 1, 0, 1],
        "regulation_transparency_article": [0, 1, 0, np.nan, np.nan, 0],
        "regulation_transparency_chapter": [0, 0, 1, 1, np.nan, 1],
    }
)
PROVISIONS = {
    "services": ["ser_general"],
    "transparency": ["regulation_transparency_article", "regulation_transparency_chapter"],
}


def test_window_and_sample_selection():
    chosen = select_agreements(DESTA, 2001, 2013, base_treaties_only=True, wto_notified_only=True)
    assert chosen["year"].tolist() == [2001, 2012]
    assert len(select_agreements(DESTA, 2001, 2013, False, False)) == 4


def test_shares_by_hand():
    chosen = select_agreements(DESTA, 2001, 2015, base_treaties_only=True, wto_notified_only=False)
    shares = provision_shares(chosen, PROVISIONS).set_index("area")
    # years 2001, 2010, 2012, 2015: services 1, 1, 0, 1
    assert shares.loc["services", "share"] == pytest.approx(3 / 4)
    # transparency: 2001 yes (article), 2010 yes (chapter; article missing), 2012 not coded, 2015 yes
    assert shares.loc["transparency", "coded"] == 3
    assert shares.loc["transparency", "share"] == pytest.approx(1.0)


def test_unknown_variable_is_named():
    with pytest.raises(KeyError, match="inv_chapter"):
        provision_shares(DESTA, {"investment": ["inv_chapter"]})


def test_table_has_both_windows():
    settings = {
        "signed_from": 2001,
        "signed_to": 2013,
        "extended_signed_to": 2015,
        "base_treaties_only": True,
        "wto_notified_only": True,
        "provisions": PROVISIONS,
    }
    table = wto_plus_table(DESTA, settings)
    assert table.groupby("window").size().to_dict() == {"document": 2, "extended": 2}
    assert set(table["signed"]) == {"2001-2013", "2001-2015"}
    assert table["share"].between(0, 1).all()
