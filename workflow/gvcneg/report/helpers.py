"""Functions the report's Python chunks call (with ``#| output: asis``) to print Markdown.

The results directory comes from the environment variable ``GVCNEG_RESULTS`` (set by the
report rule); without it, ``../results`` relative to the report project.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd


def results_dir() -> Path:
    return Path(os.environ.get("GVCNEG_RESULTS", Path.cwd().parent / "results")).resolve()


def result(document: str, *parts: str) -> Path:
    return results_dir().joinpath(document, *parts)


def figure(document: str, stem: str, caption: str, label: str) -> None:
    """A figure with its caption; label becomes ``#fig-<label>`` (a Quarto cross-reference id)."""
    png = result(document, "figures", f"{stem}.png")
    data = result(document, "figures", f"{stem}.csv")
    print(f"![{caption}]({png}){{#fig-{label}}}\n")
    print(f"*Plotted data: `{data.relative_to(results_dir().parent)}`*\n")


def table(document: str, stem: str, caption: str = "", floatfmt: str = ".4g") -> None:
    """A results table (from its CSV) as a Markdown pipe table."""
    frame = pd.read_csv(result(document, "tables", f"{stem}.csv"))
    print_frame(frame, caption, floatfmt)


def print_frame(frame: pd.DataFrame, caption: str = "", floatfmt: str = ".4g") -> None:
    print(frame.to_markdown(index=False, floatfmt=floatfmt))
    if caption:
        print(f"\n: {caption}\n")
    print()


def computed_value(document: str, quantity: str) -> float:
    frame = pd.read_csv(result(document, "computed.csv")).set_index("quantity")
    return float(frame.loc[quantity, "value"])


def ledger(document: str | None = None) -> None:
    """The ledger rows (all, or one document's) as a Markdown table."""
    frame = pd.read_csv(results_dir() / "ledger.csv")
    if document is not None:
        frame = frame[frame["document"] == document]
    columns = ["id", "location", "published", "computed", "difference", "status", "explanation"]
    if "robustness" in frame and frame["robustness"].notna().any():
        # Specification sweeps: "k/n label" next to the main specification's status.
        columns.insert(columns.index("status") + 1, "robustness")
    if document is None:
        columns.insert(1, "document")
    frame = frame[columns].fillna("")
    print_frame(frame, floatfmt=".4g")


def ledger_summary() -> None:
    frame = pd.read_csv(results_dir() / "ledger.csv")
    counts = frame.groupby(["document", "status"]).size().unstack(fill_value=0).reset_index()
    print_frame(counts)


def load_table(document: str, stem: str) -> pd.DataFrame:
    """A results table as a data frame (for chunks that select or reshape before printing)."""
    return pd.read_csv(result(document, "tables", f"{stem}.csv"))
