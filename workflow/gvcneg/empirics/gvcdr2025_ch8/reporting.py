"""Which chapter 8 figures and tables the pipeline could produce, and what each awaits.

The report reads ``availability.csv``: one row per item with its stem, the chapter's label,
the registry sources it needs and its status (``computed`` or ``awaiting data: <sources>``).
"""

from __future__ import annotations

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch8.inference import CLUSTERING_LABELS

TTD, BATIS, CRM_TRADE = "wto-ttd", "oecd-wto-batis", "baci-crm"

ITEMS = [
    ("fig_8_1", "Figure 8.1", "Cumulative adoption of targeted trade deals", (TTD,)),
    ("fig_8_2", "Figure 8.2", "Global spread of TTD participation pre- and post-2020", (TTD,)),
    ("fig_8_3", "Figure 8.3", "Presence of various digital TTD provisions", (TTD,)),
    ("fig_8_4", "Figure 8.4", "Presence of various CRM TTD provisions", (TTD,)),
    ("fig_8_5", "Figure 8.5", "Dates of validity in TTD texts", (TTD,)),
    ("fig_8_6", "Figure 8.6", "RTA linkages and the likelihood of TTD formation", (TTD,)),
    (
        "fig_8_7",
        "Figure 8.7",
        "Shared regional bloc status and likelihood of TTD formation",
        (TTD,),
    ),
    ("fig_8_8", "Figure 8.8", "Digital infrastructure and the formation of digital TTDs", (TTD,)),
    ("fig_8_9", "Figure 8.9", "CRM endowments and the formation of CRM TTDs", (TTD,)),
    ("table_8_2", "Table 8.2", "Pooled logit of TTD formation (odds ratios)", (TTD,)),
    ("fig_8_10a", "Figure 8.10, Panel A", "Digital trade around TTD signing", (TTD, BATIS)),
    (
        "fig_8_10a_event_study",
        "Figure 8.10 A (event study)",
        "PPML event study, digital",
        (TTD, BATIS),
    ),
    ("table_8_a_5", "Table 8.A.5", "PPML: digital TTDs with binding language", (TTD, BATIS)),
    ("fig_8_10b", "Figure 8.10, Panel B", "CRM trade around TTD signing", (TTD, CRM_TRADE)),
    (
        "fig_8_10b_event_study",
        "Figure 8.10 B (event study)",
        "PPML event study, CRM",
        (TTD, CRM_TRADE),
    ),
    ("table_8_3", "Table 8.3", "PPML: effect of CRM TTDs on CRM trade", (TTD, CRM_TRADE)),
]


def availability_table(has_ttd: bool, has_batis: bool, has_crm_trade: bool) -> pd.DataFrame:
    have = {TTD: has_ttd, BATIS: has_batis, CRM_TRADE: has_crm_trade}
    rows = []
    for stem, label, title, needs in ITEMS:
        missing = [s for s in needs if not have[s]]
        status = "computed" if not missing else "awaiting data: " + ", ".join(missing)
        kind = "table" if stem.startswith("table") else "figure"
        rows.append(
            {
                "stem": stem,
                "kind": kind,
                "label": label,
                "title": title,
                "needs": ", ".join(needs),
                "status": status,
            }
        )
    return pd.DataFrame(rows)


def table_clusterings(table: pd.DataFrame) -> list[str]:
    """The clusterings a computed Table 8.3/8.A.5 shows beside its dyad-clustered errors (its
    ``se_<clustering>`` columns), in the table's order."""
    return [c.removeprefix("se_") for c in table.columns if c.startswith("se_")]


def clustering_summary(placebo: pd.DataFrame, estimator_prefix: str = "PPML exp+imp+year") -> str:
    """One sentence per clustering of the placebo estimators table (rows of the PPML of the
    gravity tables): what it groups, its 95% coverage under random signings and the |t| a 5%
    test needs there. Names and numbers come from the table, none is typed here."""
    rows = placebo[placebo["estimator"].str.startswith(estimator_prefix)]
    parts = [
        f"`{row.clustering}` ({CLUSTERING_LABELS.get(row.clustering, row.clustering)}): "
        f"coverage {row.coverage_95:.2f}, |t| needed at 5% {row.critical_abs_t_5pct:.2f}"
        for row in rows.itertuples()
    ]
    return "; ".join(parts)
