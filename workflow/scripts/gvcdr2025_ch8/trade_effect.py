"""Rule script: PPML trade effect of TTDs (Table 8.3 or 8.A.5), Figure 8.10 and its event study."""

from gvcneg.empirics.threads import use_threads

use_threads(snakemake.threads)  # before numpy loads its BLAS

import pandas as pd  # noqa: E402

from gvcneg.empirics.gvcdr2025_ch8.analysis import (  # noqa: E402
    diagnostics_frame,
    figure_8_10_profiles,
    table_trade_effect,
    trade_panel,
)
from gvcneg.empirics.gvcdr2025_ch8.trade_flows import load_trade_flows  # noqa: E402
from gvcneg.figures import gvcdr2025_ch8 as figures  # noqa: E402
from gvcneg.io import save_csv, save_figure, save_table  # noqa: E402
from gvcneg.logs import logged  # noqa: E402

with logged(snakemake.log[0]) as log:
    cfg, theme, out = (
        snakemake.params.cfg["gvcdr2025_ch8"],
        snakemake.params.theme,
        snakemake.output,
    )
    flows = load_trade_flows(snakemake.input.flows, snakemake.params.source)
    data = trade_panel(
        pd.read_parquet(snakemake.input.panel),
        pd.read_csv(snakemake.input.dyads),
        flows,
        theme,
        cfg,
    )
    table, diagnostics = table_trade_effect(
        data, theme, cfg, snakemake.params.cfg["reproducibility"]["seed"]
    )
    profile, path, did2s, event_diagnostics = figure_8_10_profiles(data, cfg)
    diag = diagnostics_frame(
        {f"trade_effect_{theme}": diagnostics, f"event_study_{theme}": event_diagnostics}
    )
    log.info("\n%s\n%s", table.to_string(), diag.T.to_string())
    save_csv(table, out.raw_table)
    save_csv(diag, out.diagnostics)
    formatted = (figures.table_8_a_5 if theme == "digital" else figures.table_8_3)(
        table, diagnostics
    )
    save_table(formatted, out.table_csv, out.table_md, out.table_html, floatfmt=".3f")
    fig, plotted = figures.fig_8_10(profile, theme)
    save_figure(fig, plotted, out.profile_png, out.profile_svg, out.profile_csv)
    fig, plotted = figures.fig_8_10_event_study(path, theme, did2s)
    save_figure(fig, plotted, out.event_png, out.event_svg, out.event_csv)
