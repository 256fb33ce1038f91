"""The data behind Figures 8.1-8.9 and the chapter's descriptive numbers (section 8.4.2-8.4.4).

Pure functions of the validated TTD table, its dyad expansion and the dyad-year panel.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from gvcneg.data.excel import read_excel
from gvcneg.empirics.gvcdr2025_ch8.ttd_schema import (
    BINDING_CODES,
    CRM_PROVISIONS,
    DIGITAL_PROVISIONS,
    DISPUTE_CODES,
    mappable,
)

THEME_LABELS = {"digital": "Digital TTDs", "crm": "CRM TTDs"}


def deal_counts(deals: pd.DataFrame) -> dict:
    """Counts of section 8.3.1 and 8.4.2: total, by theme, signed after 2019, CRM in 2022-2024."""
    crm = deals[deals["theme"] == "crm"]
    return {
        "total": len(deals),
        "digital": int((deals["theme"] == "digital").sum()),
        "crm": len(crm),
        "signed_after_2019": int((deals["year_signed"] > 2019).sum()),
        "share_signed_after_2019": float((deals["year_signed"] > 2019).mean()),
        "share_crm_signed_2022_2024": float(crm["year_signed"].between(2022, 2024).mean())
        if len(crm)
        else np.nan,
        "mapped_digital": len(mappable(deals, "digital")),
        "mapped_crm": len(mappable(deals, "crm")),
        "first_year_digital": _first_year(deals, "digital"),
        "first_year_crm": _first_year(deals, "crm"),
        "last_year_signed": float(deals["year_signed"].max()) if len(deals) else np.nan,
    }


def _first_year(deals: pd.DataFrame, theme: str) -> float:
    years = deals.loc[deals["theme"] == theme, "year_signed"]
    return float(years.min()) if len(years) else np.nan


def cumulative_dyads(first: pd.DataFrame, years) -> pd.DataFrame:
    """Figure 8.1: per theme and year, country pairs (unordered) with a TTD signed so far."""
    pairs = (
        first.assign(
            a=np.minimum(first["exporter"], first["importer"]),
            b=np.maximum(first["exporter"], first["importer"]),
        )
        .groupby(["theme", "a", "b"], as_index=False)["first_year"]
        .min()
    )
    rows = [
        {"theme": theme, "year": year, "dyads": int((group["first_year"] <= year).sum())}
        for theme, group in pairs.groupby("theme")
        for year in years
    ]
    return pd.DataFrame(rows, columns=["theme", "year", "dyads"])


def participation_by_country(dyads: pd.DataFrame, split_year: int, last_year: int) -> pd.DataFrame:
    """Figure 8.2: per theme, country and period (pre/post ``split_year``), TTD dyad-years."""
    first = dyads.groupby(["theme", "exporter", "importer"], as_index=False)["year"].min()
    rows = []
    for row in first.itertuples(index=False):
        for year in range(int(row.year), last_year + 1):
            rows.append((row.theme, row.exporter, "post" if year >= split_year else "pre"))
    frame = pd.DataFrame(rows, columns=["theme", "iso3", "period"])
    counts = frame.groupby(["theme", "iso3", "period"]).size().rename("dyad_years").reset_index()
    return counts.sort_values(["theme", "period", "dyad_years"], ascending=[True, True, False])


def provision_counts(deals: pd.DataFrame, theme: str) -> pd.DataFrame:
    """Figures 8.3 (digital) and 8.4 (CRM): mapped deals containing each provision
    (investment cooperation: any level 1-3 of the Annex scale)."""
    labels = DIGITAL_PROVISIONS if theme == "digital" else CRM_PROVISIONS
    mapped = mappable(deals, theme)
    rows = [
        {
            "provision": label,
            "column": column,
            "deals": int((mapped[column] > 0).sum()),
            "mapped": len(mapped),
        }
        for column, label in labels.items()
    ]
    return pd.DataFrame(rows).sort_values("deals", ascending=True).reset_index(drop=True)


def validity_category(row) -> str:
    if row["renewal"] == "automatic":
        return "Automatic renewal"
    if pd.notna(row["duration_years"]):
        return "Fixed duration"
    return "Not specified (open-ended)"


def validity_types(deals: pd.DataFrame) -> pd.DataFrame:
    """Figure 8.5: types of validity periods in the mapped TTD texts, by theme."""
    mapped = deals[deals["text_available"].astype(bool)].copy()
    mapped["validity"] = mapped.apply(validity_category, axis=1)
    counts = mapped.groupby(["theme", "validity"]).size().rename("deals").reset_index()
    counts["share"] = counts["deals"] / counts.groupby("theme")["deals"].transform("sum")
    return counts


def code_counts(deals: pd.DataFrame) -> pd.DataFrame:
    """Section 8.4.3.4: footnote 15 codes among mapped deals, by theme."""
    rows = []
    for theme in ("digital", "crm"):
        mapped = mappable(deals, theme)
        for field, codes in (
            ("binding_language", BINDING_CODES),
            ("dispute_settlement", DISPUTE_CODES),
        ):
            for code in codes:
                rows.append(
                    {
                        "theme": theme,
                        "field": field,
                        "code": code,
                        "deals": int((mapped[field] == code).sum()),
                    }
                )
    return pd.DataFrame(rows)


def signing_vs_non_ttd(panel: pd.DataFrame, variable: str) -> dict:
    """Share (or mean) of ``variable`` among dyads at TTD signing vs never-signing dyad-years."""
    at_signing = panel.loc[panel["ttd_signed"] == 1, variable].dropna()
    never = panel.loc[panel["ttd_ever"] == 0, variable].dropna()
    return {
        "ttd": float(at_signing.mean()),
        "non_ttd": float(never.mean()),
        "n_ttd": len(at_signing),
        "n_non_ttd": len(never),
    }


def group_comparison(theme_panels: dict[str, pd.DataFrame], variables: list[str]) -> pd.DataFrame:
    """Figures 8.6 and 8.7 (and the governance comparison): TTD dyads at signing vs non-TTD."""
    rows = []
    for theme, panel in theme_panels.items():
        for variable in variables:
            stats = signing_vs_non_ttd(panel, variable)
            rows.append(
                {
                    "theme": theme,
                    "variable": variable,
                    "group": "TTD dyads",
                    "value": stats["ttd"],
                    "n": stats["n_ttd"],
                }
            )
            rows.append(
                {
                    "theme": theme,
                    "variable": variable,
                    "group": "Non-TTD dyads",
                    "value": stats["non_ttd"],
                    "n": stats["n_non_ttd"],
                }
            )
    return pd.DataFrame(rows)


def distribution_by_group(panel: pd.DataFrame, variable: str) -> pd.DataFrame:
    """Figures 8.8 and 8.9: the values of ``variable`` for TTD dyads at signing and non-TTD
    dyad-years (long form: group, value)."""
    ttd = panel.loc[panel["ttd_signed"] == 1, variable].dropna()
    non = panel.loc[panel["ttd_ever"] == 0, variable].dropna()
    return pd.concat(
        [
            pd.DataFrame({"group": "TTD dyads", "value": ttd}),
            pd.DataFrame({"group": "Non-TTD dyads", "value": non}),
        ],
        ignore_index=True,
    )


def quantile_summary(distribution: pd.DataFrame) -> pd.DataFrame:
    """Box-plot statistics of a long distribution frame (what Figures 8.8/8.9 plot)."""
    q = distribution.groupby("group")["value"].describe(percentiles=[0.1, 0.25, 0.5, 0.75, 0.9])
    return q.reset_index()


def read_high_income(path) -> set[str]:
    """ISO3 codes of World Bank high-income economies (the chapter's "North"; our reading)."""
    frame = read_excel(path, sheet_name="List of economies")
    return set(frame.loc[frame["Income group"] == "High income", "Code"].astype(str))


def income_pairings(dyads: pd.DataFrame, north: set[str], last_year: int) -> pd.DataFrame:
    """Section 8.4.2 (Figure 8.2): TTD participation by North/South pairing, per theme.

    Unordered pairs with a TTD signed by ``last_year`` and their pair-years (years from first
    signing to ``last_year``); North = World Bank high income. The chapter's unit for "more
    than 350 and 300 dyad-years ... fewer than 75 South-South" is not stated; this is ours."""
    first = dyads.assign(
        a=np.minimum(dyads["exporter"], dyads["importer"]),
        b=np.maximum(dyads["exporter"], dyads["importer"]),
    )
    first = first.groupby(["theme", "a", "b"], as_index=False)["year"].min()
    first = first[first["year"] <= last_year]
    n_north = first["a"].isin(north).astype(int) + first["b"].isin(north).astype(int)
    first["pairing"] = n_north.map({2: "North-North", 1: "North-South", 0: "South-South"})
    first["pair_years"] = last_year - first["year"] + 1
    out = first.groupby(["theme", "pairing"]).agg(
        pairs=("a", "size"), pair_years=("pair_years", "sum")
    )
    full = pd.MultiIndex.from_product(
        [sorted(first["theme"].unique()), ["North-North", "North-South", "South-South"]],
        names=["theme", "pairing"],
    )
    return out.reindex(full, fill_value=0).reset_index()


def signing_difference_test(panel: pd.DataFrame, variable: str, cluster: str = "pair") -> dict:
    """The significance claims of Figures 8.6-8.9: TTD dyads at signing vs never-signing
    dyad-years, compared within the same year (year effects; the DCI placebo shows a pooled
    comparison can be driven by trends in the covariate) with errors clustered by country pair.

    Returns difference (TTD minus non-TTD), se, t, pvalue and the group sizes."""
    import pyfixest as pf

    sample = panel[(panel["ttd_signed"] == 1) | (panel["ttd_ever"] == 0)]
    sample = sample[[variable, "ttd_signed", "year", cluster]].dropna()
    n_ttd = int(sample["ttd_signed"].sum())
    out = {"variable": variable, "n_ttd": n_ttd, "n_non_ttd": len(sample) - n_ttd}
    if n_ttd < 2 or sample[variable].nunique() < 2:
        return {**out, "difference": np.nan, "se": np.nan, "t": np.nan, "pvalue": np.nan}
    sample = sample.assign(_cluster=pd.factorize(sample[cluster])[0])
    fit = pf.feols(f"{variable} ~ ttd_signed | year", data=sample, vcov={"CRV1": "_cluster"})
    tidy = fit.tidy().loc["ttd_signed"]
    return {
        **out,
        "difference": float(tidy["Estimate"]),
        "se": float(tidy["Std. Error"]),
        "t": float(tidy["t value"]),
        "pvalue": float(tidy["Pr(>|t|)"]),
    }


SIGNIFICANCE_VARIABLES = {
    "digital": [
        "rta",
        "shared_bloc",
        "wgi_gov_effectiveness_exporter",
        "wgi_regulatory_quality_exporter",
        "wgi_rule_of_law_exporter",
        "dci_gap",
        "dci_mean",
    ],
    "crm": [
        "rta",
        "shared_bloc",
        "wgi_gov_effectiveness_exporter",
        "wgi_regulatory_quality_exporter",
        "wgi_rule_of_law_exporter",
        "log_crm_max_share",
    ],
}


def significance_table(theme_panels: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per theme and variable of Figures 8.6-8.9 (see :func:`signing_difference_test`)."""
    rows = [
        {"theme": theme, **signing_difference_test(theme_panels[theme], variable)}
        for theme, variables in SIGNIFICANCE_VARIABLES.items()
        for variable in variables
    ]
    return pd.DataFrame(rows)
