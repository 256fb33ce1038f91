"""Figures and tables of GVC Development Report 2025, chapter 8 (targeted trade deals).

Each function takes computed data and returns (figure, the exact data plotted) or a table
frame. Figures 8.1-8.10 need the TTD database; ``fig_panel_coverage`` and
``fig_panel_covariates`` describe the real dyad panel (our own, not figures of the chapter).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from gvcneg.empirics.gvcdr2025_ch8.descriptives import THEME_LABELS, quantile_summary  # noqa: E402

THEME_COLORS = {"digital": "tab:blue", "crm": "tab:orange"}
GROUP_COLORS = {"TTD dyads": "tab:blue", "Non-TTD dyads": "tab:gray"}


def fig_panel_coverage(coverage: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Share of dyad-years with each time-varying covariate observed, by year."""
    columns = [
        "share_nonmissing_log_gdp_exporter",
        "share_nonmissing_wgi_rule_of_law_exporter",
        "share_nonmissing_ideal_point_distance",
        "share_nonmissing_dci_mean",
    ]
    data = coverage[["year", *columns]].melt("year", var_name="covariate", value_name="share")
    data["covariate"] = data["covariate"].str.replace("share_nonmissing_", "", regex=False)
    fig, ax = plt.subplots(figsize=(7, 4))
    for name, group in data.groupby("covariate", sort=True):
        ax.plot(group["year"], group["share"], marker="o", markersize=3, label=name)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("Year")
    ax.set_ylabel("Share of dyad-years observed")
    ax.legend(frameon=False, fontsize=8)
    return fig, data


def fig_panel_covariates(coverage: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Share of dyad-years with an RTA in force, a shared bloc, a sanction, both WTO members."""
    columns = ["share_rta", "share_shared_bloc", "share_sanction", "share_both_wto"]
    data = coverage[["year", *columns]].melt("year", var_name="indicator", value_name="share")
    fig, ax = plt.subplots(figsize=(7, 4))
    for name, group in data.groupby("indicator", sort=True):
        ax.plot(
            group["year"],
            group["share"],
            marker="o",
            markersize=3,
            label=name.replace("share_", ""),
        )
    ax.set_xlabel("Year")
    ax.set_ylabel("Share of dyad-years")
    ax.legend(frameon=False, fontsize=8)
    return fig, data


def fig_8_1(cumulative: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Figure 8.1: cumulative adoption of TTDs (country pairs connected, by year)."""
    fig, ax = plt.subplots(figsize=(7, 4))
    for theme, group in cumulative.groupby("theme", sort=True):
        ax.plot(
            group["year"],
            group["dyads"],
            marker="o",
            color=THEME_COLORS[theme],
            label=THEME_LABELS[theme],
        )
    ax.set_xlabel("Year")
    ax.set_ylabel("Country pairs with a TTD (cumulative)")
    ax.legend(frameon=False)
    return fig, cumulative


def read_world(shapefile, geo_csv):
    """Natural Earth 1:110m countries (iso3, geometry; Kosovo XKX) and, for economies too
    small for that scale (Singapore, Bahrain, Malta, ...), CEPII GeoDist capital coordinates."""
    import geopandas as gpd

    world = gpd.read_file(shapefile)
    world["iso3"] = world["iso_a3"].where(world["iso_a3"] != "-99", None)
    world.loc[world["name"] == "Kosovo", "iso3"] = "XKX"
    geo = pd.read_csv(geo_csv, encoding="latin-1")
    capitals = geo[geo["cap"] == 1].drop_duplicates("iso3")[["iso3", "lat", "lon"]]
    return world[["iso3", "name", "geometry"]], capitals


def fig_8_2(
    participation: pd.DataFrame, world, capitals: pd.DataFrame
) -> tuple[plt.Figure, pd.DataFrame]:
    """Figure 8.2: TTD dyad-years by economy, before 2020 and from 2020 (a world map per theme
    and period; economies without a 1:110m polygon are circles at their capital)."""
    from matplotlib.colors import LogNorm

    data = participation.copy()
    data["on_map"] = np.where(
        data["iso3"].isin(set(world["iso3"].dropna())),
        "polygon",
        np.where(data["iso3"].isin(set(capitals["iso3"])), "capital marker", "not drawn"),
    )
    top = max(float(data["dyad_years"].max()), 1.0)
    norm = LogNorm(vmin=1, vmax=top)
    fig, axes = plt.subplots(2, 2, figsize=(12, 6.5))
    for row, theme in enumerate(("digital", "crm")):
        for col, period in enumerate(("pre", "post")):
            ax = axes[row, col]
            part = data[(data["theme"] == theme) & (data["period"] == period)]
            world.plot(ax=ax, color="0.92", edgecolor="white", linewidth=0.3)
            shaded = world.merge(part, on="iso3")
            if len(shaded):
                shaded.plot(ax=ax, column="dyad_years", cmap="viridis", norm=norm, linewidth=0.2)
            points = capitals.merge(part[part["on_map"] == "capital marker"], on="iso3")
            if len(points):
                ax.scatter(
                    points["lon"],
                    points["lat"],
                    c=points["dyad_years"],
                    cmap="viridis",
                    norm=norm,
                    s=18,
                    edgecolors="black",
                    linewidths=0.4,
                )
            ax.set_axis_off()
            when = "before 2020" if period == "pre" else "2020-2024"
            panel = "A" if theme == "digital" else "B"
            ax.set_title(f"Panel {panel}. {THEME_LABELS[theme]}, {when}", fontsize=9)
    mappable = plt.cm.ScalarMappable(norm=norm, cmap="viridis")
    fig.colorbar(mappable, ax=axes, shrink=0.6, label="TTD dyad-years (log scale)")
    return fig, data


def _provision_bars(counts: pd.DataFrame, theme: str) -> tuple[plt.Figure, pd.DataFrame]:
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ax.barh(counts["provision"], counts["deals"], color=THEME_COLORS[theme])
    mapped = int(counts["mapped"].iloc[0]) if len(counts) else 0
    ax.set_xlim(0, max(mapped, 1))
    ax.set_xlabel(f"Number of agreements (of {mapped} mapped)")
    return fig, counts


def fig_8_3(counts: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Figure 8.3: presence of the nine digital TTD provisions (Annex 8.4)."""
    return _provision_bars(counts, "digital")


def fig_8_4(counts: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Figure 8.4: presence of the seven CRM TTD provisions (Annex 8.3)."""
    return _provision_bars(counts, "crm")


def fig_8_5(validity: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Figure 8.5: dates of validity in TTD texts (share of mapped deals by type)."""
    wide = validity.pivot_table(index="validity", columns="theme", values="share", fill_value=0.0)
    fig, ax = plt.subplots(figsize=(7, 4))
    positions = np.arange(len(wide))
    for k, theme in enumerate(("digital", "crm")):
        if theme in wide:
            ax.bar(
                positions + (k - 0.5) * 0.38,
                wide[theme],
                width=0.38,
                color=THEME_COLORS[theme],
                label=THEME_LABELS[theme],
            )
    ax.set_xticks(positions, wide.index, fontsize=8)
    ax.set_ylabel("Share of mapped TTDs")
    ax.legend(frameon=False)
    return fig, validity


def _grouped_shares(
    comparison: pd.DataFrame, variable: str, ylabel: str
) -> tuple[plt.Figure, pd.DataFrame]:
    data = comparison[comparison["variable"] == variable].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(6, 4))
    themes = [t for t in ("digital", "crm") if t in set(data["theme"])]
    for k, group in enumerate(("TTD dyads", "Non-TTD dyads")):
        values = [
            data.loc[(data["theme"] == t) & (data["group"] == group), "value"].iloc[0]
            for t in themes
        ]
        ax.bar(
            np.arange(len(themes)) + (k - 0.5) * 0.38,
            values,
            width=0.38,
            color=GROUP_COLORS[group],
            label=group,
        )
    ax.set_xticks(np.arange(len(themes)), [THEME_LABELS[t] for t in themes])
    ax.set_ylabel(ylabel)
    ax.legend(frameon=False)
    return fig, data


def fig_8_6(comparison: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Figure 8.6: share of dyads with an RTA in force, TTD dyads at signing vs non-TTD."""
    return _grouped_shares(comparison, "rta", "Share with an RTA in force")


def fig_8_7(comparison: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Figure 8.7: share of dyads in a shared regional bloc, TTD vs non-TTD."""
    return _grouped_shares(comparison, "shared_bloc", "Share in a shared regional bloc")


def _boxes(ax, distribution: pd.DataFrame, ylabel: str) -> None:
    groups = ["TTD dyads", "Non-TTD dyads"]
    values = [distribution.loc[distribution["group"] == g, "value"].to_numpy() for g in groups]
    ax.boxplot(values, tick_labels=groups, showfliers=False)
    ax.set_ylabel(ylabel)


def fig_8_8(gap: pd.DataFrame, mean: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Figure 8.8: digital infrastructure (penalised DCI), Panel A gap, Panel B dyad mean."""
    fig, axes = plt.subplots(1, 2, figsize=(9, 4))
    _boxes(axes[0], gap, "DCI gap within the dyad")
    axes[0].set_title("Panel A. Infrastructure gap")
    _boxes(axes[1], mean, "Mean DCI of the dyad")
    axes[1].set_title("Panel B. Average readiness")
    fig.tight_layout()
    data = pd.concat(
        [
            quantile_summary(gap).assign(panel="A: dci_gap"),
            quantile_summary(mean).assign(panel="B: dci_mean"),
        ],
        ignore_index=True,
    )
    return fig, data


def fig_8_9(distribution: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Figure 8.9: log maximum CRM world production share, TTD vs non-TTD dyads."""
    fig, ax = plt.subplots(figsize=(6, 4))
    _boxes(ax, distribution, "log max. CRM world production share")
    return fig, quantile_summary(distribution)


def fig_8_10(profile: pd.DataFrame, theme: str) -> tuple[plt.Figure, pd.DataFrame]:
    """Figure 8.10 (one panel): mean bilateral trade of signing dyads by years since signing."""
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(
        profile["event_time"], profile["mean_trade"] / 1e6, marker="o", color=THEME_COLORS[theme]
    )
    ax.axvline(0, color="0.5", linestyle="--", linewidth=0.8)
    ax.set_xlabel("Years relative to TTD signing")
    ax.set_ylabel("Mean bilateral trade (million USD)")
    return fig, profile


def fig_8_10_event_study(
    path: pd.DataFrame, theme: str, did2s: pd.DataFrame | None = None
) -> tuple[plt.Figure, pd.DataFrame]:
    """Event-study version of Figure 8.10: PPML event-time coefficients (dyad effects) with 95%
    intervals, and Gardner's two-stage DiD on log(1 + trade) when given."""
    series = {"PPML, dyad + exporter-year + importer-year effects": path}
    if did2s is not None:
        series["two-stage DiD (Gardner), log(1 + trade)"] = did2s
    fig, ax = plt.subplots(figsize=(6, 4))
    frames = []
    for offset, ((label, data), color) in enumerate(
        zip(series.items(), [THEME_COLORS[theme], "0.35"], strict=False)
    ):
        ax.errorbar(
            data["event_time"] + 0.12 * offset,
            data["coef"],
            yerr=[data["coef"] - data["ci_low"], data["ci_high"] - data["coef"]],
            fmt="o" if offset == 0 else "s",
            color=color,
            capsize=3,
            label=label,
        )
        frames.append(data.assign(estimator=label))
    ax.axhline(0, color="0.5", linewidth=0.8)
    ax.axvline(-0.5, color="0.5", linestyle="--", linewidth=0.8)
    ax.set_xlabel("Years relative to TTD signing (PPML reference: -1)")
    ax.set_ylabel("Coefficient")
    ax.legend(fontsize=7, frameon=False)
    return fig, pd.concat(frames, ignore_index=True)


TERM_LABELS = {
    "ttd_active": "TTD (dummy)",
    "ttd_x_binding": "Digital TTD x binding language",
    "rta": "RTA (dummy)",
    "contig": "Contiguity",
    "comlang_off": "Common language",
    "colony": "Colonial tie",
    "log_dist": "Log distance",
    "log_gdp_exporter": "Exporter GDP (log)",
    "log_gdp_importer": "Importer GDP (log)",
}


def table_8_2(odds: pd.DataFrame) -> pd.DataFrame:
    """Table 8.2: odds ratios of TTD formation (pooled logit)."""
    out = odds.copy()
    out["term"] = out["term"].map(lambda t: TERM_LABELS.get(t, t))
    return out


def _ppml_table(table: pd.DataFrame, diagnostics: dict) -> pd.DataFrame:
    out = table.copy()
    out["term"] = out["term"].map(lambda t: TERM_LABELS.get(t, t))
    extra = pd.DataFrame(
        [
            {"term": "N", "coef": diagnostics["n_used"]},
            {"term": "Mean of dep. var. (million USD)", "coef": diagnostics["mean_outcome"] / 1e6},
        ]
    )
    # What each coefficient rests on, beside it (gvcneg.empirics.gvcdr2025_ch8.support).
    support = [c for c in ("treated_pairs", "events", "clusters") if c in out]
    return pd.concat(
        [out[["term", "coef", "se", "pvalue", "pct_effect", "stars", *support]], extra],
        ignore_index=True,
    )


def table_8_3(table: pd.DataFrame, diagnostics: dict) -> pd.DataFrame:
    """Table 8.3: PPML effect of CRM TTDs on bilateral CRM trade, with footnote 21 % effects."""
    return _ppml_table(table, diagnostics)


def table_8_a_5(table: pd.DataFrame, diagnostics: dict) -> pd.DataFrame:
    """Table 8.A.5: PPML effect of digital TTDs with binding language on DDS trade."""
    return _ppml_table(table, diagnostics)


def fig_ttd_coverage(coverage: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """The supplied TTD file against every count the chapter states (our figure, not the
    chapter's): each count as a share of the chapter's, green where it agrees."""
    counts = coverage[~coverage["check"].str.contains("year")].copy()
    counts["share_of_document"] = counts["supplied"] / counts["document_value"]
    data = counts[["check", "counts", "document", "supplied", "share_of_document", "agrees"]]
    deals = coverage.set_index("check").loc["deals_total"]
    fig, ax = plt.subplots(figsize=(7, 0.35 * len(data) + 1.5))
    colours = ["tab:green" if ok else "tab:red" for ok in data["agrees"]]
    ax.barh(data["counts"], data["share_of_document"].clip(upper=1.5), color=colours)
    ax.axvline(1.0, color="black", linewidth=0.8)
    ax.invert_yaxis()
    ax.set_xlabel("Supplied file as a share of the chapter's count (1 = the chapter's)")
    ax.set_title(
        f"TTD file: {int(deals['supplied'])} of {int(deals['document_value'])} deals; "
        f"{int(coverage['agrees'].sum())} of {len(coverage)} checks agree",
        fontsize=9,
    )
    fig.tight_layout()
    return fig, data.reset_index(drop=True)
