"""Figures of National Board of Trade (2015): Figure 1, the number of regional trade agreements
in force, as in the document (1958-2013) and extended to the latest year of the WTO export.

Each function takes computed data and returns (figure, the exact data plotted).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

LABELS = {
    "agreements": "RTAs (agreements; goods, services and accessions together)",
    "notifications": "Notifications (goods, services and accessions separately)",
}
STYLE = {
    "agreements": {"color": "tab:blue", "linestyle": "-", "linewidth": 2.0},
    "notifications": {"color": "tab:orange", "linestyle": "--", "linewidth": 1.6},
}


def _panel(ax, data: pd.DataFrame, title: str) -> None:
    for convention, line in data.groupby("convention", sort=True):
        ax.plot(line["year"], line["count"], label=LABELS[convention], **STYLE[convention])
    ax.set_title(title, fontsize=10)
    ax.set_xlabel("Year (count at 31 December)")
    ax.set_xlim(data["year"].min(), data["year"].max())
    ax.set_ylim(bottom=0)
    ax.grid(axis="y", color="0.9")


def fig_1(
    series: pd.DataFrame, first_year: int, last_year: int, extended_last_year: int
) -> tuple[plt.Figure, pd.DataFrame]:
    """Figure 1: RTAs in force, (a) the document's 1958-2013 window, (b) extended.

    ``series`` is the output of :func:`gvcneg.empirics.nbt2015.rta_counts.rtas_in_force`.
    """
    document = series[series["year"].between(first_year, last_year)].assign(
        panel=f"(a) {first_year}-{last_year}"
    )
    extended = series[series["year"].between(first_year, extended_last_year)].assign(
        panel=f"(b) {first_year}-{extended_last_year}"
    )
    fig, axes = plt.subplots(1, 2, figsize=(11.0, 4.2), sharey=False)
    _panel(axes[0], document, f"(a) As in the document, {first_year}-{last_year}")
    _panel(axes[1], extended, f"(b) Extended to {extended_last_year}")
    axes[1].axvline(last_year, color="0.5", linewidth=0.8, linestyle=":")
    axes[1].annotate(
        f"end of the document's window ({last_year})",
        (last_year - 0.5, 0.95),
        xycoords=("data", "axes fraction"),
        ha="right",
        va="top",
        fontsize=8,
        color="0.4",
    )
    axes[0].set_ylabel("Number in force")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=2, frameon=False, fontsize=9)
    fig.suptitle("Number of regional trade agreements in force (WTO RTA database)", fontsize=11)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    data = pd.concat([document, extended], ignore_index=True)[
        ["panel", "year", "convention", "count"]
    ]
    return fig, data
