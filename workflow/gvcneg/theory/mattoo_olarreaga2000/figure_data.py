"""The curves and points each figure plots, computed from a solved baseline scenario."""

from __future__ import annotations

from dataclasses import astuple

import numpy as np
import pandas as pd

from gvcneg.theory.mattoo_olarreaga2000.baseline import FIGURE_2_SCENARIO
from gvcneg.theory.mattoo_olarreaga2000.contract_curve import ray_intersection
from gvcneg.theory.mattoo_olarreaga2000.reactions import (
    LinearReaction,
    negotiating_currency_factor,
    reaction_of_A,
    reaction_of_B,
)
from gvcneg.theory.mattoo_olarreaga2000.rules import RULE_LABELS, RULES, Governments
from gvcneg.theory.mattoo_olarreaga2000.scenarios import governments_of
from gvcneg.theory.mattoo_olarreaga2000.specification import Quadratic


def _row(solved: pd.DataFrame, scenario: str) -> pd.Series:
    match = solved[solved["scenario"] == scenario]
    if len(match) != 1:
        raise KeyError(f"scenario {scenario!r} not in the solved baseline")
    return match.iloc[0]


def _gov(row: pd.Series) -> Governments:
    """The governments of one scenario, with scalar (0-d) coefficients."""
    gov = governments_of(row.to_frame().T.reset_index(drop=True))

    def scalar(q: Quadratic) -> Quadratic:
        return Quadratic(*(np.asarray(v, dtype=float).reshape(()) for v in astuple(q)))

    return Governments(scalar(gov.A_before), scalar(gov.A_after), scalar(gov.B))


def _curve_A(name, reaction: LinearReaction, t_B):
    return pd.DataFrame({"series": name, "t_A": reaction(t_B), "t_B": t_B})


def _curve_B(name, reaction: LinearReaction, t_A):
    return pd.DataFrame({"series": name, "t_A": t_A, "t_B": reaction(t_A)})


def _points(items: dict) -> pd.DataFrame:
    return pd.DataFrame(
        [{"series": k, "t_A": float(v[0]), "t_B": float(v[1])} for k, v in items.items()]
    )


def figure_1_data(solved: pd.DataFrame, t_max: float, points: int) -> pd.DataFrame:
    """Intertemporal (no-credit) reaction functions before and after a small and a large change."""
    small, large = _row(solved, "small"), _row(solved, "large")
    grid = np.linspace(0.0, t_max, points)
    factor = float(negotiating_currency_factor(small["retention"], small["discount"]))
    g_small, g_large = _gov(small), _gov(large)
    frames = [
        _curve_A("R_A (T-1)", reaction_of_A(g_small.A_before, factor), grid),
        _curve_A("R_A small change", reaction_of_A(g_small.A_after, factor), grid),
        _curve_A("R_A large change", reaction_of_A(g_large.A_after, factor), grid),
        _curve_B("R_B", reaction_of_B(g_small.B, factor), grid),
        _points(
            {
                "bindings t^{T-1}": (small["t0_A"], small["t0_B"]),
                "period T, small change": (small["T_no_credit_A"], small["T_no_credit_B"]),
                "period T, large change": (large["T_no_credit_A"], large["T_no_credit_B"]),
            }
        ),
    ]
    return pd.concat(frames, ignore_index=True)


def best_response_path(r_A, r_B, cap_A, cap_B, steps: int = 40) -> pd.DataFrame:
    """Alternating capped best responses from the bindings (the adjustment of Figure 2)."""

    def scalar(v):
        return float(np.asarray(v, dtype=float).reshape(-1)[0])

    x, y = scalar(cap_A), scalar(cap_B)
    rows = [(0, x, y)]
    for k in range(1, steps + 1):
        x = min(scalar(r_A(y)), scalar(cap_A))
        rows.append((2 * k - 1, x, y))
        y = min(scalar(r_B(x)), scalar(cap_B))
        rows.append((2 * k, x, y))
    return pd.DataFrame(rows, columns=["step", "t_A", "t_B"])


def figure_2_data(solved: pd.DataFrame, t_max: float, points: int) -> pd.DataFrame:
    """Static reaction functions under ex-ante credit; B dragged below its binding.

    Drawn at the strong-complements scenario (see ``baseline``)."""
    large = _row(solved, FIGURE_2_SCENARIO)
    g = _gov(large)
    grid = np.linspace(0.0, t_max, points)
    r_A, r_B = reaction_of_A(g.A_after), reaction_of_B(g.B)
    path = best_response_path(r_A, r_B, large["t0_A"], large["t0_B"])
    path.insert(0, "series", "adjustment path")
    frames = [
        _curve_A("R_A* (T-1)", reaction_of_A(g.A_before), grid),
        _curve_A("R_A* after change", r_A, grid),
        _curve_B("R_B* ", r_B, grid),
        path,
        _points(
            {
                "bindings t^{T-1}": (large["t0_A"], large["t0_B"]),
                "new equilibrium *": (large["T_ex_ante_A"], large["T_ex_ante_B"]),
                "no credit": (large["T_no_credit_A"], large["T_no_credit_B"]),
            }
        ),
    ]
    return pd.concat(frames, ignore_index=True)


def figure_3_data(solved: pd.DataFrame) -> pd.DataFrame:
    """Tariff profiles over T-1, T, T+1 (exogenous cut) by rule, for both countries."""
    large = _row(solved, "large")
    rows = []
    for rule in RULES:
        for country in "AB":
            for period, value in (
                ("T-1", large[f"t0_{country}"]),
                ("T", large[f"T_{rule}_{country}"]),
                ("T+1", large[f"T1x_{rule}_{country}"]),
            ):
                rows.append(
                    {
                        "country": country,
                        "period": period,
                        "rule": RULE_LABELS[rule],
                        "tariff": float(value),
                    }
                )
    return pd.DataFrame(rows)


def contract_curve_points(V_A, V_B, n: int) -> pd.DataFrame:
    """The contract curve traced by rays from the origin (angles in (0, pi/2))."""
    angle = np.linspace(0.01, np.pi / 2 - 0.01, n)
    scale = ray_intersection(V_A, V_B, np.cos(angle), np.sin(angle))
    frame = pd.DataFrame({"t_A": scale * np.cos(angle), "t_B": scale * np.sin(angle)})
    return frame.dropna().reset_index(drop=True)


def figure_4_data(solved: pd.DataFrame, points: int) -> pd.DataFrame:
    """Contract curves before/after, N, X, Y and the rays of equiproportionate cuts."""
    large = _row(solved, "large")
    g = _gov(large)
    before = contract_curve_points(g.A_before, g.B, points).assign(series="CC (T-1)")
    after = contract_curve_points(g.A_after, g.B, points).assign(series="C'C' (after change)")
    N = (large["T_no_credit_A"], large["T_no_credit_B"])
    t0 = (large["t0_A"], large["t0_B"])
    rays = pd.DataFrame(
        {
            "series": ["ray through N"] * 2 + ["ray through t^{T-1}"] * 2,
            "t_A": [0.0, N[0], 0.0, t0[0]],
            "t_B": [0.0, N[1], 0.0, t0[1]],
        }
    )
    pts = _points(
        {
            "Nash (T-1)": (large["nash_A"], large["nash_B"]),
            "t^{T-1}": t0,
            "N": N,
            "X (no credit)": (large["X_A"], large["X_B"]),
            "Y (credit)": (large["Y_A"], large["Y_B"]),
        }
    )
    return pd.concat([before, after, rays, pts], ignore_index=True)[["series", "t_A", "t_B"]]


def figure_5_data(solved: pd.DataFrame, t_max: float, points: int) -> tuple[pd.DataFrame, dict]:
    """B's value on a tariff grid and the contour levels through B0, N, X and Y."""
    large = _row(solved, "large")
    g = _gov(large)
    axis = np.linspace(0.0, t_max, points)
    x, y = np.meshgrid(axis, axis)
    value = g.B.value(x, y)
    surface = pd.DataFrame(
        {"series": "V_B surface", "t_A": x.ravel(), "t_B": y.ravel(), "value_B": value.ravel()}
    )
    levels = {
        "B0 (t^{T-1})": (large["t0_A"], large["t0_B"]),
        "N": (large["T_no_credit_A"], large["T_no_credit_B"]),
        "X (no credit)": (large["X_A"], large["X_B"]),
        "Y (credit)": (large["Y_A"], large["Y_B"]),
    }
    pts = _points(levels)
    pts["value_B"] = [float(g.B.value(*levels[k])) for k in levels]
    after = contract_curve_points(g.A_after, g.B, 200).assign(series="C'C' (after change)")
    after["value_B"] = g.B.value(after["t_A"].to_numpy(), after["t_B"].to_numpy())
    return pd.concat([surface, after, pts], ignore_index=True), dict(
        zip(pts["series"], pts["value_B"], strict=True)
    )


def contract_curve_whole_slopes(solved: pd.DataFrame, n: int = 400) -> pd.DataFrame:
    """Slopes along the whole contract curves before (CC) and after (C'C') the change, traced
    by rays from the origin, at the large change (footnote 25 speaks of the whole curve)."""
    from gvcneg.theory.mattoo_olarreaga2000.contract_curve import contract_curve_slope

    g = _gov(_row(solved, "large"))
    frames = []
    for name, V_A in (("CC (T-1)", g.A_before), ("C'C' (after change)", g.A_after)):
        curve = contract_curve_points(V_A, g.B, n)
        slope = contract_curve_slope(V_A, g.B, curve["t_A"].to_numpy(), curve["t_B"].to_numpy())
        frames.append(curve.assign(series=name, slope=slope))
    return pd.concat(frames, ignore_index=True)


def contract_curve_segment_slopes(solved: pd.DataFrame, n: int = 101) -> pd.DataFrame:
    """Slopes of the new contract curve between the rays through t^{T-1} (Y) and N (X)."""
    from gvcneg.theory.mattoo_olarreaga2000.contract_curve import contract_curve_slope

    large = _row(solved, "large")
    g = _gov(large)
    lo = np.arctan2(large["t0_B"], large["t0_A"])
    hi = np.arctan2(large["T_no_credit_B"], large["T_no_credit_A"])
    angle = np.linspace(min(lo, hi), max(lo, hi), n)
    scale = ray_intersection(g.A_after, g.B, np.cos(angle), np.sin(angle))
    t_A, t_B = scale * np.cos(angle), scale * np.sin(angle)
    slope = contract_curve_slope(g.A_after, g.B, t_A, t_B)
    return pd.DataFrame({"angle": angle, "t_A": t_A, "t_B": t_B, "slope": slope})
