"""Figures of DeRemer (2023): Figure 1 and the robustness-grid figure for Remarks 1-2.

Each function takes the solved data and returns (figure, the exact data plotted).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

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
    """Share of the parameter grid where each claim holds, and where Home's public gains from a
    power shift, by the government's export weight and the public's export-weight gap."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8), width_ratios=[1.3, 1])
    order = list(dict.fromkeys(summary["claim"]))
    sns.barplot(
        data=summary, y="claim", x="share_holds", hue="scope", order=order, ax=left, orient="h"
    )
    left.set_xlim(0, 1)
    left.set_xlabel("share of valid grid points where the claim holds")
    left.set_ylabel("")
    left.legend(title="grid", fontsize=8)
    pivot = public_share.pivot(
        index="gamma_E_G", columns="public_gamma_E_gap", values="share_public_gains"
    )
    sns.heatmap(pivot, vmin=0, vmax=1, annot=True, fmt=".2f", cmap="RdYlGn", ax=right)
    right.set_xlabel(r"public's export-weight gap $\gamma_E^G - \gamma_E^W$")
    right.set_ylabel(r"government export weight $\gamma_E^G$")
    right.set_title("share of grid where Home's public gains from more power", fontsize=10)
    right.invert_yaxis()
    fig.tight_layout()
    data = pd.concat(
        [
            summary[["claim", "scope", "share_holds"]].assign(panel="claims"),
            public_share.assign(panel="public_gain"),
        ],
        ignore_index=True,
    )
    return fig, data
