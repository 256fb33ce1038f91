"""Rule script: every chapter 8 estimator under random TTD signings (placebo coverage)."""

from gvcneg.empirics.threads import use_threads

use_threads(snakemake.threads)  # before numpy loads its BLAS

import pandas as pd  # noqa: E402

from gvcneg.empirics.gvcdr2025_ch8.placebo import (  # noqa: E402
    estimator_placebo,
    placebo_panel_columns,
    user_flows_for_placebo,
)
from gvcneg.empirics.gvcdr2025_ch8.trade_flows import load_trade_flows  # noqa: E402
from gvcneg.io import save_csv  # noqa: E402
from gvcneg.logs import logged  # noqa: E402

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["gvcdr2025_ch8"]
    placebo, base = cfg["placebo"], snakemake.params.cfg["reproducibility"]["seed"]

    def seeds(key):
        return [base + i for i in range(placebo[key])]

    user_flows = any(r in snakemake.input.keys() for r in ("batis", "crm_flows"))
    panel = pd.read_parquet(snakemake.input.panel, columns=placebo_panel_columns(cfg, user_flows))
    # Converted from the .rda once (rule gvcdr2025_ch8_penppml_flows).
    flows = {"penppml Comtrade panel": pd.read_parquet(snakemake.input.flows)}
    for role, source in (("batis", "oecd-wto-batis"), ("crm_flows", "baci-crm")):
        if role in snakemake.input.keys():  # the chapter's own flows, when supplied
            flows[source] = user_flows_for_placebo(
                panel, load_trade_flows(snakemake.input[role], source)
            )
    draws, summary = estimator_placebo(
        panel,
        flows,
        cfg,
        seeds("estimator_seeds"),
        seeds("dyad_effect_seeds"),
        seeds("logit_seeds"),
    )
    log.info("\n%s", summary.to_string())
    save_csv(draws, snakemake.output.draws)
    save_csv(summary, snakemake.output.summary)
