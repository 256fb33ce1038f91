"""Specification curves: for each claim of a document, its value under every specification of
the sweep (sorted), the published bound, which specifications hold, and below the curve which
choices each specification makes (one row per choice value that changes the claim); the main
specification is starred, specifications beyond the document are drawn open. One figure per
document; each panel is titled with the claim's words and its robustness count."""

from __future__ import annotations

import math
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.colors import ListedColormap  # noqa: E402

from gvcneg.ledger.sweep import inert_choices, parse_choices  # noqa: E402
from gvcneg.sweeps import BEYOND, DOCUMENT  # noqa: E402

HOLDS, FAILS, NO_VALUE = "#2ca02c", "#d62728", "#7f7f7f"
# Indicator matrix: 0 = not taken, 1 = a document reading taken, 2 = a value beyond it taken.
INDICATOR_COLOURS = ListedColormap(["#f2f2f2", "#404040", "#e69f00"])
TITLE_WIDTH = 60


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


def panel_title(target: dict, sub: pd.DataFrame) -> str:
    """The claim's words (wrapped) and its count over the document's readings."""
    document = sub[sub["basis"] == DOCUMENT].dropna(subset=["holds"])
    beyond = sub[sub["basis"] == BEYOND].dropna(subset=["holds"])
    claim = textwrap.shorten(" ".join(str(target.get("claim", target["id"])).split()), 150)
    lines = textwrap.wrap(claim, TITLE_WIDTH)
    count = f"holds {int(document['holds'].sum())}/{len(document)} (document's readings)"
    if len(beyond):
        count += f"; {int(beyond['holds'].sum())}/{len(beyond)} beyond"
    return "\n".join([target["id"].split(".", 1)[-1], *lines, count])


def _indicator(sub: pd.DataFrame, order: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    """Rows = each value of each choice that changes the claim (in the config's order, taken
    from ``order``: the claim's specifications in grid order); columns = specifications."""
    choices = pd.DataFrame([parse_choices(c) for c in sub["choices"]], index=sub.index)
    listed = pd.DataFrame([parse_choices(c) for c in order["choices"]])
    inert = set(inert_choices(sub))
    document = set()
    for row in order[order["basis"] == DOCUMENT]["choices"]:
        document.update(parse_choices(row).items())
    rows, labels = [], []
    for axis in choices.columns:
        if axis in inert or choices[axis].nunique() < 2:
            continue
        for value in dict.fromkeys(listed[axis]):
            taken = (choices[axis] == value).to_numpy()
            rows.append(np.where(taken, 1 if (axis, value) in document else 2, 0))
            labels.append(f"{axis}={value}")
    if not rows:
        return np.zeros((0, len(sub))), []
    return np.vstack(rows), labels


def _curve(ax, sub: pd.DataFrame, target: dict) -> None:
    colours = np.where(sub["holds"].isna(), NO_VALUE, np.where(sub["holds"] == 1, HOLDS, FAILS))
    document = (sub["basis"] == DOCUMENT).to_numpy()
    values = sub["value"].to_numpy(dtype=float)
    ax.scatter(sub["rank"][document], values[document], c=colours[document], s=14, zorder=3)
    ax.scatter(
        sub["rank"][~document],
        values[~document],
        facecolors="none",
        edgecolors=colours[~document],
        s=14,
        zorder=3,
    )
    missing = sub[sub["value"].isna()]
    for rank in missing["rank"]:
        ax.axvline(rank, color=NO_VALUE, linewidth=0.6, linestyle=":")
    main = sub[sub["main"].astype(bool)]
    ax.scatter(
        main["rank"],
        main["value"],
        marker="*",
        s=110,
        facecolors="none",
        edgecolors="black",
        zorder=4,
    )
    for bound in published_bounds(target["published"]):
        ax.axhline(bound, color="black", linestyle="--", linewidth=0.8)
    ax.tick_params(labelsize=7)
    ax.set_xticks([])
    ax.set_xlim(-0.5, len(sub) - 0.5)


def specification_curve(verdicts: pd.DataFrame, targets: list[dict], title: str):
    """A grid of panels, one per claim: the curve above, the choices below. Returns (figure,
    plotted data)."""
    by_id = {t["id"]: t for t in targets}
    claims = list(dict.fromkeys(verdicts["claim"]))
    subs, matrices = [], []
    for claim in claims:
        order = verdicts[verdicts["claim"] == claim]
        sub = order.sort_values(["value", "choices"], na_position="first").reset_index(drop=True)
        sub = sub.assign(rank=np.arange(len(sub)))
        subs.append(sub)
        matrices.append(_indicator(sub, order))
    ncols = 2
    nrows = max(1, math.ceil(len(claims) / ncols))
    row_heights = []
    for r in range(nrows):
        block = matrices[r * ncols : (r + 1) * ncols]
        n_ind = max((len(labels) for _, labels in block), default=0)
        row_heights.append((2.4, max(0.25, 0.16 * n_ind)))
    fig_height = sum(top + bottom + 1.3 for top, bottom in row_heights) + 1.2
    fig = plt.figure(figsize=(16, fig_height))
    ratios = [h for top, bottom in row_heights for h in (1.05, top, bottom)]
    grid = fig.add_gridspec(3 * nrows, ncols, height_ratios=ratios, hspace=0.12, wspace=0.35)
    frames = []
    for i, (claim, sub, (matrix, labels)) in enumerate(zip(claims, subs, matrices, strict=True)):
        r, c = divmod(i, ncols)
        head = fig.add_subplot(grid[3 * r, c])
        head.axis("off")
        head.text(
            0.0,
            0.0,
            panel_title(by_id[claim], sub),
            fontsize=8.5,
            va="bottom",
            ha="left",
            transform=head.transAxes,
        )
        ax = fig.add_subplot(grid[3 * r + 1, c])
        _curve(ax, sub, by_id[claim])
        ind = fig.add_subplot(grid[3 * r + 2, c], sharex=ax)
        if len(labels):
            ind.imshow(
                matrix,
                aspect="auto",
                cmap=INDICATOR_COLOURS,
                vmin=0,
                vmax=2,
                interpolation="nearest",
                extent=(-0.5, len(sub) - 0.5, len(labels) - 0.5, -0.5),
            )
            ind.set_yticks(range(len(labels)), labels, fontsize=7)
        else:
            ind.set_yticks([0], ["no choice changes this claim"], fontsize=7)
        ind.set_xticks([])
        ind.tick_params(length=0)
        frames.append(sub[["claim", "choices", "basis", "rank", "value", "holds", "main"]])
    fig.suptitle(
        f"{title}\nvalue under each specification (sorted): green holds, red fails, grey dotted "
        "= no value; filled = the document's readings, open = beyond the document; "
        "star = main specification; dashed = published bound.\nBelow each curve: the choices of "
        "each specification (dark = a reading of the document, orange = a value beyond it).",
        fontsize=11,
        y=1 - 0.15 / fig_height,
        va="top",
    )
    fig.subplots_adjust(top=1 - 1.2 / fig_height, bottom=0.3 / fig_height, left=0.12, right=0.98)
    data = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return fig, data
