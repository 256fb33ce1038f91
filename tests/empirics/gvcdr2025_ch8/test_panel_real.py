"""The dyad panel built from the real registry files, checked against hand-checked dyads.

Reference facts (public record): Australia-China FTA in force 20 Dec 2015; Korea-Chile FTA in
force 1 Apr 2004; the US-Japan Trade Agreement (1 Jan 2020) was never notified to the WTO, so it
is no RTA in Table 8.1's sense; UK-EU agreements end with the Brexit transition (2020), the EU-UK
TCA and the UK-Korea continuity agreement apply from 2021; France and Germany are both EU
members (shared bloc), Canada and Mexico in USMCA, Brazil and Argentina in Mercosur.
"""

import pytest
import yaml

from gvcneg.empirics.gvcdr2025_ch8 import inputs as ch8_inputs
from gvcneg.empirics.gvcdr2025_ch8.panel import PANEL_SCHEMA, build_dyad_panel, coverage_by_year
from gvcneg.empirics.gvcdr2025_ch8.panel_inputs import load_panel_inputs

from .conftest import REPO

# Building the real panel takes about half a minute.
pytestmark = pytest.mark.slow


def panel_files(mirror, cfg):
    """The rule's registry files, read straight from the mirror."""
    return {
        role: mirror / source / name for role, (source, name) in ch8_inputs.panel_files(cfg).items()
    }


@pytest.fixture(scope="module")
def real_panel(mirror):
    cfg = yaml.safe_load((REPO / "config.yaml").read_text())["gvcdr2025_ch8"]
    inputs = load_panel_inputs(panel_files(mirror, cfg), cfg)
    panel = build_dyad_panel(inputs, range(2006, 2025))
    return PANEL_SCHEMA.validate(panel, lazy=True), inputs


def row(panel, exporter, importer, year):
    hit = panel[
        (panel["exporter"] == exporter) & (panel["importer"] == importer) & (panel["year"] == year)
    ]
    assert len(hit) == 1
    return hit.iloc[0]


@pytest.mark.parametrize(
    "a, b, year_before, year_in_force",
    [("AUS", "CHN", 2014, 2015), ("KOR", "CHL", 2003, 2006)],
)
def test_rta_switches_on_in_the_entry_into_force_year(real_panel, a, b, year_before, year_in_force):
    panel, _ = real_panel
    for exporter, importer in ((a, b), (b, a)):
        if year_before >= 2006:
            assert row(panel, exporter, importer, year_before)["rta"] == 0
        assert row(panel, exporter, importer, year_in_force)["rta"] == 1


def test_brexit_withdrawal_and_tca(real_panel):
    panel, _ = real_panel
    assert row(panel, "GBR", "DEU", 2019)["rta"] == 1
    assert row(panel, "GBR", "DEU", 2021)["rta"] == 1  # EU-UK Trade and Cooperation Agreement
    assert row(panel, "GBR", "DEU", 2021)["shared_bloc"] == 0  # the UK is not in the EU bloc
    assert row(panel, "GBR", "KOR", 2021)["rta"] == 1  # continuity agreement (successor)


def test_non_notified_agreements_are_not_rtas(real_panel):
    panel, _ = real_panel
    assert row(panel, "USA", "JPN", 2020)["rta"] == 0  # US-Japan Trade Agreement, not notified
    assert row(panel, "AUT", "GNQ", 2022)["rta"] == 0  # EU-ACP Cotonou, not a notified RTA


def test_blocs_gravity_and_harmonised_codes(real_panel):
    panel, inputs = real_panel
    assert inputs.bloc_members["bloc"].nunique() == 8
    assert row(panel, "FRA", "DEU", 2015)["shared_bloc"] == 1
    assert row(panel, "CAN", "MEX", 2015)["shared_bloc"] == 1
    assert row(panel, "BRA", "ARG", 2015)["shared_bloc"] == 1
    assert row(panel, "USA", "CHN", 2015)["shared_bloc"] == 0
    fr_de = row(panel, "FRA", "DEU", 2015)
    assert fr_de["contig"] == 1 and 5.5 < fr_de["log_dist"] < 7.0
    # Old GeoDist codes mapped: Romania (ROM), DR Congo (ZAR), Serbia from YUG.
    for code in ("ROU", "COD", "SRB", "TLS"):
        assert code in set(panel["exporter"])
    assert row(panel, "ROU", "BGR", 2015)["contig"] == 1


def test_wto_sanctions_and_endowment(real_panel):
    panel, _ = real_panel
    assert row(panel, "CHN", "USA", 2005 + 1)["both_wto"] == 1
    assert row(panel, "RUS", "USA", 2010)["both_wto"] == 0  # Russia joined in 2012
    assert row(panel, "RUS", "USA", 2012)["both_wto"] == 1
    assert row(panel, "RUS", "USA", 2022)["sanction"] == 1
    # Chile (copper, lithium) anchors a larger CRM share than Luxembourg.
    assert (
        row(panel, "CHL", "LUX", 2020)["crm_max_share"]
        > row(panel, "BEL", "LUX", 2020)["crm_max_share"]
    )


def test_partial_sanction_years_are_missing_not_zero(real_panel):
    panel, _ = real_panel
    # The offline GSDB holds only cases ending 2013 or later: earlier years are unknown.
    assert panel.loc[panel["year"] < 2013, "sanction"].isna().all()
    assert panel.loc[panel["year"] >= 2013, "sanction"].notna().all()
    assert (panel["sanction_partial"] == (panel["year"] < 2013)).all()


def test_coverage_by_year_reports_every_year(real_panel):
    panel, _ = real_panel
    coverage = coverage_by_year(panel)
    assert coverage["year"].tolist() == list(range(2006, 2025))
    assert (coverage["share_nonmissing_log_dist"] == 1).all()
    assert coverage.set_index("year").loc[2024, "share_nonmissing_dci_mean"] < 1
