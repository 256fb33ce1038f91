"""Figures of DeRemer (2023): Figure 1 and the robustness-grid figure for Remarks 1-2.

Each function takes the solved data and returns (figure, the exact data plotted).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

CURVE_STYLE = {
    "S": {"color": "tab:blue", "linestyle": "-"},
    "S*": {"color": "tab:red", "linestyle": "-"},
    "N": {"color": "tab:blue", "linestyle": "--"},
    "N*": {"color": "tab:red", "linestyle": "--"},
    "EF": {"color": "black", "linestyle": "-", "linewidth": 2.0},
}
POINT_STYLE = {
    "Nash": {"marker": "o", "color": "tab:gray"},
    "Stable efficient point": {"marker": "*", "color": "black", "markersize": 14},
    "W": {"marker": "s", "color": "tab:green"},
}


def fig_1(curves: pd.DataFrame, points: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Figure 1: S, S*, N, N*, EF, the Nash point, the stable efficient point and W."""
    fig, ax = plt.subplots(figsize=(6.5, 6.0))
    for (curve, segment), line in curves.groupby(["curve", "segment"], sort=True):
        style = CURVE_STYLE[curve]
        ax.plot(line["tau_x"], line["tau_y"], label=curve if segment == 0 else None, **style)
        mid = line.iloc[len(line) * 2 // 3]
        ax.annotate(curve, (mid["tau_x"], mid["tau_y"]), color=style["color"], fontsize=10)
    for _, point in points.iterrows():
        style = {"markersize": 9, **POINT_STYLE[point["point"]]}
        ax.plot(point["tau_x"], point["tau_y"], linestyle="none", label=point["point"], **style)
    ax.axhline(0, color="0.8", linewidth=0.8, zorder=0)
    ax.axvline(0, color="0.8", linewidth=0.8, zorder=0)
    ax.set_xlabel(r"Home import tariff $\tau_x$")
    ax.set_ylabel(r"Foreign import tariff $\tau_y^*$")
    ax.set_aspect("equal")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=8, frameon=False)
    ax.set_title("Figure 1: excessive liberalization with symmetric countries", fontsize=10)
    data = pd.concat(
        [
            curves.assign(kind="curve"),
            points.rename(columns={"point": "curve"}).assign(kind="point"),
        ],
        ignore_index=True,
    )[["kind", "curve", "segment", "vertex", "tau_x", "tau_y"]]
    return fig, data


def fig_remark_grid(
    summary: pd.DataFrame, public_share: pd.DataFrame
) -> tuple[plt.Figure, pd.DataFrame]:
    """Share of the grid where each claim holds, on the paper's domain, outside it, and in the
    extension regions; and where Home's public gains from a power shift, by the public's two
    weight gaps (import gap > 0 lies outside the section-4 claim's premises)."""
    import seaborn as sns  # only this figure uses it; a second of start-up for the others

    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 6.0), width_ratios=[1.4, 1])
    order = list(dict.fromkeys(summary["claim"]))
    sns.barplot(
        data=summary, y="claim", x="share_holds", hue="region", order=order, ax=left, orient="h"
    )
    left.set_xlim(0, 1)
    left.set_xlabel("share of solved grid points where the claim holds")
    left.set_ylabel("")
    left.legend(title="region", fontsize=8)
    rows, columns = public_share.columns[:2]
    pivot = public_share.pivot(index=rows, columns=columns, values="share_public_gains")
    sns.heatmap(pivot, vmin=0, vmax=1, annot=True, fmt=".2f", cmap="RdYlGn", ax=right)
    right.set_xlabel(LABELS.get(columns, columns))
    right.set_ylabel(LABELS.get(rows, rows))
    right.set_title("share of grid where Home's public gains from more power", fontsize=10)
    right.invert_yaxis()
    fig.tight_layout()
    data = pd.concat(
        [
            summary[["claim", "region", "share_holds"]].assign(panel="claims"),
            public_share.assign(panel="public_gain"),
        ],
        ignore_index=True,
    )
    return fig, data


LABELS = {
    "gamma_E_G": r"government export weight $\gamma_E^G$",
    "public_gamma_E_gap": r"public's export-weight gap $\gamma_E^G - \gamma_E^W$",
    "public_gamma_M_gap": r"public's import-weight gap $\gamma_M^G - \gamma_M^W$",
}


def fig_remark_1_condition(
    gaps: pd.DataFrame, weights: pd.DataFrame
) -> tuple[plt.Figure, pd.DataFrame]:
    """Where the paper's 3/2 rule and the exact condition for tau^W > tau^G disagree.

    Left: the public's gaps at Figure 1's government weights; the rule's boundary
    dM = 1.5 dE and the exact one dM = dE (4 - gM)/(3 - gE); between them (red) the rule holds
    but the public wants lower tariffs than the government. Right: the exact ratio over the
    government's weights; the 3/2 rule is sufficient only where the ratio is >= 3/2, which is
    where the government's stable tariff is <= 0 (the line tau^G = 0).
    """
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8))
    gm, ge = gaps["gamma_M_G"].iloc[0], gaps["gamma_E_G"].iloc[0]
    de = np.sort(gaps["gap_E"].unique())
    wrong = gaps[gaps["rule_wrong"]]
    boundary = (
        gaps[gaps["exact"]].groupby("gap_E")["gap_M"].max().reindex(de)
    )  # largest dM with tau^W > tau^G at each dE
    left.fill_between(
        de,
        boundary,
        1.5 * de,
        where=1.5 * de > boundary,
        color="tab:red",
        alpha=0.5,
        label="3/2 rule holds, tau^W < tau^G",
    )
    left.fill_between(de, 0, boundary, color="tab:green", alpha=0.15, label="tau^W > tau^G (exact)")
    left.plot(de, 1.5 * de, "k--", label=r"paper: $d_M = \frac{3}{2} d_E$")
    left.plot(de, boundary, "k-", label="exact boundary")
    left.set_xlim(de.min(), de.max())
    left.set_ylim(0, gaps["gap_M"].max())
    left.set_xlabel(r"public's export-weight gap $d_E = \gamma_E^G - \gamma_E^W$")
    left.set_ylabel(r"public's import-weight gap $d_M = \gamma_M^G - \gamma_M^W$")
    left.set_title(
        f"government weights gamma_M = {gm:g}, gamma_E = {ge:g} (Figure 1): "
        f"{len(wrong)} of {len(gaps)} points in the wedge",
        fontsize=9,
    )
    left.legend(fontsize=8, loc="upper left")
    pivot = weights.pivot(index="gamma_E_G", columns="gamma_M_G", values="exact_ratio")
    mesh = right.pcolormesh(
        pivot.columns,
        pivot.index,
        pivot.to_numpy() - 1.5,
        cmap="RdBu",
        vmin=-0.5,
        vmax=0.5,
        shading="auto",
    )
    fig.colorbar(mesh, ax=right, label="exact ratio (4 - gM)/(3 - gE) minus 3/2")
    tau = weights.pivot(index="gamma_E_G", columns="gamma_M_G", values="stable_tariff")
    contour = right.contour(tau.columns, tau.index, tau.to_numpy(), levels=[0.0], colors="k")
    right.clabel(contour, fmt={0.0: "tau^G = 0"}, fontsize=8)
    right.plot([gm], [ge], marker="*", color="k", markersize=12, linestyle="none")
    right.set_xlabel(r"government import weight $\gamma_M^G$")
    right.set_ylabel(r"government export weight $\gamma_E^G$")
    right.set_title("red: 3/2 rule not sufficient (tau^G > 0); star: Figure 1", fontsize=9)
    fig.tight_layout()
    data = pd.concat(
        [gaps.assign(panel="gaps_at_figure_1_weights"), weights.assign(panel="government_weights")],
        ignore_index=True,
    )
    return fig, data
