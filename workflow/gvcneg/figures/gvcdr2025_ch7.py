"""Figures of GVC Development Report 2025, chapter 7 (Figures 7.4-7.15), one function each.

Each ``fig_7_*`` takes the computed frames and returns ``(figure, plotted_data)``; the rule
script writes both with :func:`gvcneg.io.save_figure`. The functions compute nothing beyond
what they draw (the aggregations and estimates are in :mod:`gvcneg.empirics.gvcdr2025_ch7`).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.patches import FancyBboxPatch  # noqa: E402

from gvcneg.empirics.gvcdr2025_ch7 import INCOME_GROUP_LABELS, INCOME_GROUPS  # noqa: E402
from gvcneg.figures.gvcdr2025_ch7_diagrams import DIAGRAMS  # noqa: E402

COLOURS = {
    "low": "#d62728",
    "lower_middle": "#ff7f0e",
    "upper_middle": "#2ca02c",
    "high": "#1f77b4",
}


def _diagonal(ax, low: float, high: float) -> None:
    ax.plot(
        [low, high], [low, high], color="grey", linestyle="--", linewidth=1, label="45-degree line"
    )


def _limits(*arrays, pad: float = 0.03) -> tuple[float, float]:
    values = np.concatenate([np.asarray(a, dtype=float) for a in arrays])
    low, high = np.nanmin(values), np.nanmax(values)
    span = high - low
    return low - pad * span, high + pad * span


def _stamp_simulated(fig) -> None:
    fig.text(
        0.5,
        0.5,
        "SIMULATED",
        fontsize=60,
        color="red",
        alpha=0.12,
        ha="center",
        va="center",
        rotation=30,
    )
    # The note itself is in the report's caption (a note inside the image is ~5 px tall at
    # the width the report shows it); the watermark stays so the image is never mistaken.


def fig_7_4(ratios: pd.DataFrame):
    """Figure 7.4: ratio of population-weighted GDP per capita (PPP) of low, lower-middle and
    upper-middle income economies to high-income economies, by year."""
    data = ratios[ratios["income_group"] != "high"].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for group in [g for g in INCOME_GROUPS if g != "high"]:
        line = data[data["income_group"] == group]
        n = int(line["n"].max()) if len(line) else 0
        ax.plot(
            line["year"],
            line["ratio_to_high_income"],
            color=COLOURS[group],
            label=f"{INCOME_GROUP_LABELS[group]} (n = {n})",
        )
    ax.set_ylabel("GDP per capita relative to high income\n(population-weighted, PPP)")
    ax.set_xlabel("Year")
    ax.set_title("Figure 7.4 - Heterogeneous catch-up by income group")
    ax.legend(frameon=False)
    ax.grid(alpha=0.3)
    return fig, data


def fig_7_5(points: pd.DataFrame, start: int, end: int):
    """Figure 7.5: Gini in ``start`` vs ``end`` with the 45-degree line; high-income economies
    vs the others, with the shares above/below the line in the legend."""
    fig, ax = plt.subplots(figsize=(6, 6))
    low, high = _limits(points["start"], points["end"])
    _diagonal(ax, low, high)
    for is_high, label, colour in (
        (True, "High income", "#1f77b4"),
        (False, "Other economies", "#ff7f0e"),
    ):
        sub = points[points["high_income"] == is_high]
        above = sub["above_45_degree"].mean() if len(sub) else np.nan
        below = sub["below_45_degree"].mean() if len(sub) else np.nan
        ax.scatter(
            sub["start"],
            sub["end"],
            s=14,
            color=colour,
            alpha=0.8,
            label=f"{label} (n = {len(sub)}; above {above:.0%}, below {below:.0%})",
        )
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    ax.set_xlabel(f"Gini coefficient, {start}")
    ax.set_ylabel(f"Gini coefficient, {end}")
    ax.set_title(f"Figure 7.5 - Gini coefficient in {start} and {end}")
    ax.legend(frameon=False, fontsize=8, loc="upper left")
    return fig, points


def fig_7_6(gini_groups: pd.DataFrame):
    """Figure 7.6: mean Gini by income group and year, unweighted and population-weighted."""
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), sharey=True)
    for ax, weighting, title in zip(
        axes, ("unweighted", "population"), ("Unweighted", "Population-weighted"), strict=True
    ):
        sub = gini_groups[gini_groups["weighting"] == weighting]
        for group in INCOME_GROUPS:
            line = sub[sub["income_group"] == group]
            ax.plot(
                line["year"], line["gini"], color=COLOURS[group], label=INCOME_GROUP_LABELS[group]
            )
        ax.set_title(title)
        ax.set_xlabel("Year")
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("Gini coefficient")
    axes[1].legend(frameon=False, fontsize=8)
    fig.suptitle("Figure 7.6 - Evolution of the Gini coefficient by income group")
    return fig, gini_groups


def fig_7_7(sample: pd.DataFrame, result: dict, line: pd.DataFrame, start: int, end: int):
    """Figure 7.7: log GDP per capita in ``start`` against average annual growth to ``end``,
    with the fitted OLS line (red dashes), slope, robust SE, p-value and N."""
    fig, ax = plt.subplots(figsize=(7, 5))
    for group in INCOME_GROUPS:
        sub = sample[sample["income_group"] == group]
        ax.scatter(
            sub["log_gdp_pc_start"],
            sub["growth_percent"],
            s=14,
            color=COLOURS[group],
            alpha=0.8,
            label=INCOME_GROUP_LABELS[group],
        )
    ax.plot(line["log_gdp_pc_start"], line["fitted"], color="red", linestyle="--")
    text = (
        f"slope = {result['slope']:.3f} (robust SE {result['slope_se']:.3f}, "
        f"{result['cov_type']})\np = {result['slope_p']:.2g}, N = {result['n']}"
    )
    ax.text(0.98, 0.97, text, transform=ax.transAxes, ha="right", va="top", fontsize=9)
    ax.set_xlabel(f"Log GDP per capita, PPP, {start}")
    ax.set_ylabel(f"Average annual growth {start}-{end} (%)")
    ax.set_title(f"Figure 7.7 - Income convergence across economies, {start}-{end}")
    ax.legend(frameon=False, fontsize=8, loc="lower left")
    ax.grid(alpha=0.3)
    data = sample.assign(fitted=result["intercept"] + result["slope"] * sample["log_gdp_pc_start"])
    return fig, data


def fig_7_8(relative: pd.DataFrame, start: int, end: int):
    """Figure 7.8: GDP per capita relative to the lead economy, ``start`` vs ``end``, one panel
    per 2023 income group, 45-degree line, count of economies above the line."""
    fig, axes = plt.subplots(2, 2, figsize=(10, 9))
    order = ["high", "upper_middle", "lower_middle", "low"]
    for ax, group in zip(axes.ravel(), order, strict=True):
        sub = relative[relative["income_group"] == group]
        low, high = _limits(sub["start"], sub["end"]) if len(sub) else (0, 1)
        _diagonal(ax, max(low, 0), high)
        ax.scatter(sub["start"], sub["end"], s=14, color=COLOURS[group])
        ax.set_xlim(max(low, 0), high)
        ax.set_ylim(max(low, 0), high)
        n_above = int(sub["above_45_degree"].sum())
        ax.set_title(f"{INCOME_GROUP_LABELS[group]}: {n_above} of {len(sub)} above the line")
        ax.set_xlabel(f"GDP per capita relative to lead economy ({start})")
        ax.set_ylabel(f"relative to lead economy ({end})")
    lead_start = relative["lead_start"].iloc[0] if len(relative) else ""
    lead_end = relative["lead_end"].iloc[0] if len(relative) else ""
    fig.suptitle(
        f"Figure 7.8 - Uneven catch-up dynamics across income groups, {start}-{end}\n"
        f"(lead economy: {lead_start} in {start}, {lead_end} in {end})"
    )
    fig.tight_layout()
    return fig, relative


def _fit_inside(fig, text, box, min_size: float = 5.0, margin: float = 0.9) -> None:
    """Shrink ``text``'s font until it fits inside ``box`` (x0, y0, x1, y1, data coordinates)
    with a margin: a label never spills out of its box, whatever its length."""
    ax = text.axes
    renderer = fig.canvas.get_renderer()
    (bx0, by0), (bx1, by1) = ax.transData.transform([(box[0], box[1]), (box[2], box[3])])
    box_w, box_h = abs(bx1 - bx0), abs(by1 - by0)
    while text.get_fontsize() > min_size:
        extent = text.get_window_extent(renderer)
        if extent.width <= margin * box_w and extent.height <= margin * box_h:
            return
        text.set_fontsize(text.get_fontsize() - 0.5)


def _draw_diagram(description: dict, figure_label: str):
    nodes = {n["id"]: n for n in description["nodes"]}
    columns = sorted({n["column"] for n in nodes.values()})
    max_row = max(n["row"] for n in nodes.values())
    fig, ax = plt.subplots(figsize=(12, 6.5))
    ax.set_xlim(-0.1, len(columns) - 0.15)
    ax.set_ylim(-0.7, max_row + 0.7)
    ax.invert_yaxis()
    ax.axis("off")
    width, height = 0.62, 0.62
    centres = {}
    for node in nodes.values():
        x, y = columns.index(node["column"]) * 1.0 + 0.1, node["row"]
        centres[node["id"]] = (x + width / 2, y)
        ax.add_patch(
            FancyBboxPatch(
                (x, y - height / 2),
                width,
                height,
                boxstyle="round,pad=0.02",
                facecolor="#eef3fa",
                edgecolor="#1f4e79",
            )
        )
        label = ax.text(x + width / 2, y, node["label"], ha="center", va="center", fontsize=9)
        _fit_inside(fig, label, (x, y - height / 2, x + width, y + height / 2))
    rows = []
    for edge in description["edges"]:
        (x0, y0), (x1, y1) = centres[edge["source"]], centres[edge["target"]]
        same_column = nodes[edge["source"]]["column"] == nodes[edge["target"]]["column"]
        if same_column:
            start = (x0 + width / 2, y0)
            end = (x1 + width / 2, y1)
            style = "arc3,rad=-0.35"
        else:
            direction = 1 if x1 > x0 else -1
            start = (x0 + direction * width / 2, y0)
            end = (x1 - direction * width / 2, y1)
            style = "arc3,rad=0"
        ax.annotate(
            "",
            xy=end,
            xytext=start,
            arrowprops={"arrowstyle": "-|>", "color": "#1f4e79", "connectionstyle": style},
        )
        if edge.get("label"):
            ax.text(
                (start[0] + end[0]) / 2 + (0.12 if same_column else 0),
                (start[1] + end[1]) / 2,
                edge["label"],
                fontsize=8,
                style="italic",
                ha="center",
                color="#1f4e79",
            )
        rows.append(
            {
                "source": edge["source"],
                "target": edge["target"],
                "source_label": nodes[edge["source"]]["label"].replace("\n", " "),
                "target_label": nodes[edge["target"]]["label"].replace("\n", " "),
                "edge_label": edge.get("label", ""),
            }
        )
    ax.set_title(f"{figure_label} - {description['title']}", fontsize=11)
    return fig, pd.DataFrame(rows)


def fig_7_9(description: dict | None = None):
    """Figure 7.9: channels from GVCs/technology to uneven catch-up (declarative diagram)."""
    return _draw_diagram(description or DIAGRAMS["fig_7_9"], "Figure 7.9")


def fig_7_12(description: dict | None = None):
    """Figure 7.12: channels from GVCs/technology to within-economy inequality (diagram)."""
    return _draw_diagram(description or DIAGRAMS["fig_7_12"], "Figure 7.12")


def fig_7_10(bins: pd.DataFrame, result: dict):
    """Figure 7.10 (SIMULATED data): binned conditional correlation of backward GVC
    participation (log2) and the within-industry productivity gap, with the FE slope."""
    fig, ax = plt.subplots(figsize=(7, 5))
    ax.scatter(bins["x_mean"], bins["y_mean"], color="#1f77b4", zorder=3)
    x = np.linspace(bins["x_mean"].min(), bins["x_mean"].max(), 20)
    centre_x, centre_y = bins["x_mean"].mean(), bins["y_mean"].mean()
    ax.plot(x, centre_y + result["slope"] * (x - centre_x), color="red", linestyle="--")
    ax.text(
        0.98,
        0.97,
        f"slope per doubling = {result['slope']:.2f} pp (N = {result['n']})",
        transform=ax.transAxes,
        ha="right",
        va="top",
    )
    ax.set_xlabel("log2 backward GVC participation (residualised, mean added back)")
    ax.set_ylabel("Productivity gap to industry leader, pp (residualised)")
    # Simulated data: never titled with the document's figure number (the report's caption
    # says which estimator this checks).
    ax.set_title("Estimator check on SIMULATED firms: binned conditional correlation")
    _stamp_simulated(fig)
    data = bins.assign(slope=result["slope"], simulated=True)
    return fig, data


def fig_7_11(quantiles: pd.DataFrame):
    """Figure 7.11 (SIMULATED data): GVC participation and the level of productivity by
    quantile of productivity (QuantReg estimates, 95% CI)."""
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ax.fill_between(quantiles["quantile"], quantiles["ci_low"], quantiles["ci_high"], alpha=0.25)
    ax.plot(
        quantiles["quantile"], quantiles["coef"], marker="o", label="QuantReg estimate (95% CI)"
    )
    if "simulated_true_coef" in quantiles:
        ax.plot(
            quantiles["quantile"],
            quantiles["simulated_true_coef"],
            color="black",
            linestyle="--",
            marker="x",
            label="true slope of the simulation",
        )
        ax.legend(fontsize=8)
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_xlabel("Quantile of (log) productivity")
    ax.set_ylabel("Coefficient on GVC participation")
    ax.set_title("Estimator check on SIMULATED firms: quantile regressions")
    _stamp_simulated(fig)
    return fig, quantiles.assign(simulated=True)


def fig_7_13(points: pd.DataFrame, start: int, end: int):
    """Figure 7.13: PWT labour share in ``start`` vs ``end`` by income group, 45-degree line.
    Each panel's title prints the verdict's count: the share of economies whose labour share
    fell among those PWT measures; economies whose share PWT imputes as one constant
    (``imputed_constant``) are drawn as open circles on the line and left out of that count."""
    fig, axes = plt.subplots(2, 2, figsize=(10, 9.4), sharex=True, sharey=True)
    low, high = _limits(points["start"], points["end"])
    imputed_all = (
        points["imputed_constant"].fillna(False).astype(bool)
        if "imputed_constant" in points
        else pd.Series(False, index=points.index)
    )
    for ax, group in zip(
        axes.ravel(), ["high", "upper_middle", "lower_middle", "low"], strict=True
    ):
        in_group = points["income_group"] == group
        measured = points[in_group & ~imputed_all]
        imputed = points[in_group & imputed_all]
        _diagonal(ax, low, high)
        ax.scatter(measured["start"], measured["end"], s=14, color=COLOURS[group])
        ax.scatter(
            imputed["start"],
            imputed["end"],
            s=34,
            facecolors="none",
            edgecolors="black",
            linewidths=0.9,
            label="PWT imputed constant (not counted)",
        )
        fell = measured["below_45_degree"].mean() if len(measured) else np.nan
        n_fell = int(measured["below_45_degree"].sum())
        ax.set_title(
            f"{INCOME_GROUP_LABELS[group]}: fell in {n_fell} of {len(measured)} ({fell:.0%})\n"
            f"{len(imputed)} imputed constant(s) left out (open circles)",
            fontsize=10,
        )
        ax.set_xlim(low, high)
        ax.set_ylim(low, high)
    for ax in axes[1]:
        ax.set_xlabel(f"Labour share, {start}")
    for ax in axes[:, 0]:
        ax.set_ylabel(f"Labour share, {end}")
    fig.suptitle(
        f"Figure 7.13 - Changes in labour shares between {start} and {end} (PWT 10.01)\n"
        "below the line = fell; shares counted over economies with a measured labour share"
    )
    fig.tight_layout()
    return fig, points.assign(imputed_constant=imputed_all, counted=~imputed_all)


def fig_7_14(estimates: pd.DataFrame, source_note: str):
    """Figure 7.14: coefficients (95% CI) of the change in GVC participation (forward,
    backward, total) in regressions of the annual change in the labour share, by sample."""
    data = estimates.dropna(subset=["coef"]).reset_index(drop=True)
    samples = list(dict.fromkeys(data["sample"]))
    measures = list(dict.fromkeys(data["measure"]))
    fig, ax = plt.subplots(figsize=(8, 4.8))
    offsets = np.linspace(-0.25, 0.25, len(measures)) if len(measures) > 1 else [0.0]
    colours = {"forward": "#1f77b4", "backward": "#ff7f0e", "total": "#2ca02c"}
    for offset, measure in zip(offsets, measures, strict=True):
        sub = data[data["measure"] == measure].set_index("sample").reindex(samples)
        x = np.arange(len(samples)) + offset
        ax.errorbar(
            x,
            sub["coef"],
            yerr=[sub["coef"] - sub["ci_low"], sub["ci_high"] - sub["coef"]],
            fmt="o",
            capsize=3,
            color=colours.get(measure),
            label=measure.capitalize(),
        )
    ax.axhline(0, color="grey", linewidth=0.8)
    labels = [("All economies" if s == "all" else INCOME_GROUP_LABELS.get(s, s)) for s in samples]
    ax.set_xticks(range(len(samples)), labels)
    ax.set_ylabel("pp change in labour share per pp\nchange in GVC participation")
    ax.set_title("Figure 7.14 (substitute data) - GVC participation and the labour share")
    ax.legend(frameon=False)
    fig.text(0.01, -0.02, source_note, fontsize=7, ha="left", va="top", wrap=True)
    return fig, data


def fig_7_15(points: pd.DataFrame, fits: pd.DataFrame, start: int, end: int, source_note: str):
    """Figure 7.15: change in GVC participation vs change in inequality indicators, fitted
    OLS lines; one panel per (indicator, participation measure)."""
    ys = list(dict.fromkeys(fits["y"]))
    xs = list(dict.fromkeys(fits["x"]))
    fig, axes = plt.subplots(len(ys), len(xs), figsize=(4 * len(xs), 3.6 * len(ys)), squeeze=False)
    names = {
        "d_gini": "Change in Gini (x100)",
        "d_top10_bottom50": "Change in top10/bottom50",
        "d_forward": "forward",
        "d_backward": "backward",
        "d_total": "total",
    }
    rows = []
    for i, y in enumerate(ys):
        for j, x in enumerate(xs):
            ax = axes[i][j]
            fit = fits[(fits["x"] == x) & (fits["y"] == y)].iloc[0]
            ax.scatter(points[x], points[y], s=12, alpha=0.8)
            grid = np.linspace(points[x].min(), points[x].max(), 10)
            ax.plot(grid, fit["intercept"] + fit["slope"] * grid, color="red", linestyle="--")
            ax.set_title(
                f"slope {fit['slope']:.3f}, p = {fit['p']:.2f}, N = {int(fit['n'])}", fontsize=9
            )
            ax.set_xlabel(f"Change in {names[x]} GVC participation, pp")
            if j == 0:
                ax.set_ylabel(names[y])
            rows.append(
                pd.DataFrame(
                    {
                        "x_variable": x,
                        "y_variable": y,
                        "iso3": points["iso3"],
                        "x": points[x],
                        "y": points[y],
                        "fitted": fit["intercept"] + fit["slope"] * points[x],
                    }
                )
            )
    fig.suptitle(f"Figure 7.15 - Changes in GVC participation and income inequality, {start}-{end}")
    fig.text(0.01, -0.01, source_note, fontsize=7, ha="left", va="top", wrap=True)
    fig.tight_layout()
    return fig, pd.concat(rows, ignore_index=True)
