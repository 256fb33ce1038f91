"""Rule script: every specification of every claim family of chapter 7 (specification sweep),
in one process: the families share the inputs and the panels built from them."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7.readers import (
    read_income_status,
    read_owid_gdp_per_capita,
    read_pwt_labour_share,
    read_wdi_population,
    read_wid_top10_bottom50,
)
from gvcneg.empirics.gvcdr2025_ch7.sweep import SweepData, data_artefacts, evaluate_family
from gvcneg.io import save_csv
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    cfg, inp, params = snakemake.params.cfg["gvcdr2025_ch7"], snakemake.input, snakemake.params
    frames = {}
    if hasattr(inp, "gdp"):
        frames["gdp"] = read_owid_gdp_per_capita(inp.gdp)
        frames["population"] = read_wdi_population(inp.population, params.population_source)
    if hasattr(inp, "gini"):
        frames["gini"] = {
            name: pd.read_csv(path) for name, path in zip(params.gini_names, inp.gini, strict=True)
        }
    if hasattr(inp, "wid"):
        frames["top10_bottom50"] = {
            name: read_wid_top10_bottom50(inp.wid, "r" + cfg["gini_series"][name]["variable"][1:])
            for name in params.wid_gini_names
        }
    if hasattr(inp, "pwt"):
        frames["labour_share"] = read_pwt_labour_share(inp.pwt)
        frames["labour_share_flags"] = pd.read_csv(inp.flags)
    if hasattr(inp, "estimates"):
        frames["fig_7_14_estimates"] = pd.read_csv(inp.estimates)
    if hasattr(inp, "gvc"):
        paths = [inp.gvc] if isinstance(inp.gvc, str) else list(inp.gvc)
        frames["gvc"] = {
            source: pd.read_csv(path)
            for source, path in zip(params.gvc_sources, paths, strict=True)
        }
    backfilled = cfg["income_status"]["include_backfilled"]
    data = SweepData(
        cfg, lambda fy: read_income_status(inp.income_status, fy, backfilled), **frames
    )
    for family, specs in params.specs.items():
        frame = evaluate_family(family, data, specs, params.names[family])
        save_csv(frame, snakemake.output[family])
        log.info("%s: %d specifications, %d rows", family, len(specs), len(frame))
    save_csv(data_artefacts(data), snakemake.output.artefacts)
