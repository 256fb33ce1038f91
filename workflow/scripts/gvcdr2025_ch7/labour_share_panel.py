"""Rule script: PWT 10.01 labour shares with each economy's income group (chapter 7)."""

from gvcneg.data.imputation import constant_series_flags
from gvcneg.empirics.gvcdr2025_ch7.panel import build_labour_share_panel
from gvcneg.empirics.gvcdr2025_ch7.readers import (
    read_income_status,
    read_pwt_labour_share,
)
from gvcneg.io import save_csv
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    labour_share = read_pwt_labour_share(snakemake.input.pwt)
    panel = build_labour_share_panel(
        labour_share,
        read_income_status(
            snakemake.input.income_status, **snakemake.params.cfg["gvcdr2025_ch7"]["income_status"]
        ),
        first_year=int(labour_share["year"].min()),
        last_year=int(labour_share["year"].max()),
    )
    save_csv(panel, snakemake.output.panel)
    window = snakemake.params.cfg["gvcdr2025_ch7"]["fig_7_13"]
    flags = constant_series_flags(labour_share, "labour_share", window["start"], window["end"])
    save_csv(flags, snakemake.output.flags)
    log.info(
        "imputed-constant labour shares %d-%d: %s",
        window["start"],
        window["end"],
        ", ".join(flags.loc[flags["imputed_constant"], "iso3"]),
    )
    log.info("labour-share panel: %d rows, %d economies", len(panel), panel["iso3"].nunique())
