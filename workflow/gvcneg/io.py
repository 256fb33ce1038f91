"""Writers shared by every document: figures (PNG + SVG + plotted data) and tables (CSV + MD + HTML).

Outputs are byte-deterministic for the same inputs (no timestamps, fixed SVG hash salt), so
Snakemake's checksum-based rerun detection sees "nothing changed" when nothing changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas and matplotlib load only when a writer runs (job start-up time)
    import pandas as pd

_PNG_META = {"Software": None}
_SVG_META = {"Date": None, "Creator": None}


def _pyplot():
    """matplotlib's pyplot, headless, with the settings that make SVG output deterministic.

    Imported here rather than at module level: most rule scripts write only CSV, and matplotlib
    costs about a third of a second of every job's start-up.
    """
    import sys

    import matplotlib

    if "matplotlib.pyplot" not in sys.modules:  # switching later would close open figures
        matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "gvcneg"
    plt.rcParams["svg.fonttype"] = "path"
    return plt


def _parent(path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def save_figure(fig, data: pd.DataFrame, png, svg, csv, dpi: int = 150) -> None:
    """Write a figure as PNG and SVG, and exactly the data it plots as CSV."""
    plt = _pyplot()
    fig.savefig(_parent(png), dpi=dpi, metadata=_PNG_META, bbox_inches="tight")
    fig.savefig(_parent(svg), metadata=_SVG_META, bbox_inches="tight")
    data.to_csv(_parent(csv), index=False, float_format="%.10g")
    plt.close(fig)


def save_table(table: pd.DataFrame, csv, md, html, floatfmt: str = ".4f") -> None:
    """Write a table as CSV (full precision) and as Markdown and HTML (rounded for reading)."""
    table.to_csv(_parent(csv), index=False, float_format="%.10g")
    _parent(md).write_text(table.to_markdown(index=False, floatfmt=floatfmt) + "\n")
    digits = int(floatfmt.strip(".f")) if floatfmt.endswith("f") else 4
    html_text = table.to_html(
        index=False, float_format=lambda v: f"{v:.{digits}f}", na_rep="", border=0
    )
    _parent(html).write_text(html_text + "\n")


def save_csv(frame: pd.DataFrame, path) -> None:
    """Write a data frame as CSV with a fixed float format."""
    frame.to_csv(_parent(path), index=False, float_format="%.10g")


def read_csv(path) -> pd.DataFrame:
    import pandas as pd

    return pd.read_csv(path)
