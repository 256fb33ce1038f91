"""The data notes chapter 7's ledger rows carry (which series, which income classification),
written by each figure's job from the settings its rule declares (``cfg``), so no note is
composed from the configuration while the workflow is parsed."""

from __future__ import annotations

GDP_SERIES = (
    "GDP per capita: WDI NY.GDP.PCAP.PP.KD (2021 PPP $, OWID export of the 2024-25 release)"
)


def _groups(cfg: dict) -> str:
    return f"groups: World Bank FY{cfg['income_status']['fiscal_year']} classification"


def gdp_note(cfg: dict, population_source: str) -> str:
    """Figures 7.4, 7.7, 7.8; ``population_source``: the first usable of the configured
    population sources (decided with the data, in the rule file)."""
    return f"{GDP_SERIES}; population: {population_source}; {_groups(cfg)}"


def gini_note(cfg: dict) -> str:
    """Figures 7.5, 7.6."""
    return f"Gini: {cfg['gini']['source']} {cfg['gini'].get('variable', '')}; {_groups(cfg)}"


def labour_share_note(cfg: dict) -> str:
    """Figure 7.13."""
    return f"Labour share: PWT 10.01 labsh; {_groups(cfg)}"


def fig_7_14_note(cfg: dict) -> str:
    return (
        "Substitute data: economy-level PWT labour share (not manufacturing sectors), "
        f"GVC participation from {cfg['fig_7_14']['gvc_sources'][0]}, "
        "no robot control unless IFR data are supplied"
    )


def fig_7_15_note(cfg: dict) -> str:
    settings = cfg["fig_7_15"]
    return (
        f"GVC participation: {settings['gvc_source']}, changes {settings['start']}-"
        f"{settings['end']}; WID Gini"
    )
