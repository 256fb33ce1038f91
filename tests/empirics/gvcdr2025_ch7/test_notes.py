"""The chapter 7 data notes are written by the jobs from the settings their rules declare: each
note names the configured series and classification, and follows the config when it changes."""

import copy
from pathlib import Path

import yaml

from gvcneg.empirics.gvcdr2025_ch7 import notes

REPO = Path(__file__).resolve().parents[3]
CFG = yaml.safe_load((REPO / "config.yaml").read_text())["gvcdr2025_ch7"]


def test_the_notes_name_the_configured_classification_and_sources():
    year = CFG["income_status"]["fiscal_year"]
    assert notes.gini_note(CFG) == (
        f"Gini: {CFG['gini']['source']} {CFG['gini'].get('variable', '')}; "
        f"groups: World Bank FY{year} classification"
    )
    assert notes.gdp_note(CFG, "wdi-population").endswith(
        f"; population: wdi-population; groups: World Bank FY{year} classification"
    )
    assert CFG["fig_7_14"]["gvc_sources"][0] in notes.fig_7_14_note(CFG)
    settings = CFG["fig_7_15"]
    assert f"changes {settings['start']}-{settings['end']}" in notes.fig_7_15_note(CFG)


def test_a_changed_setting_changes_the_note():
    changed = copy.deepcopy(CFG)
    changed["income_status"]["fiscal_year"] = 1999
    changed["fig_7_15"]["start"] = 1900
    assert "FY1999" in notes.labour_share_note(changed)
    assert "FY1999" not in notes.labour_share_note(CFG)
    assert "changes 1900-" in notes.fig_7_15_note(changed)
