"""Read every registry file the dyad panel needs and return :class:`panel.PanelInputs`.

``files`` maps a role to a path (the rule passes the data layer's fetched files):
economies_metadata, population, gdp_pc, geodist, geo, wto_rta, wgi, ideal_points, wto_members, gsdb, internet, mobile, servers, and
``bgs_<mineral>`` for each mineral in ``config["crm_endowment"]["minerals"]``.
"""

from __future__ import annotations

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch8 import covariates as cov
from gvcneg.empirics.gvcdr2025_ch8.blocs import read_bloc_members
from gvcneg.empirics.gvcdr2025_ch8.crm_endowment import (
    country_crm_share,
    read_bgs_production,
    world_shares,
)
from gvcneg.empirics.gvcdr2025_ch8.dci import digital_capability_index
from gvcneg.empirics.gvcdr2025_ch8.panel import PanelInputs
from gvcneg.empirics.gvcdr2025_ch8.rta import wto_rta_years


def load_panel_inputs(files: dict, config: dict) -> PanelInputs:
    first, last = config["years"]["crm"]
    carry = config["carry_forward_years"]
    years = range(first, last + 1)

    gdp = cov.read_gdp(files["gdp_pc"], files["population"])
    gdp = cov.carry_forward(gdp, ["gdp_pc_ppp", "population"], last, carry["gdp"], "carried")
    gdp["gdp"] = gdp["gdp_pc_ppp"] * gdp["population"]

    wgi = cov.read_wgi(files["wgi"])
    wgi_cols = [c for c in wgi.columns if c.startswith("wgi_")]
    wgi = cov.carry_forward(wgi, wgi_cols, last, carry["wgi"], "carried")

    ideal = cov.read_ideal_points(files["ideal_points"])
    ideal = cov.carry_forward(ideal, ["ideal_point"], last, carry["ideal_points"], "carried")

    gsdb = config["sanctions"]
    full = "gsdb_full" in files  # the whole release (registry gsdb-full): no partial years
    sanctions = cov.read_sanctions(
        files["gsdb_full" if full else "gsdb"],
        years,
        gsdb["release_last_year"],
        gsdb["treat_ongoing_until"],
    )

    internet = cov.read_wdi_wide(files["internet"], "wdi-internet", "internet_users")
    mobile = cov.read_wdi_wide(files["mobile"], "wdi-ict-api", "mobile_subscriptions")
    servers = cov.read_wdi_wide(files["servers"], "wdi-ict-api", "secure_servers")
    economies = cov.read_economies(files["economies_metadata"])
    components = []
    for frame, column in (
        (internet, "internet_users"),
        (mobile, "mobile_subscriptions"),
        (servers, "secure_servers"),
    ):
        frame = frame[frame["iso3"].isin(economies)]
        frame = cov.carry_forward(frame, [column], last, carry[column], "carried")
        components.append(frame[["iso3", "year", column]])
    merged = components[0]
    for frame in components[1:]:
        merged = merged.merge(frame, on=["iso3", "year"], how="outer")
    dci_cfg = config["dci"]
    dci_components = merged[merged["year"].between(first, last)].reset_index(drop=True)
    dci_index = digital_capability_index(
        dci_components,
        dci_cfg["penalty"],
        dci_cfg["min_components"],
        dci_cfg["coverage_neutral"],
    )

    crm = config["crm_endowment"]
    production = pd.concat(
        [
            read_bgs_production(files[f"bgs_{mineral}"], spec["table"], mineral)
            for mineral, spec in crm["minerals"].items()
        ],
        ignore_index=True,
    )
    crm_country = country_crm_share(world_shares(production), crm["weighting"])
    crm_country = cov.carry_forward(crm_country, ["crm_share"], last, carry["crm"], "carried")

    rta_years = wto_rta_years(files["wto_rta"], years)
    return PanelInputs(
        economies=economies,
        geodist=cov.read_dgd(files["dgd"])
        if "dgd" in files
        else cov.read_geodist(files["geodist"], files["geo"]),
        rta_years=rta_years,
        bloc_members=read_bloc_members(files["wto_rta"], config["blocs"]),
        gdp=gdp,
        wgi=wgi,
        ideal_points=ideal,
        wto_accessions=cov.read_wto_accessions(files["wto_members"]),
        sanctions=sanctions,
        sanctions_first_complete_year=first if full else gsdb["first_complete_year"],
        sanctions_partial_years=gsdb["partial_years"],
        dci_index=dci_index,
        dci_components=dci_components,
        crm_country=crm_country,
        crm_log_floor=crm["log_floor"],
    )
