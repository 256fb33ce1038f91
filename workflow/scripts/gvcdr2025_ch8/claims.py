"""Rule script: chapter 8 computed quantities (awaiting data where inputs are absent)."""

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch8.claims import (
    ChapterResults,
    chapter_claims,
    substitute_controls,
    support_flags,
)
from gvcneg.empirics.gvcdr2025_ch8.coverage import Coverage
from gvcneg.empirics.gvcdr2025_ch8.reporting import availability_table
from gvcneg.io import save_csv
from gvcneg.ledger.claims import claims_frame
from gvcneg.logs import logged


def frame(name):
    return pd.read_csv(snakemake.input[name]) if name in snakemake.input.keys() else None


def first_row(name):
    data = frame(name)
    return None if data is None else data.iloc[0].to_dict()


def diagnostics(name):
    data = frame(name)
    return None if data is None else data.iloc[0].to_dict()


with logged(snakemake.log[0]) as log:
    results = ChapterResults(
        deal_counts=first_row("deal_counts"),
        cumulative=frame("cumulative"),
        comparison=frame("comparison"),
        code_counts=frame("code_counts"),
        investment_levels=frame("investment_levels"),
        binding_dyad_shares=first_row("binding_shares"),
        income_pairings=frame("income_pairings"),
        participation=frame("participation"),
        significance=frame("significance"),
        odds=frame("odds"),
        crm_table=frame("crm_table"),
        crm_diagnostics=diagnostics("crm_diagnostics"),
        digital_table=frame("digital_table"),
        digital_diagnostics=diagnostics("digital_diagnostics"),
    )
    # Critical |t| per clustering from placebo signings (Tables 8.3/8.A.5 star survival).
    results.placebo = frame("placebo")
    coverage_table = frame("ttd_coverage")
    if coverage_table is not None:
        results.coverage = Coverage.from_table(coverage_table)
        log.info(
            "TTD coverage: %s (complete: %s)", results.coverage.label, results.coverage.complete
        )
    cfg = snakemake.params.cfg["gvcdr2025_ch8"]
    dgd = snakemake.params.has_dgd
    results.substitute_controls = substitute_controls(cfg["trade_effect"]["controls"], dgd)
    results.substitute_regressors = substitute_controls(
        sorted({r for theme in cfg["formation"]["regressors"].values() for r in theme}), dgd
    )
    results.support = support_flags(results, snakemake.params.cfg["gvcdr2025_ch8"]["guards"])
    log.info("estimates on thin support:\n%s", results.support.to_string())
    claims = claims_frame(chapter_claims(results))
    log.info("\n%s", claims.to_string())
    save_csv(claims, snakemake.output.computed)
    params = snakemake.params
    save_csv(
        availability_table(params.has_ttd, params.has_batis, params.has_crm_trade),
        snakemake.output.availability,
    )
