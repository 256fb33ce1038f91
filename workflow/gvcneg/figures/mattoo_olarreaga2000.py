"""Figures 1-5 of Mattoo and Olarreaga (2000), computed, and the robustness-grid figure.

Each function takes the plotted data and returns (figure, data); the data frame is exactly
what is drawn (written next to the PNG and SVG as CSV).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

CURVE_STYLE = {
    "R_A (T-1)": {"color": "0.55", "ls": "--"},
    "R_A small change": {"color": "tab:blue", "ls": "-."},
    "R_A large change": {"color": "tab:blue", "ls": "-"},
    "R_B": {"color": "tab:red", "ls": "-"},
    "R_A* (T-1)": {"color": "0.55", "ls": "--"},
    "R_A* after change": {"color": "tab:blue", "ls": "-"},
    "R_B* ": {"color": "tab:red", "ls": "-"},
    "CC (T-1)": {"color": "0.45", "ls": "--"},
    "C'C' (after change)": {"color": "tab:green", "ls": "-"},
    "ray through N": {"color": "0.3", "ls": ":"},
    "ray through t^{T-1}": {"color": "0.3", "ls": ":"},
}
MARKERS = {
    "bindings t^{T-1}": ("s", "black"),
    "period T, small change": ("o", "tab:blue"),
    "period T, large change": ("D", "tab:blue"),
    "new equilibrium *": ("*", "tab:purple"),
    "no credit": ("o", "0.5"),
    "Nash (T-1)": ("^", "0.3"),
    "t^{T-1}": ("s", "black"),
    "N": ("o", "tab:blue"),
    "X (no credit)": ("X", "tab:orange"),
    "Y (credit)": ("P", "tab:purple"),
    "B0 (t^{T-1})": ("s", "black"),
}


def _draw_curves(ax, data: pd.DataFrame, names):
    for name in names:
        part = data[data["series"] == name]
        ax.plot(part["t_A"], part["t_B"], label=name, lw=1.6, **CURVE_STYLE.get(name, {}))


def _draw_points(ax, data: pd.DataFrame, names):
    for name in names:
        part = data[data["series"] == name]
        marker, color = MARKERS.get(name, ("o", "black"))
        ax.scatter(part["t_A"], part["t_B"], marker=marker, color=color, s=60, zorder=5, label=name)


def _bindings(ax, t0_A, t0_B):
    ax.axvline(t0_A, color="black", lw=0.8, ls=(0, (1, 2)))
    ax.axhline(t0_B, color="black", lw=0.8, ls=(0, (1, 2)))
    ax.annotate(r"$t_A^{T-1}$", (t0_A, ax.get_ylim()[0]), textcoords="offset points", xytext=(3, 3))
    ax.annotate(r"$t_B^{T-1}$", (ax.get_xlim()[0], t0_B), textcoords="offset points", xytext=(3, 3))


def _frame(ax, t_max, title):
    ax.set_xlim(0, t_max)
    ax.set_ylim(0, t_max)
    ax.set_xlabel(r"A's tariff $t_A$")
    ax.set_ylabel(r"B's tariff $t_B$")
    ax.set_title(title, fontsize=10)
    ax.set_aspect("equal")


def _zoom_limits(data: pd.DataFrame, names, pad: float = 0.6):
    """A square window around the named points (X and Y lie close together on C'C')."""
    part = data[data["series"].isin(names)]
    cx, cy = part["t_A"].mean(), part["t_B"].mean()
    half = max(np.ptp(part["t_A"]), np.ptp(part["t_B"]), 1e-4) * (0.5 + pad)
    return (cx - half, cx + half), (cy - half, cy + half)


def _inset(ax, bounds, limits, draw):
    """An inset (axes fraction ``bounds``) zoomed on ``limits``, drawn by ``draw(inset)``."""
    inset = ax.inset_axes(bounds)
    draw(inset)
    inset.set_xlim(*limits[0])
    inset.set_ylim(*limits[1])
    inset.tick_params(labelsize=6)
    inset.set_title("zoom on X and Y", fontsize=7)
    ax.indicate_inset_zoom(inset, edgecolor="0.4")
    return inset


def fig_1(data: pd.DataFrame, t_max: float):
    """Figure 1: no-credit reaction functions before and after a small and a large change."""
    fig, ax = plt.subplots(figsize=(6, 6))
    _frame(ax, t_max, "Figure 1 — reaction functions before/after A's preference change")
    _draw_curves(ax, data, ["R_A (T-1)", "R_A small change", "R_A large change", "R_B"])
    t0 = data[data["series"] == "bindings t^{T-1}"].iloc[0]
    _bindings(ax, t0["t_A"], t0["t_B"])
    _draw_points(ax, data, ["bindings t^{T-1}", "period T, small change", "period T, large change"])
    ax.legend(fontsize=8, loc="upper left")
    return fig, data


def fig_2(data: pd.DataFrame, t_max: float):
    """Figure 2: under ex-ante credit a large change drags B's tariff down to a new equilibrium."""
    fig, ax = plt.subplots(figsize=(6, 6))
    _frame(ax, t_max, "Figure 2 — ex-ante credit: B follows A below its binding")
    _draw_curves(ax, data, ["R_A* (T-1)", "R_A* after change", "R_B* "])
    path = data[data["series"] == "adjustment path"]
    ax.plot(
        path["t_A"],
        path["t_B"],
        color="tab:purple",
        lw=1.0,
        drawstyle="default",
        label="adjustment path",
    )
    t0 = data[data["series"] == "bindings t^{T-1}"].iloc[0]
    _bindings(ax, t0["t_A"], t0["t_B"])
    _draw_points(ax, data, ["bindings t^{T-1}", "new equilibrium *", "no credit"])
    ax.legend(fontsize=8, loc="lower right")
    return fig, data


def fig_3(data: pd.DataFrame):
    """Figure 3: tariff profiles over T-1, T, T+1 under each rule (exogenous cut)."""
    rules = list(dict.fromkeys(data["rule"]))
    periods = ["T-1", "T", "T+1"]
    colors = {
        "No credit": "black",
        "Ex-post credit": "0.6",
        "Ex-ante credit": "white",
        "Automatic reciprocity": "white",
    }
    hatches = {"Automatic reciprocity": "///"}
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.2), sharey=True)
    width = 0.8 / len(rules)
    for ax, country in zip(axes, "AB", strict=True):
        part = data[data["country"] == country]
        for i, rule in enumerate(rules):
            values = [
                part[(part["rule"] == rule) & (part["period"] == p)]["tariff"].iloc[0]
                for p in periods
            ]
            ax.bar(
                np.arange(3) + (i - (len(rules) - 1) / 2) * width,
                values,
                width,
                color=colors[rule],
                edgecolor="black",
                hatch=hatches.get(rule),
                label=rule,
            )
        ax.set_xticks(np.arange(3), periods)
        ax.set_title(f"Country {country}", fontsize=10)
        ax.set_xlabel("period")
    axes[0].set_ylabel("tariff")
    axes[0].legend(fontsize=8)
    fig.suptitle("Figure 3 — tariff profiles under the credit rules", fontsize=11)
    return fig, data


def fig_4(data: pd.DataFrame, t_max: float):
    """Figure 4: contract curves before and after; X and Y on the rays of equiproportionate cuts."""
    fig, ax = plt.subplots(figsize=(8.5, 6))
    _frame(ax, t_max, "Figure 4 — contract curves and equiproportionate cuts")
    _draw_curves(
        ax, data, ["CC (T-1)", "C'C' (after change)", "ray through N", "ray through t^{T-1}"]
    )
    _draw_points(ax, data, ["Nash (T-1)", "t^{T-1}", "N", "X (no credit)", "Y (credit)"])
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.02, 1.0))

    def draw(inset):
        _draw_curves(inset, data, ["C'C' (after change)", "ray through N", "ray through t^{T-1}"])
        _draw_points(inset, data, ["X (no credit)", "Y (credit)"])

    _inset(ax, [0.06, 0.56, 0.38, 0.38], _zoom_limits(data, ["X (no credit)", "Y (credit)"]), draw)
    return fig, data


def fig_5(data: pd.DataFrame, levels: dict, t_max: float):
    """Figure 5: B's iso-value contours through N, X, Y and its pre-change level B0."""
    fig, ax = plt.subplots(figsize=(8.5, 6))
    _frame(ax, t_max, "Figure 5 — B's iso-value contours")
    surface = data[data["series"] == "V_B surface"]
    n = int(round(np.sqrt(len(surface))))
    x = surface["t_A"].to_numpy().reshape(n, n)
    y = surface["t_B"].to_numpy().reshape(n, n)
    z = surface["value_B"].to_numpy().reshape(n, n)
    order = sorted(levels.items(), key=lambda kv: kv[1])
    colors = {
        "B0 (t^{T-1})": "black",
        "N": "tab:blue",
        "X (no credit)": "tab:orange",
        "Y (credit)": "tab:purple",
    }
    for name, level in order:
        ax.contour(x, y, z, levels=[level], colors=[colors.get(name, "0.3")], linewidths=1.2)
        ax.plot([], [], color=colors.get(name, "0.3"), label=f"V_B = V_B({name})")
    _draw_curves(ax, data, ["C'C' (after change)"])
    _draw_points(ax, data, list(levels))
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.02, 1.0))

    def draw(inset):
        for name, level in order:
            inset.contour(x, y, z, levels=[level], colors=[colors.get(name, "0.3")])
        _draw_curves(inset, data, ["C'C' (after change)"])
        _draw_points(inset, data, ["X (no credit)", "Y (credit)"])

    _inset(ax, [0.6, 0.05, 0.35, 0.3], _zoom_limits(data, ["X (no credit)", "Y (credit)"]), draw)
    return fig, data


def fig_grid_claims(summary: pd.DataFrame):
    """Share of the robustness grid where each claim holds (overall and by interaction)."""
    data = summary[
        [
            "claim",
            "location",
            "kind",
            "share_all",
            "share_complements",
            "share_independent",
            "share_substitutes",
            "applicable_all",
        ]
    ].copy()
    fig, ax = plt.subplots(figsize=(9, 0.38 * len(data) + 1.5))
    y = np.arange(len(data))[::-1]
    kind_color = {
        "always": "tab:blue",
        "may": "tab:orange",
        "ambiguous": "tab:gray",
        "premise": "tab:green",
        "extension": "tab:purple",  # outside the paper's assumptions
    }
    ax.barh(y, data["share_all"].fillna(0), color=[kind_color[k] for k in data["kind"]], alpha=0.8)
    for column, marker in (
        ("share_complements", "o"),
        ("share_independent", "s"),
        ("share_substitutes", "^"),
    ):
        ax.scatter(
            data[column],
            y,
            marker=marker,
            color="black",
            s=18,
            zorder=5,
            label=column.removeprefix("share_"),
        )
    labels = (
        data["claim"]
        .str.replace("__outside", " (outside the paper's assumptions)")
        .str.replace("_", " ")
    )
    ax.set_yticks(y, labels, fontsize=7)
    ax.set_xlim(0, 1.02)
    ax.set_xlabel("share of the claim's domain (grid points) where it holds")
    for kind, color in kind_color.items():
        ax.barh([np.nan], [np.nan], color=color, label=f"claim type: {kind}")
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=3)
    ax.set_title("Mattoo and Olarreaga (2000): claims on the robustness grid", fontsize=10)
    return fig, data
