"""Inference a referee asks for on chapter 8's PPML: clusterings and randomisation inference.

The chapter clusters by directed dyad (Table 8.A.5: "dyad-clustered"), which splits each
treated country pair over two clusters although a deal is signed by the pair. A referee asks
for the level of assignment (the unordered pair), two-way exporter and importer clustering,
pair plus exporter-year, and a test that does not rest on many clusters. The standard errors
under each clustering are pyfixest's CRV1 on the same fit (:func:`fit_ppml`'s
``clusterings``). No maintained library offers a small-cluster-robust test for PPML
(pyfixest's ``wildboottest`` raises for Poisson models; its ``ritest`` permutes a column and
cannot keep the staggered signing years), so the randomisation inference here is hand-written
and small: the pairs' signing years are re-assigned across pairs (the observed timing kept
exactly, treatment at the pair level) and the observed t-ratio compared with the re-assigned
ones (:func:`randomisation_p_value`; Young 2019, "randomization-t").
"""

from __future__ import annotations

from collections.abc import Callable
from statistics import NormalDist
from typing import Literal, get_args

import numpy as np
import pandas as pd

Clustering = Literal["dyad", "pair", "exporter+importer", "pair+exporter_year"]
CLUSTERINGS: tuple[Clustering, ...] = get_args(Clustering)
# What each clustering groups, in words (report and ledger text name clusterings by these).
CLUSTERING_LABELS: dict[Clustering, str] = {
    "dyad": "directed dyad, the chapter's",
    "pair": "unordered country pair, where a deal is assigned",
    "exporter+importer": "two-way, exporter and importer",
    "pair+exporter_year": "two-way, country pair and exporter-year",
}


def cluster_spec(clustering: Clustering, keys: tuple[str, str, str]) -> str:
    """The column(s) of a clustering on data keyed by (exporter, importer, year) columns
    ``keys``, with ``pair``/``dyad`` and ``<exporter>_<year>`` columns present (see
    :func:`add_cluster_columns`); two-way clusterings join two columns with "+"."""
    exp, imp, time = keys
    return {
        "dyad": "dyad",
        "pair": "pair",
        "exporter+importer": f"{exp}+{imp}",
        "pair+exporter_year": f"pair+{exp}_{time}",
    }[clustering]


def add_cluster_columns(data: pd.DataFrame, keys: tuple[str, str, str]) -> pd.DataFrame:
    """``pair`` (unordered), ``dyad`` (directed) and ``<exporter>_<year>`` codes, where missing."""
    exp, imp, time = keys
    out = data.copy()
    e, i = out[exp].astype(str), out[imp].astype(str)
    if "pair" not in out:
        out["pair"] = np.where(e < i, e + "_" + i, i + "_" + e)
    if "dyad" not in out:
        out["dyad"] = e + "_" + i
    if f"{exp}_{time}" not in out:
        out[f"{exp}_{time}"] = e + "_" + out[time].astype(str)
    return out


def reassigned_first_years(first_by_pair: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Pair-level signing years (one row per pair; NaN = never) permuted across pairs, all
    columns of a row together: the same number of signings in each year, other pairs."""
    order = rng.permutation(len(first_by_pair))
    return pd.DataFrame(
        first_by_pair.to_numpy()[order], index=first_by_pair.index, columns=first_by_pair.columns
    )


def randomisation_p_value(observed: float, reassigned: np.ndarray) -> float:
    """Two-sided randomisation p-value of a statistic: the share of re-assignments (and the
    observed assignment itself) at least as extreme, (1 + #{|s_b| >= |s|}) / (1 + B)."""
    reassigned = np.asarray(reassigned, dtype=float)
    reassigned = reassigned[np.isfinite(reassigned)]
    return float((1 + np.sum(np.abs(reassigned) >= abs(observed))) / (1 + len(reassigned)))


def randomisation_test(
    data: pd.DataFrame,
    first_years: list[str],
    treatment_t: Callable[[pd.DataFrame], float],
    draws: int,
    rng: np.random.Generator,
    pair: str = "pair",
) -> tuple[float, float, np.ndarray]:
    """Randomisation-t test of a treatment whose timing is given per ``pair`` by the columns
    ``first_years`` (e.g. the first signing and the first binding deal, re-assigned together).

    ``treatment_t(frame)`` fits the model on a frame whose ``first_years`` columns have been
    set and returns the treatment's t-ratio (the caller builds the treatment dummies from
    them). Returns (observed t, p-value, the ``draws`` re-assigned t-ratios)."""
    by_pair = data.groupby(pair)[list(first_years)].first()
    observed = treatment_t(data)
    stats = []
    for _ in range(draws):
        moved = reassigned_first_years(by_pair, rng)
        frame = data.assign(**{c: data[pair].map(moved[c]) for c in first_years})
        stats.append(treatment_t(frame))
    stats = np.asarray(stats, dtype=float)
    return observed, randomisation_p_value(observed, stats), stats


def critical_t(t_ratios: pd.Series, size: float = 0.05) -> float:
    """The |t| a two-sided test of the given size needs when the t-ratios' distribution is the
    placebo's (signings without effect): their (1 - size) quantile of |t|."""
    return (
        float(np.quantile(np.abs(t_ratios.dropna()), 1 - size))
        if t_ratios.notna().any()
        else np.nan
    )


# Significance stars as the chapter prints them: * p<0.1, ** p<0.05, *** p<0.01 (two-sided).
STAR_LEVELS = (0.1, 0.05, 0.01)


def star_thresholds(calibrated: dict[float, float] | None = None) -> dict[float, float]:
    """The |t| each star level needs: the normal critical value, or the placebo-calibrated one
    (:func:`critical_t` of the placebo's t-ratios) where that is larger, i.e. where the
    clustered errors under-cover under signings without effect."""
    calibrated = calibrated or {}
    out = {}
    for level in STAR_LEVELS:
        nominal = NormalDist().inv_cdf(1 - level / 2)
        placebo = calibrated.get(level, np.nan)
        out[level] = max(nominal, placebo) if np.isfinite(placebo) else nominal
    return out


def star_count(t_ratio: float, thresholds: dict[float, float]) -> float:
    """Stars (0-3) of a t-ratio against ``thresholds`` (level -> |t| needed); NaN without one."""
    if not np.isfinite(t_ratio):
        return np.nan
    return float(sum(abs(t_ratio) > thresholds[level] for level in STAR_LEVELS))


def placebo_thresholds(
    summary: pd.DataFrame | None, estimator_prefix: str, flows: tuple[str, ...]
) -> dict[str, tuple[dict[float, float], str]]:
    """Clustering -> (the placebo's critical |t| per star level, the placebo's rows named) from
    the placebo estimators table (``critical_abs_t_<10|5|1>pct``), taking the first of
    ``flows`` (estimator-name suffixes, e.g. the chapter's own flows, then the stand-in panel)
    that the table has."""
    if summary is None:
        return {}
    columns = {
        0.1: "critical_abs_t_10pct",
        0.05: "critical_abs_t_5pct",
        0.01: "critical_abs_t_1pct",
    }
    for flow in flows:
        rows = summary[summary["estimator"] == f"{estimator_prefix}, {flow}"]
        if len(rows):
            return {
                row.clustering: (
                    {level: float(getattr(row, c)) for level, c in columns.items()},
                    f"{flow}, {int(row.seeds)} placebo seeds",
                )
                for row in rows.itertuples()
            }
    return {}
