"""Rule script: the validated country-year panel of GVC Development Report 2025, chapter 7."""

from gvcneg.empirics.gvcdr2025_ch7.panel import build_country_year_panel
from gvcneg.empirics.gvcdr2025_ch7.readers import (
    read_gini,
    read_income_status,
    read_owid_gdp_per_capita,
    read_wdi_population,
)
from gvcneg.io import save_csv
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["gvcdr2025_ch7"]
    gini_cfg = cfg["gini"]
    panel = build_country_year_panel(
        gdp=read_owid_gdp_per_capita(snakemake.input.gdp),
        population=read_wdi_population(
            snakemake.input.population, snakemake.params.population_source
        ),
        gini=read_gini(snakemake.input.gini, gini_cfg["source"], gini_cfg.get("variable")),
        income=read_income_status(
            snakemake.input.income_status, **snakemake.params.cfg["gvcdr2025_ch7"]["income_status"]
        ),
        first_year=cfg["years"]["first"],
        last_year=cfg["years"]["last"],
    )
    save_csv(panel, snakemake.output.panel)
    log.info("population source: %s", snakemake.params.population_source)
    log.info("panel: %d rows, %d economies", len(panel), panel["iso3"].nunique())
    log.info("non-missing counts:\n%s", panel.notna().sum().to_string())
