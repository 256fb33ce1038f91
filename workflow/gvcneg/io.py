"""Writers shared by every document: figures (PNG + SVG + plotted data) and tables (CSV + MD + HTML).

Outputs are byte-deterministic for the same inputs (no timestamps, fixed SVG hash salt), so
Snakemake's checksum-based rerun detection sees "nothing changed" when nothing changed.

Every writer of a result goes through :func:`atomic_path`: the file is written next to its
destination under a temporary name and renamed into place, so an interrupted writer or a full
disk leaves the previous file (or none), never a truncated one.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
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


@contextlib.contextmanager
def atomic_path(path, mode: int | None = None):
    """A temporary path in the destination's folder; renamed to ``path`` (atomically, on the
    same file system) when the block ends without an error, deleted otherwise. The one way
    results are written: ``with atomic_path(out) as tmp: frame.to_csv(tmp)``."""
    path = _parent(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as handle:  # on disk before the rename makes it visible
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask() if mode is None else mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


# atomic_path's temporary names: "." + the target's name + "." + mkstemp's 8 random characters
# + ".tmp".
_TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")


def leftover_temporaries(root) -> list[Path]:
    """Temporary files of :func:`atomic_path` under ``root``. A writer killed with SIGKILL (or
    a power cut) cannot delete its temporary file; when no run is alive every such file is
    debris of an interrupted writer, never a result."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob(".*.tmp") if p.is_file() and _TEMPORARY.match(p.name))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_text(path, text: str) -> Path:
    """``Path.write_text``, atomically (see :func:`atomic_path`)."""
    with atomic_path(path) as tmp:
        tmp.write_text(text)
    return Path(path)


def write_bytes(path, data: bytes) -> Path:
    """``Path.write_bytes``, atomically (see :func:`atomic_path`)."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def save_figure(fig, data: pd.DataFrame, png, svg, csv, dpi: int = 150) -> None:
    """Write a figure as PNG and SVG, and exactly the data it plots as CSV."""
    plt = _pyplot()
    with atomic_path(png) as tmp:
        fig.savefig(tmp, format="png", dpi=dpi, metadata=_PNG_META, bbox_inches="tight")
    with atomic_path(svg) as tmp:
        fig.savefig(tmp, format="svg", metadata=_SVG_META, bbox_inches="tight")
    save_csv(data, csv)
    plt.close(fig)


def save_table(table: pd.DataFrame, csv, md, html, floatfmt: str = ".4f") -> None:
    """Write a table as CSV (full precision) and as Markdown and HTML (rounded for reading)."""
    save_csv(table, csv)
    write_text(md, table.to_markdown(index=False, floatfmt=floatfmt) + "\n")
    digits = int(floatfmt.strip(".f")) if floatfmt.endswith("f") else 4
    html_text = table.to_html(
        index=False, float_format=lambda v: f"{v:.{digits}f}", na_rep="", border=0
    )
    write_text(html, html_text + "\n")


def save_csv(frame: pd.DataFrame, path) -> None:
    """Write a data frame as CSV with a fixed float format."""
    with atomic_path(path) as tmp:
        frame.to_csv(tmp, index=False, float_format="%.10g")


def read_csv(path) -> pd.DataFrame:
    import pandas as pd

    return pd.read_csv(path)
