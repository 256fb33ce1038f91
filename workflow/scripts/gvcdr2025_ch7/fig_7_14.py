"""Rule script: Figure 7.14 (labour-share changes on GVC participation changes, PanelOLS)."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch7.claims import claims_fig_7_14
from gvcneg.empirics.gvcdr2025_ch7.labour_share_gvc import (
    annual_changes,
    labour_share_gvc_by_income_group,
)
from gvcneg.empirics.gvcdr2025_ch7.notes import fig_7_14_note
from gvcneg.empirics.gvcdr2025_ch7.readers import read_robots_per_worker
from gvcneg.figures.gvcdr2025_ch7 import fig_7_14
from gvcneg.io import save_csv, save_figure, save_table
from gvcneg.ledger.claims import claims_frame
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["gvcdr2025_ch7"]["fig_7_14"]
    ledger_note = fig_7_14_note(snakemake.params.cfg["gvcdr2025_ch7"])
    labour_share = pd.read_csv(snakemake.input.labour_share)
    robots = (
        read_robots_per_worker(snakemake.input.robots) if snakemake.input.get("robots") else None
    )
    tables = []
    for source, path in zip(cfg["gvc_sources"], snakemake.input.gvc, strict=True):
        gvc = pd.read_csv(path)
        panel = gvc.merge(labour_share[["iso3", "year", "labour_share"]], on=["iso3", "year"])
        columns = ["labour_share", "forward", "backward", "total"]
        controls = ()
        if robots is not None:
            panel = panel.merge(robots, on=["iso3", "year"], how="inner")
            columns.append("robots_per_worker")
            controls = ("robots_per_worker",)
        changes = annual_changes(panel, columns)
        log.info(
            "%s: %d annual changes, %d economies, years %s",
            source,
            len(changes),
            changes["iso3"].nunique(),
            sorted(changes["year"].unique()),
        )
        estimates = labour_share_gvc_by_income_group(
            changes, cfg["measures"], cfg["samples"], controls, cfg["effects"], cfg["min_economies"]
        )
        tables.append(estimates.assign(gvc_source=source, robots_control=robots is not None))
    table = pd.concat(tables, ignore_index=True)
    save_table(
        table, snakemake.output.table_csv, snakemake.output.table_md, snakemake.output.table_html
    )
    primary = tables[0]
    years = (
        f"{int(primary['n_years'].max())} annual changes"
        if primary["n_years"].notna().any()
        else ""
    )
    note = (
        f"GVC participation: {cfg['gvc_sources'][0]} (economy totals); labour share: PWT 10.01 "
        f"labsh (whole economy); {years}; effects: {', '.join(cfg['effects'])} (sector effects drop out with economy totals); SE clustered "
        f"by economy; robots control: {'yes' if robots is not None else 'no (IFR not available)'}."
    )
    fig, data = fig_7_14(primary, note)
    save_figure(fig, data, snakemake.output.png, snakemake.output.svg, snakemake.output.csv)
    claims = claims_frame(claims_fig_7_14(primary, ledger_note))
    save_csv(claims, snakemake.output.claims)
    log.info("\n%s", table.to_string())
