"""Robustness grid for Remarks 1-2 and the "preliminary finding" of section 4.

The grid is built from the config, split into chunks (one Snakemake job each), evaluated point
by point, and summarised as the share of the grid where each claim holds.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

from gvcneg.theory.deremer2023.equilibrium import (
    SolveError,
    solve_public_preferred_tariffs,
    solve_reciprocity_stable_tariffs,
)
from gvcneg.theory.deremer2023.model import CountryPair, Weights
from gvcneg.theory.deremer2023.power import power_shift

PARAMETERS = ["gamma_M_G", "gamma_E_G", "public_gamma_M_gap", "public_gamma_E_gap", "foreign_scale"]


def _axis(spec: dict) -> np.ndarray:
    return np.round(np.linspace(spec["min"], spec["max"], spec["points"]), 12)


def build_remark_grid(grid_config: dict) -> pd.DataFrame:
    """All parameter combinations, one row per grid point, in a fixed order."""
    axes = [_axis(grid_config[name]) for name in PARAMETERS[:4]]
    axes.append(np.asarray(grid_config["foreign_scale"], dtype=float))
    frame = pd.DataFrame(list(itertools.product(*axes)), columns=PARAMETERS)
    frame.insert(0, "point_id", np.arange(len(frame)))
    return frame


def weights_at(point) -> tuple[CountryPair, CountryPair]:
    """Government and public weights of a grid point (Foreign = Home x scale; public = gov - gap)."""
    home = Weights(point["gamma_M_G"], point["gamma_E_G"])
    s = point["foreign_scale"]
    foreign = Weights(home.gamma_M * s, home.gamma_E * s)
    gap_m, gap_e = point["public_gamma_M_gap"], point["public_gamma_E_gap"]
    public = CountryPair(
        Weights(home.gamma_M - gap_m, home.gamma_E - gap_e),
        Weights(foreign.gamma_M - gap_m, foreign.gamma_E - gap_e),
    )
    return CountryPair(home, foreign), public


def evaluate_point(point) -> dict:
    """Solve one grid point and record which claims hold there."""
    government, public = weights_at(point)
    try:
        stable = solve_reciprocity_stable_tariffs(government)
        preferred = solve_public_preferred_tariffs(public)
        shift = power_shift(stable, government, public)
    except SolveError as err:
        return {"point_id": point["point_id"], "valid": False, "invalid_reason": str(err)}
    paper_condition = point["public_gamma_M_gap"] < 1.5 * point["public_gamma_E_gap"]
    return {
        "point_id": point["point_id"],
        "valid": True,
        "invalid_reason": "",
        "tau_G_x": stable.tau_x,
        "tau_G_y": stable.tau_y,
        "tau_W_x": preferred.tau_x,
        "tau_W_y": preferred.tau_y,
        "remark_1_holds": bool(preferred.tau_x > stable.tau_x and preferred.tau_y > stable.tau_y),
        "paper_condition": bool(paper_condition),
        **{k: v for k, v in shift.as_dict().items() if not k.endswith("_printed")},
    }


def evaluate_chunk(chunk: pd.DataFrame) -> pd.DataFrame:
    results = pd.DataFrame([evaluate_point(row) for _, row in chunk.iterrows()])
    return chunk.merge(results, on="point_id", how="left")


#: claim id -> (description, subset of valid points it is about, condition that must hold)
GRID_CLAIMS = {
    "remark_1_baseline": (
        "Remark 1: tau^W > tau^G (public import weight = government's)",
        lambda f: f["public_gamma_M_gap"] == 0,
        lambda f: f["remark_1_holds"],
    ),
    "remark_1_all": (
        "Remark 1: tau^W > tau^G (all public weights in the grid)",
        lambda f: f["valid"],
        lambda f: f["remark_1_holds"],
    ),
    "remark_1_condition_sufficient": (
        "Paper's condition (gM^G-gM^W) < 1.5 (gE^G-gE^W) implies tau^W > tau^G",
        lambda f: f["paper_condition"],
        lambda f: f["remark_1_holds"],
    ),
    "remark_1_condition_exact": (
        "Paper's condition holds exactly when tau^W > tau^G",
        lambda f: f["valid"],
        lambda f: f["paper_condition"] == f["remark_1_holds"],
    ),
    "section_4_dtau_x_positive": (
        "d tau_x / d lambda > 0 at the rules-based point",
        lambda f: f["valid"],
        lambda f: f["dtau_x_dlambda"] > 0,
    ),
    "section_4_dtau_y_negative": (
        "d tau_y* / d lambda < 0 at the rules-based point",
        lambda f: f["valid"],
        lambda f: f["dtau_y_dlambda"] < 0,
    ),
    "remark_2_terms_of_trade_gain": (
        "Remark 2: Home's terms-of-trade gain > 0",
        lambda f: f["valid"],
        lambda f: f["terms_of_trade"] > 0,
    ),
    "remark_2_import_rent_gain": (
        "Remark 2: Home's import-rent gain > 0",
        lambda f: f["valid"],
        lambda f: f["import_rent"] > 0,
    ),
    "remark_2_export_rent_gain": (
        "Remark 2: Home's export-rent gain > 0",
        lambda f: f["valid"],
        lambda f: f["export_rent"] > 0,
    ),
    "section_4_public_gains": (
        "Preliminary finding: Home's public gains on net from a power shift",
        lambda f: f["valid"],
        lambda f: f["home_public_gain"] > 0,
    ),
}


SCOPES = {
    "all": lambda f: f["valid"].astype(bool),
    "symmetric": lambda f: f["valid"].astype(bool) & (f["foreign_scale"] == 1.0),
}


def summarise_grid(results: pd.DataFrame) -> pd.DataFrame:
    """Share of the valid grid points where each claim holds, over the whole grid and over its
    symmetric part (Foreign's weights equal to Home's, the case the paper's closed forms cover).
    """
    frame = results.copy()
    for column in ("valid", "remark_1_holds", "paper_condition"):
        frame[column] = frame[column].fillna(False).astype(bool)
    rows = []
    for scope, in_scope in SCOPES.items():
        scoped = frame[in_scope(frame)]
        for claim, (description, subset, holds) in GRID_CLAIMS.items():
            part = scoped[subset(scoped).astype(bool)]
            n_holds = int(holds(part).astype(bool).sum())
            rows.append(
                {
                    "claim": claim,
                    "scope": scope,
                    "description": description,
                    "points": len(part),
                    "holds": n_holds,
                    "share_holds": n_holds / len(part) if len(part) else np.nan,
                }
            )
    return pd.DataFrame(rows)


def invalid_points(results: pd.DataFrame) -> pd.DataFrame:
    """Grid points without a non-prohibitive solution, with the reason (reported, not hidden)."""
    bad = results[~results["valid"].fillna(False).astype(bool)]
    return bad[["point_id", *PARAMETERS, "invalid_reason"]]


def public_gain_share_by(results: pd.DataFrame, rows: str, columns: str) -> pd.DataFrame:
    """Share of valid points where Home's public gains, by two grid parameters (long form)."""
    valid = results[results["valid"].astype(bool)]
    share = (
        valid.assign(gains=valid["home_public_gain"] > 0)
        .groupby([rows, columns])["gains"]
        .mean()
        .rename("share_public_gains")
        .reset_index()
    )
    return share
