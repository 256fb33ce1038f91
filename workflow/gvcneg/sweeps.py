"""Parameter sweeps shared by the theory models: split a grid into chunks (one Snakemake job
each) and gather the evaluated chunks back into one table."""

from __future__ import annotations

import numpy as np
import pandas as pd


def grid_chunk(grid: pd.DataFrame, chunk: int, n_chunks: int) -> pd.DataFrame:
    """The ``chunk``-th of ``n_chunks`` contiguous, near-equal slices of the grid."""
    if not 0 <= chunk < n_chunks:
        raise ValueError(f"chunk {chunk} outside 0..{n_chunks - 1}")
    bounds = np.linspace(0, len(grid), n_chunks + 1).round().astype(int)
    return grid.iloc[bounds[chunk] : bounds[chunk + 1]].reset_index(drop=True)


def gather_chunks(chunks: list[pd.DataFrame]) -> pd.DataFrame:
    """Stack the chunks in point order; check that no point is missing or duplicated."""
    frame = pd.concat(chunks, ignore_index=True).sort_values("point_id", kind="stable")
    ids = frame["point_id"].to_numpy()
    if len(ids) and not np.array_equal(ids, np.arange(len(ids))):
        raise ValueError("grid chunks do not cover the grid exactly once")
    return frame.reset_index(drop=True)


def specification_grid(axes: dict[str, list]) -> pd.DataFrame:
    """Every combination of the analysis choices in ``axes`` (choice -> list of values), one
    row per specification, in the order of the lists: the first row takes the first value of
    every choice (the declared main specification)."""
    if not axes:
        raise ValueError("a specification grid needs at least one choice")
    for name, values in axes.items():
        if not values:
            raise ValueError(f"choice {name!r} has no values")
    index = pd.MultiIndex.from_product(list(axes.values()), names=list(axes))
    return index.to_frame(index=False)
