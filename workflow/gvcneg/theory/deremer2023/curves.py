"""The curves of Figure 1 as zero-level sets on a tariff grid (tau_x horizontal, tau_y* vertical).

S, S*  : Home / Foreign indifferent to reciprocal changes (conditions (6))
N, N*  : Home / Foreign iso-objective curves through the Nash point
EF     : efficiency frontier, tangency G_x G*_y = G_y G*_x where the governments' gradients are
         opposed (a positive welfare weight lambda), i.e. between S and S*
"""

from __future__ import annotations

import contourpy
import numpy as np
import pandas as pd

from gvcneg.theory.deremer2023 import model
from gvcneg.theory.deremer2023.equilibrium import (
    efficiency_frontier_condition,
    nash_tariffs,
    solve_public_preferred_tariffs,
    solve_reciprocity_stable_tariffs,
)
from gvcneg.theory.deremer2023.model import CountryPair

CURVES = ("S", "S*", "N", "N*", "EF")


def curve_fields(tau_x, tau_y, government: CountryPair) -> dict[str, np.ndarray]:
    """Each curve's defining function on the mesh (the curve is its zero set)."""
    nash = nash_tariffs(government)
    r = model.reciprocity_ratio(tau_x, tau_y)
    gx, gy = model.home_gradient(tau_x, tau_y, government)
    sx, sy = model.foreign_gradient(tau_x, tau_y, government)
    frontier = np.where(
        gx * sx < 0, efficiency_frontier_condition(tau_x, tau_y, government), np.nan
    )
    return {
        "S": gx + r * gy,
        "S*": sx + r * sy,
        "N": model.home_objective(tau_x, tau_y, government)
        - model.home_objective(nash.tau_x, nash.tau_y, government),
        "N*": model.foreign_objective(tau_x, tau_y, government)
        - model.foreign_objective(nash.tau_x, nash.tau_y, government),
        "EF": frontier,
    }


def zero_level_lines(x: np.ndarray, y: np.ndarray, z: np.ndarray) -> list[np.ndarray]:
    """Polylines of z = 0 (marching squares, contourpy)."""
    generator = contourpy.contour_generator(x, y, np.ma.masked_invalid(z))
    return [line for line in generator.lines(0.0) if len(line) > 1]


def figure_1_curves(
    government: CountryPair, tau_min: float, tau_max: float, grid_points: int
) -> pd.DataFrame:
    """Long table of the curves' vertices: curve, segment, vertex, tau_x, tau_y."""
    axis = np.linspace(tau_min, tau_max, grid_points)
    tau_x, tau_y = np.meshgrid(axis, axis)
    rows = []
    for name, field in curve_fields(tau_x, tau_y, government).items():
        for segment, line in enumerate(zero_level_lines(tau_x, tau_y, field)):
            rows.append(
                pd.DataFrame(
                    {
                        "curve": name,
                        "segment": segment,
                        "vertex": np.arange(len(line)),
                        "tau_x": line[:, 0],
                        "tau_y": line[:, 1],
                    }
                )
            )
    return pd.concat(rows, ignore_index=True)


def figure_1_points(government: CountryPair, public: CountryPair) -> pd.DataFrame:
    """The labelled points: Nash, the stable efficient point (rules-based) and W."""
    points = {
        "Nash": nash_tariffs(government),
        "Stable efficient point": solve_reciprocity_stable_tariffs(government),
        "W": solve_public_preferred_tariffs(public),
    }
    return pd.DataFrame(
        [{"point": k, "tau_x": v.tau_x, "tau_y": v.tau_y} for k, v in points.items()]
    )
