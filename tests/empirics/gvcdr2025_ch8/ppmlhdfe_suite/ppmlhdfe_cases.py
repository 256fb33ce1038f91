"""The ppmlhdfe test problems, translated (data in ``data/``, MIT licence in ``LICENSE``).

Each case names the ppmlhdfe file it comes from and what that file asserts: the estimation
sample (``sample``: 1-based rows kept, or the ``separated`` column), identified regressors,
or an expected failure. Cases whose data ppmlhdfe draws with Stata's random-number generator
are re-drawn here with numpy from a fixed seed (same construction) and judged by the oracle's
exact LP separation check; the structural assertion of the original file still applies where
it does not depend on the draw (e.g. "sample == y > 0").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Case:
    name: str
    source: str  # ppmlhdfe file (test/*.do, test/separation_datasets, guides)
    load: object  # () -> DataFrame
    regressors: tuple[str, ...] = ()
    fixed_effects: tuple[str, ...] = ()
    drop_singletons: bool = True
    kept_rows: object = None  # (frame) -> bool array asserted by the source, or None
    identified: tuple[str, ...] | None = None  # asserted by the source
    expect_failure: bool = False
    # Values the source prints (to two or three digits; checked to 0.01).
    coef: dict = field(default_factory=dict)


def csv(name, **changes):
    def load():
        frame = pd.read_csv(DATA / f"{name}.csv")
        for column, fn in changes.items():
            frame[column] = fn(frame)
        return frame

    return load


def rows_except(*one_based):
    return lambda f: ~np.isin(np.arange(1, len(f) + 1), one_based)


def not_separated(f):
    return f["separated"].to_numpy() == 0


def cols(frame_name, prefix):
    head = pd.read_csv(DATA / f"{frame_name}.csv", nrows=0).columns
    return tuple(c for c in head if c.startswith(prefix))


def rng(seed=101010):
    return np.random.default_rng(seed)


def collinear2():
    g = rng()
    x1 = g.standard_normal(1000)
    y = np.exp(1 + 10 * x1) * g.poisson(1, 1000)
    return pd.DataFrame({"y": y, "x1": x1, "x2": (y == 0).astype(float)})


def collinear3():
    g = rng()
    x1 = g.standard_normal(1000)
    y = g.poisson(1, 1000).astype(float)
    return pd.DataFrame({"y": y, "x1": x1, "x2": (y == 0).astype(float)})


def collinear4():
    g = rng()
    x1 = g.standard_normal(1000)
    y = g.poisson(1, 1000).astype(float)
    return pd.DataFrame({"y": y, "x1": x1, "x2": (y == 0) * (1 + g.uniform(size=1000))})


def collinear5():
    frame = collinear2()
    frame["x2"] = 0.0
    return frame


def collinear6():
    g = rng()
    u, e, x1 = g.standard_normal((3, 1000))
    x2 = x1 + e / 18000
    return pd.DataFrame({"y": np.exp(1 + x1 + x2 + u), "x1": x1, "x2": x2})


def large_y():
    g = rng()
    u, x1, x2 = g.standard_normal((3, 1000))
    return pd.DataFrame({"y": np.exp(40 + x1 + x2 + u), "x1": x1, "x2": x2})


def hard3():
    g = rng(12345)
    n = np.arange(1, 101)
    return pd.DataFrame(
        {
            "y": (g.uniform(size=100) < 0.1).astype(float),
            "id1": np.ceil(n / 3).astype(int),
            "id2": np.ceil(np.where(n == 1, 100, n - 1) / 3).astype(int),
        }
    )


def allzero():
    g = rng()
    return pd.DataFrame(
        {"y": np.zeros(10), "x1": g.standard_normal(10), "x2": g.standard_normal(10)}
    )


def jittered_problem1():
    frame = pd.read_csv(DATA / "problem1.csv").astype({"y": float})
    g = rng(1)
    zero = frame["y"] == 0
    frame.loc[zero, "y"] = 1e-7 * g.uniform(size=zero.sum()) * 100
    frame["y"] = frame["y"] / frame["y"].min()
    return frame


def auto_like(seed=7):
    """Stand-in for Stata's auto.dta (not redistributable): 74 cars, 18 turn groups."""
    g = rng(seed)
    n = 74
    weight = g.uniform(1.76, 4.84, n)
    gear = g.uniform(2.19, 3.89, n)
    length = g.uniform(1.42, 2.33, n)
    turn = g.integers(31, 49, n)
    trunk = g.integers(5, 12, n)
    eta = 8 + 0.3 * weight - 0.2 * gear + 0.1 * length + 0.02 * (turn - 40)
    price = np.round(np.exp(eta + 0.3 * g.standard_normal(n)))
    return pd.DataFrame(
        {"y": price, "weight": weight, "gear": gear, "length": length, "turn": turn, "trunk": trunk}
    )


def fe_only_sim():
    g = rng(3)
    group = g.integers(0, 15, 300)
    return pd.DataFrame({"y": g.poisson(np.exp(0.5 + 0.2 * group)).astype(float), "g": group})


SEP = []
for i in range(1, 19):
    name = f"sepdata_{i:02d}"
    SEP.append(
        Case(
            name,
            f"test/separation_datasets/{i:02d}.csv",
            csv(name),
            cols(name, "x"),
            cols(name, "id"),
            drop_singletons=False,  # validate_tagsep.do runs with keepsing
            kept_rows=not_separated,
        )
    )

CASES: list[Case] = [
    *SEP,
    Case(
        "guide_example1",
        "guides/separation_benchmarks.md (example1.csv)",
        csv("guide_example1"),
        ("x1", "x2", "x3", "x4"),
        kept_rows=rows_except(5),
        identified=("x1", "x3", "x4"),
    ),
    Case(
        "guide_example2",
        "guides/separation_benchmarks.md (example2.csv)",
        csv("guide_example2"),
        ("x1", "x2", "x3", "x4"),
    ),
    Case(
        "guide_fe1",
        "guides/csv/fe1.csv",
        csv("guide_fe1"),
        ("x1", "x2"),
        ("i", "j"),
        kept_rows=rows_except(5, 7, 8, 14, 15),
        identified=("x1",),
    ),
    Case("guide_fe2", "guides/csv/fe2.csv", csv("guide_fe2"), ("x1",), ("i", "j")),
    Case("guide_fe3", "guides/csv/fe3.csv", csv("guide_fe3"), ("x1",), ("i", "j")),
    Case(
        "primer_simple",
        "guides/separation_primer.md",
        csv("primer_simple"),
        ("x",),
        kept_rows=rows_except(1, 2),
        identified=(),
    ),
    Case(
        "primer_two_regressors",
        "guides/separation_primer.md",
        csv("primer_two_regressors"),
        ("x1", "x2"),
        kept_rows=rows_except(1),
        identified=("x1",),
        coef={"x1": 0.35},
    ),
    Case(
        "primer_fe",
        "guides/separation_primer.md",
        csv("primer_fe"),
        (),
        ("id",),
        kept_rows=rows_except(1, 2),
    ),
    Case(
        "primer_fe_relu",
        "guides/separation_primer.md (id1 id2)",
        csv("hard1"),
        (),
        ("id1", "id2"),
        kept_rows=rows_except(3),
    ),
    Case(
        "primer_mu",
        "guides/separation_primer.md (sep(mu) pitfall)",
        csv("primer_mu"),
        (),
        ("id1", "id2"),
    ),
    Case(
        "benchmark_stata",
        "guides/separation_benchmarks.md (Stata)",
        csv("benchmark_stata"),
        ("x1", "x2", "x3"),
        kept_rows=rows_except(1, 5),
        coef={"x3": 0.066},
    ),
    Case("hard1", "test/hard1.do", csv("hard1"), (), ("id1", "id2"), kept_rows=rows_except(3)),
    Case(
        "hard2",
        "test/hard2.do",
        csv("hard2", y=lambda f: f["FTA"]),
        (),
        ("ijk_fe", "jkt_fe", "ikt_fe"),
        drop_singletons=False,
    ),
    Case("hard3", "test/hard3.do (re-drawn)", hard3, (), ("id1", "id2")),
    Case("hard4", "test/hard4.do", csv("hard4"), ("x2", "x3", "x4")),
    Case("hard4_x1", "test/hard4.do (with x1)", csv("hard4"), ("x1", "x2", "x3", "x4")),
    Case("hard5", "test/hard5.do", csv("hard5"), ("x1", "x2", "x3", "x4")),
    Case("hard5_x2x3x4", "test/hard5.do", csv("hard5"), ("x2", "x3", "x4")),
    Case(
        "problem1_keepsing",
        "test/problem1.do (test 1)",
        csv("problem1"),
        ("x1", "x2"),
        ("i", "j"),
        drop_singletons=False,
        kept_rows=rows_except(5, 8, 14, 15),
        identified=("x1",),
    ),
    Case(
        "problem1",
        "test/problem1.do (test 2)",
        csv("problem1"),
        ("x1", "x2"),
        ("i", "j"),
        kept_rows=rows_except(5, 7, 8, 14, 15),
        identified=("x1",),
    ),
    Case(
        "problem2",
        "test/problem2.do",
        csv("problem2"),
        ("x1", "x2"),
        ("i", "j"),
        kept_rows=rows_except(5, 6),
        identified=("x1",),
    ),
    Case(
        "problem3",
        "test/problem3.do",
        csv("problem3"),
        ("x1", "x2", "x3"),
        kept_rows=lambda f: np.ones(len(f), bool),
        identified=("x1", "x2", "x3"),
    ),
    Case(
        "problem4",
        "test/problem4.do",
        csv("problem4"),
        ("x1", "x2", "x3"),
        kept_rows=rows_except(1, 2, 3, 4, 5),
        identified=("x1", "x2"),
    ),
    Case(
        "problem5",
        "test/problem5.do",
        csv("problem5"),
        ("x1", "x2"),
        ("i", "j"),
        kept_rows=lambda f: (
            ((f["i"] != 4) & (f["i"] != 1) & (f["j"] != 3)).to_numpy() & rows_except(5)(f)
        ),
        identified=("x1",),
    ),
    Case(
        "problem6",
        "test/problem6.do",
        csv("problem6"),
        ("x",),
        kept_rows=lambda f: np.ones(len(f), bool),
    ),
    Case(
        "problem_mus18_1",
        "test/problem_mus18_1.do",
        csv("problem_mus18_1"),
        ("year", "age"),
        ("id",),
        drop_singletons=False,
    ),
    Case(
        "problem_mus18_2",
        "test/problem_mus18_2.do",
        csv("problem_mus18_2"),
        ("year", "age"),
        ("id",),
    ),
    Case(
        "collinear1",
        "test/collinear1.do",
        csv("collinear1"),
        ("x", "z"),
        ("im", "ex"),
        kept_rows=lambda f: (f["z"] != 1).to_numpy(),
        identified=("x",),
    ),
    Case(
        "collinear2",
        "test/collinear2.do (re-drawn)",
        collinear2,
        ("x1", "x2"),
        kept_rows=lambda f: (f["y"] > 0).to_numpy(),
        identified=("x1",),
    ),
    Case(
        "collinear3",
        "test/collinear3.do (re-drawn)",
        collinear3,
        ("x1", "x2"),
        kept_rows=lambda f: (f["y"] > 0).to_numpy(),
        identified=("x1",),
    ),
    Case(
        "collinear4",
        "test/collinear4.do (re-drawn)",
        collinear4,
        ("x1", "x2"),
        kept_rows=lambda f: (f["y"] > 0).to_numpy(),
        identified=("x1",),
    ),
    Case(
        "collinear5",
        "test/collinear5.do (re-drawn)",
        collinear5,
        ("x1", "x2"),
        kept_rows=lambda f: np.ones(len(f), bool),
        identified=("x1",),
    ),
    Case(
        "collinear6",
        "test/collinear6.do (re-drawn)",
        collinear6,
        ("x1", "x2"),
        kept_rows=lambda f: np.ones(len(f), bool),
    ),
    Case(
        "collinear7_x1",
        "test/collinear7.do (re-drawn)",
        collinear2,
        ("x1",),
        kept_rows=lambda f: np.ones(len(f), bool),
    ),
    Case(
        "collinear7",
        "test/collinear7.do (re-drawn)",
        collinear2,
        ("x1", "x2"),
        kept_rows=lambda f: (f["y"] > 0).to_numpy(),
        identified=("x1",),
    ),
    Case(
        "large_y",
        "test/large_y.do (re-drawn)",
        large_y,
        ("x1", "x2"),
        kept_rows=lambda f: np.ones(len(f), bool),
    ),
    Case("allzero", "test/allzero.do", allzero, ("x1", "x2"), expect_failure=True),
    Case(
        "skew",
        "test/skew.do",
        csv("skew", y=lambda f: f["y"].astype(float).where(f.index != 2, 1e-8)),
        (),
        ("id1", "id2"),
        kept_rows=lambda f: np.ones(len(f), bool),
    ),
    Case(
        "jittered_problem1",
        "test/jittered_problem1.do (re-drawn)",
        jittered_problem1,
        ("x1", "x2"),
        ("i", "j"),
    ),
    Case(
        "relu_lf_bug",
        "test/relu_extra.do (lf_bug)",
        csv("lf_bug"),
        (),
        ("id1", "id2"),
        kept_rows=not_separated,
    ),
    Case(
        "relu_ill_defined",
        "test/relu_extra.do (ill-defined)",
        csv("relu_ill_defined"),
        ("x",),
        kept_rows=lambda f: np.ones(len(f), bool),
    ),
    Case("ill_conditioned", "test/ill_conditioned.do", csv("ill_conditioned"), ("x1",)),
    Case(
        "simple_noabsorb",
        "test/simple.do (auto.dta stand-in)",
        auto_like,
        ("weight", "gear", "length"),
    ),
    Case(
        "simple_absorb_turn",
        "test/simple.do (auto.dta stand-in)",
        auto_like,
        ("weight", "gear", "length"),
        ("turn",),
        drop_singletons=False,
    ),
    Case(
        "two_way",
        "test/two_way.do (auto.dta stand-in)",
        auto_like,
        ("weight", "gear", "length"),
        ("turn", "trunk"),
        drop_singletons=False,
    ),
    Case(
        "no_regressors",
        "test/no_regressors.do (simulated stand-in)",
        fe_only_sim,
        (),
        ("g",),
        drop_singletons=False,
    ),
    Case("no_regressors_noabsorb", "test/no_regressors.do (simulated stand-in)", fe_only_sim),
]

# fmt: off
# Rows of the matrices ppmlhdfe's test/simplex_internal.do hands its simplex (observations
# with y = 0, after the y > 0 constraints are eliminated) and the answers it asserts
# (1 = not separated, 0 = separated).
SIMPLEX_INTERNAL = [
    ([[1, 1, 0, 0], [12, 0, -5, 6]], [0, 0, 1, 1]),
    ([[1, 1, 0, 0], [12, 0, -5, 0]], [0, 0, 0, 1]),
    ([[-1, 1, 0, 0], [12, 0, -5, 0]], [1, 1, 1, 1]),
    ([[1, 0, 0]], [0, 1, 1]),
    ([[1]], [0]),
    ([[0, 0, 0]], [1, 1, 1]),
    ([[1, -1, -1, 0], [-1, 1, -1, 0], [-1, -1, 1, 0]], [0, 0, 0, 1]),
    ([[1, -1, -1, 1], [-1, 1, -1, 0], [-1, -1, 1, 0]], [0, 1, 1, 1]),
    ([[1, 2, -3, -4]] * 4, [1, 1, 1, 1]),
    ([[1, 2, -3, -4]] * 5, [1, 1, 1, 1]),
    ([[1, 2, -3, -4], [2, 4, -6, -8], [3, 6, -9, -12]], [1, 1, 1, 1]),
    ([[1, 2, -3, -4], [2, -2, 0, 0], [3, 0, -3, -4]], [1, 1, 1, 1]),
    ([[0.3, -2], [3, -20]], [1, 1]),
    ([[0.3, 1], [-2, -1]], [0, 0]),
    ([[0.3, 1, 0], [-2, -1, 0]], [0, 0, 1]),
]
# fmt: on
