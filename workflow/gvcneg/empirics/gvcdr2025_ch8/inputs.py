"""The registry files (source, file name) each chapter 8 rule reads, by role."""

from __future__ import annotations

PANEL_FILES = {
    "economies_metadata": (
        "wdi-population",
        "Metadata_Country_API_SP.POP.TOTL_DS2_en_csv_v2_246068.csv",
    ),
    "population": ("wdi-population", "API_SP.POP.TOTL_DS2_en_csv_v2_246068.csv"),
    "gdp_pc": ("owid-wdi-gdp-pc-ppp", "gdp-per-capita-worldbank.csv"),
    "geodist": ("cepii-geodist", "dist_cepii.csv"),
    "geo": ("cepii-geodist", "geo_cepii.csv"),
    "wto_rta": ("wto-rta", "AllRTAs.xlsx"),
    "wgi": ("wgi", "wgidataset_2023update_reshaped.xlsx"),
    "ideal_points": ("unga-idealpoints", "IdealpointestimatesAll_Jun2024.csv"),
    "wto_members": ("wto-membership", "wto_members.csv"),
    "gsdb": ("gsdb", "GSDB_V3_subset_end2013plus.csv"),
    "internet": ("wdi-internet", "API_IT.NET.USER.ZS.csv"),
    "mobile": ("wdi-ict-api", "API_IT.CEL.SETS.P2_DS2_en_csv_v2_4903391.csv"),
    "servers": ("wdi-ict-api", "API_IT.NET.SECR.P6_DS2_en_csv_v2.csv"),
}
TTD_FILE = ("wto-ttd", "ttd_database.xlsx")
# North = World Bank high income (FY2026 list; our reading of the chapter's North/South).
INCOME_FILE = ("wb-income-class-fy26", "CLASS_FY2026.xlsx")
TRADE_FILES = {
    "digital": ("oecd-wto-batis", "batis_bpm6.csv"),
    "crm": ("baci-crm", "crm_bilateral_trade.csv"),
}


# Registry sources that replace an offline substitute when the user supplies them: role(s) they
# replace -> (new role, source, file). Roles tell load_panel_inputs which reader to use.
SUBSTITUTES = {
    "usitc-dgd": (("geodist", "geo"), "dgd", "release_2.1_2000_2019.csv"),
    "gsdb-full": (("gsdb",), "gsdb_full", "GSDB_V3.csv"),
    "wdi-secure-servers-current": (("servers",), "servers", "API_IT.NET.SECR.P6_DS2_en_csv_v2.csv"),
}


def panel_files(config: dict, usable=frozenset()) -> dict[str, tuple[str, str]]:
    """Role -> (source, file) for the dyad panel, including one BGS file per mineral.

    ``usable``: registry sources of :data:`SUBSTITUTES` the user supplied; each replaces the
    offline file(s) it stands for (the document's own source instead of our substitute)."""
    files = dict(PANEL_FILES)
    for source, (replaced, role, name) in SUBSTITUTES.items():
        if source in usable:
            for old in replaced:
                files.pop(old, None)
            files[role] = (source, name)
    for mineral, spec in config["crm_endowment"]["minerals"].items():
        files[f"bgs_{mineral}"] = ("bgs-mineral-production", spec["file"])
    return files
