"""Specification curves: for each claim of a document, its value under every specification of
the sweep (sorted), the published bound, and which specifications hold; the main
specification is marked. One figure per document."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

HOLDS, FAILS, NO_VALUE = "#2ca02c", "#d62728", "#7f7f7f"


def published_bounds(published: dict) -> list[float]:
    """The horizontal reference lines of a published comparison (bounds, 0 for a sign)."""
    kind = published["kind"]
    if kind == "sign":
        return [0.0]
    if kind == "interval":
        return [published[k] for k in ("lower", "upper") if k in published]
    if kind in ("value", "upper_bound"):
        return [published["value"]]
    if kind == "holds":
        return [published.get("share_at_least", 1.0)]
    return []


def specification_curve(verdicts: pd.DataFrame, targets: list[dict], title: str):
    """A grid of small panels, one per claim. Returns (figure, plotted data)."""
    by_id = {t["id"]: t for t in targets}
    claims = list(dict.fromkeys(verdicts["claim"]))
    ncols = 4
    nrows = max(1, math.ceil(len(claims) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, 2.5 * nrows), squeeze=False)
    frames = []
    for ax, claim in zip(axes.ravel(), claims, strict=False):
        sub = verdicts[verdicts["claim"] == claim].sort_values("value", na_position="first")
        sub = sub.reset_index(drop=True).assign(rank=lambda f: np.arange(len(f)))
        colours = np.where(sub["holds"].isna(), NO_VALUE, np.where(sub["holds"] == 1, HOLDS, FAILS))
        ax.scatter(sub["rank"], sub["value"], c=colours, s=12, zorder=3)
        main = sub[sub["main"].astype(bool)]
        ax.scatter(
            main["rank"],
            main["value"],
            marker="*",
            s=90,
            facecolors="none",
            edgecolors="black",
            zorder=4,
            label="main specification",
        )
        for bound in published_bounds(by_id[claim]["published"]):
            ax.axhline(bound, color="black", linestyle="--", linewidth=0.8)
        valued = sub.dropna(subset=["holds"])
        k, n = int(valued["holds"].sum()), len(valued)
        ax.set_title(f"{claim.split('.', 1)[-1]}\nholds {k}/{n}", fontsize=8)
        ax.tick_params(labelsize=7)
        ax.set_xticks([])
        frames.append(sub[["claim", "choices", "rank", "value", "holds", "main"]])
    for ax in axes.ravel()[len(claims) :]:
        ax.set_visible(False)
    fig.suptitle(
        f"{title}\nvalue under each specification (sorted); green holds, red fails; "
        "star = main specification; dashed = published bound",
        fontsize=11,
    )
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    data = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return fig, data
