"""Rule script: TTD dyads at signing vs non-TTD dyads on the real covariates (Figs 8.6-8.9)."""

from gvcneg.empirics.threads import use_threads

use_threads(snakemake.threads)  # before numpy loads its BLAS

import pandas as pd  # noqa: E402

from gvcneg.empirics.gvcdr2025_ch8 import descriptives as d  # noqa: E402
from gvcneg.empirics.gvcdr2025_ch8.analysis import theme_panel  # noqa: E402
from gvcneg.empirics.gvcdr2025_ch8.ttd_dyads import signatories_outside_panel  # noqa: E402
from gvcneg.io import save_csv  # noqa: E402
from gvcneg.logs import logged  # noqa: E402

COMPARED = [
    "rta",
    "shared_bloc",
    "wgi_gov_effectiveness_exporter",
    "wgi_regulatory_quality_exporter",
    "wgi_rule_of_law_exporter",
    "ideal_point_distance",
]

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["gvcdr2025_ch8"]
    out = snakemake.output
    panel = pd.read_parquet(snakemake.input.panel)
    dyads = pd.read_csv(snakemake.input.dyads)
    outside = signatories_outside_panel(dyads, panel["exporter"].unique())
    if len(outside):
        log.warning("TTD signatories outside the dyad panel (their dyads drop out):\n%s", outside)
    save_csv(outside, out.outside_panel)
    themes = {t: theme_panel(panel, dyads, t, cfg["years"][t]) for t in ("digital", "crm")}
    comparison = d.group_comparison(themes, COMPARED)
    log.info("\n%s", comparison.to_string())
    save_csv(comparison, out.comparison)
    significance = d.significance_table(themes)
    log.info("\n%s", significance.to_string())
    save_csv(significance, out.significance)
    save_csv(d.distribution_by_group(themes["digital"], "dci_gap"), out.dci_gap)
    save_csv(d.distribution_by_group(themes["digital"], "dci_mean"), out.dci_mean)
    save_csv(d.distribution_by_group(themes["crm"], "log_crm_max_share"), out.crm_endowment)
    digital = themes["digital"]
    shares = {
        "of_digital_ttd": float(
            digital.loc[digital["ttd_active"] == 1, "ttd_binding_active"].mean()
        ),
        "of_all": float(digital["ttd_binding_active"].mean()),
    }
    save_csv(pd.DataFrame([shares]), out.binding_shares)
