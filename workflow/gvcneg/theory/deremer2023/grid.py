"""Robustness grid for Remarks 1-2 and the "preliminary finding" of section 4.

The grid is built from the config, split into chunks (one Snakemake job each), evaluated (the
solves of a chunk's points together, with the point-by-point answers), and summarised per
claim on the claim's *domain* (the premises its section states,
``gvcneg.theory.deremer2023.domain``) and, separately, outside it. Outside the domain a claim
is an extension: reported with its own rows, never part of the verdict.

Each point records two solves separately: the government's stable point (conditions (6) with
G, G*) and the public-preferred point (the same with W, W*). A failed public solve leaves the
results that need only the stable point (section 4, Remark 2, the local form of Remark 1) in
place; the reason of each failure is kept.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from gvcneg.theory.deremer2023 import model
from gvcneg.theory.deremer2023.domain import in_domain, premise_holds
from gvcneg.theory.deremer2023.equilibrium import (
    MAX_TARIFF,
    SolveError,
    TariffPair,
    equation_7,
    solve_public_preferred_tariffs,
    solve_reciprocity_stable_many,
    solve_reciprocity_stable_tariffs,
)
from gvcneg.theory.deremer2023.exact_condition import exact_condition, paper_condition
from gvcneg.theory.deremer2023.model import CountryPair, Weights
from gvcneg.theory.deremer2023.power import power_shift
from gvcneg.theory.deremer2023.public_path import lower_tariffs_strictly_worse

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
    foreign = Weights(round(home.gamma_M * s, 12), round(home.gamma_E * s, 12))
    gap_m, gap_e = point["public_gamma_M_gap"], point["public_gamma_E_gap"]
    public = CountryPair(
        Weights(home.gamma_M - gap_m, home.gamma_E - gap_e),
        Weights(foreign.gamma_M - gap_m, foreign.gamma_E - gap_e),
    )
    return CountryPair(home, foreign), public


def _weight_columns(government: CountryPair, public: CountryPair) -> dict:
    values = {}
    for who, pair in (("gov", government), ("pub", public)):
        for country in ("home", "foreign"):
            w = getattr(pair, country)
            values[f"{who}_{country}_M"] = w.gamma_M
            values[f"{who}_{country}_E"] = w.gamma_E
    return values


def public_gain_from_reciprocal_increase(stable, public: CountryPair) -> tuple[float, float]:
    """dW and dW* for a small reciprocal tariff increase (1, r) at the government's stable point:
    the paper's own argument for Remark 1 (section 3.2) is that both are positive."""
    r = model.reciprocity_ratio(stable.tau_x, stable.tau_y)
    wx, wy = model.home_gradient(stable.tau_x, stable.tau_y, public)
    sx, sy = model.foreign_gradient(stable.tau_x, stable.tau_y, public)
    return float(wx + r * wy), float(sx + r * sy)


def _public_failure_reason(public: CountryPair, err: SolveError) -> str:
    if public.home == public.foreign:
        closed = equation_7(public.home.gamma_M, public.home.gamma_E)
        if closed >= MAX_TARIFF:
            return f"public-preferred tariff prohibitive (equation (7) with W weights = {closed:.4f} >= 1/6)"
    return f"public-preferred point: {err}"


def _solved(result: TariffPair | SolveError) -> TariffPair:
    if isinstance(result, SolveError):
        raise result
    return result


def evaluate_point(
    point,
    lower_tariffs: dict | None = None,
    stable: TariffPair | SolveError | None = None,
    preferred: TariffPair | SolveError | None = None,
) -> dict:
    """Solve one grid point and record which claims hold there.

    ``lower_tariffs`` ({tau_min, points}) sets the tariff grid of the check that tariffs below
    tau^W are strictly worse for the public (symmetric points only). ``stable`` and
    ``preferred`` are the point's two solves (a tariff pair or the solver's error) when they
    were solved with the rest of a chunk; by default the point is solved here.
    """
    lower_tariffs = lower_tariffs or {"tau_min": -0.5, "points": 201}
    government, public = weights_at(point)
    symmetric = government.home == government.foreign and public.home == public.foreign
    row = {
        "point_id": point["point_id"],
        **_weight_columns(government, public),
        "stable_valid": False,
        "stable_reason": "",
        "public_valid": False,
        "public_reason": "",
    }
    try:
        stable = solve_reciprocity_stable_tariffs(government) if stable is None else _solved(stable)
    except SolveError as err:
        row["stable_reason"] = f"stable point: {err}"
        row["public_reason"] = "not attempted (no stable point)"
        return row
    home_gain, foreign_gain = public_gain_from_reciprocal_increase(stable, public)
    gap_m, gap_e = point["public_gamma_M_gap"], point["public_gamma_E_gap"]
    row.update(
        stable_valid=True,
        tau_G_x=stable.tau_x,
        tau_G_y=stable.tau_y,
        public_local_gain_home=home_gain,
        public_local_gain_foreign=foreign_gain,
        paper_condition=bool(paper_condition(gap_m, gap_e)),
        exact_condition=(
            bool(exact_condition(government.home.gamma_M, government.home.gamma_E, gap_m, gap_e))
            if symmetric
            else np.nan
        ),
        **{
            k: v
            for k, v in power_shift(stable, government, public).as_dict().items()
            if not k.endswith("_printed")
        },
    )
    try:
        preferred = (
            solve_public_preferred_tariffs(public) if preferred is None else _solved(preferred)
        )
    except SolveError as err:
        row["public_reason"] = _public_failure_reason(public, err)
        return row
    row.update(
        public_valid=True,
        tau_W_x=preferred.tau_x,
        tau_W_y=preferred.tau_y,
        remark_1_holds=bool(preferred.tau_x > stable.tau_x and preferred.tau_y > stable.tau_y),
        lower_tariffs_worse=(
            lower_tariffs_strictly_worse(
                public,
                min(lower_tariffs["tau_min"], preferred.tau_x - 0.05),
                lower_tariffs["points"],
                preferred,
            )
            if symmetric
            else np.nan
        ),
    )
    return row


def evaluate_chunk(chunk: pd.DataFrame, lower_tariffs: dict | None = None) -> pd.DataFrame:
    """Evaluate a chunk of grid points, the solves of all its points done together
    (:func:`~gvcneg.theory.deremer2023.equilibrium.solve_reciprocity_stable_many`: the same
    results as solving point by point, :func:`evaluate_chunk_point_by_point`)."""
    points = [row for _, row in chunk.iterrows()]
    weights = [weights_at(point) for point in points]
    stable = solve_reciprocity_stable_many([government for government, _ in weights])
    # the public-preferred point is attempted only where the stable point exists
    attempt = [i for i, s in enumerate(stable) if not isinstance(s, SolveError)]
    solved = solve_reciprocity_stable_many([weights[i][1] for i in attempt])
    preferred: list = [None] * len(points)
    for i, result in zip(attempt, solved, strict=True):
        preferred[i] = result
    results = pd.DataFrame(
        [
            evaluate_point(point, lower_tariffs, stable[i], preferred[i])
            for i, point in enumerate(points)
        ]
    )
    return chunk.merge(results, on="point_id", how="left")


def evaluate_chunk_point_by_point(
    chunk: pd.DataFrame, lower_tariffs: dict | None = None
) -> pd.DataFrame:
    """The reference: every point solved on its own with
    :func:`~gvcneg.theory.deremer2023.equilibrium.solve_reciprocity_stable_tariffs`."""
    results = pd.DataFrame([evaluate_point(row, lower_tariffs) for _, row in chunk.iterrows()])
    return chunk.merge(results, on="point_id", how="left")


def flag(frame: pd.DataFrame, column: str) -> pd.Series:
    """A boolean column as read back from CSV (missing = False)."""
    if column not in frame:
        return pd.Series(False, index=frame.index)
    mapping = {True: True, False: False, "True": True, "False": False}
    return frame[column].map(mapping).fillna(False).astype(bool)


@dataclass(frozen=True)
class GridClaim:
    """A claim checked on the grid: where it is tested and what must hold there.

    ``premises`` must all hold at a point; for an extension, each premise in ``violates`` must
    fail (the region outside the paper's assumptions that the row is about).
    """

    description: str
    premises: tuple[str, ...]
    requires: str  # "stable" or "public": which solve the check needs
    holds: Callable[[pd.DataFrame], pd.Series]
    violates: tuple[str, ...] = ()
    outside_row: bool = True  # False where the check is defined for symmetric countries only

    @property
    def is_extension(self) -> bool:
        return bool(self.violates)

    def region(self, frame: pd.DataFrame) -> pd.Series:
        mask = in_domain(frame, self.premises)
        for name in self.violates:
            mask &= ~premise_holds(frame, name)
        return mask


BASE = ("governments_above_one", "public_export_below_government", "public_weights_at_least_one")
EQUAL = (*BASE, "import_weights_equal")


def _remark_1(f):
    return flag(f, "remark_1_holds")


def _local_gain(f):
    return (f["public_local_gain_home"] > 0) & (f["public_local_gain_foreign"] > 0)


def _public_gains(f):
    return f["home_public_gain"] > 0


GRID_CLAIMS = {
    "remark_1_symmetric": GridClaim(
        "Remark 1 / section 3.3: tau^W > tau^G (symmetric countries, equal import weights)",
        (*EQUAL, "symmetric_countries"),
        "public",
        _remark_1,
    ),
    "remark_1_general": GridClaim(
        "Remark 1 (section 3.2): at tau^G each public gains from a small reciprocal tariff "
        "increase (equal import weights, any symmetry)",
        EQUAL,
        "stable",
        _local_gain,
    ),
    "remark_1_condition": GridClaim(
        "Section 3.3: the 3/2 rule (gM^G-gM^W) < 1.5 (gE^G-gE^W) implies tau^W > tau^G",
        (*BASE, "public_import_at_most_government", "symmetric_countries"),
        "public",
        lambda f: ~flag(f, "paper_condition") | _remark_1(f),
        outside_row=False,
    ),
    "remark_1_exact_condition": GridClaim(
        "Our exact condition (closed form) agrees with the numerical solves (tau^W > tau^G)",
        (*BASE, "public_import_at_most_government", "symmetric_countries"),
        "public",
        lambda f: flag(f, "exact_condition") == _remark_1(f),
        outside_row=False,
    ),
    "lower_tariffs_worse": GridClaim(
        "Section 3.3: reciprocal tariffs below tau^W are strictly worse for the public",
        (*EQUAL, "symmetric_countries"),
        "public",
        lambda f: flag(f, "lower_tariffs_worse"),
        outside_row=False,
    ),
    "section_4_dtau_x_positive": GridClaim(
        "Section 4: d tau_x / d lambda > 0 at the rules-based point",
        ("governments_above_one",),
        "stable",
        lambda f: f["dtau_x_dlambda"] > 0,
    ),
    "section_4_dtau_y_negative": GridClaim(
        "Section 4: d tau_y* / d lambda < 0 at the rules-based point",
        ("governments_above_one",),
        "stable",
        lambda f: f["dtau_y_dlambda"] < 0,
    ),
    "remark_2_terms_of_trade_gain": GridClaim(
        "Remark 2: Home's terms-of-trade gain > 0",
        ("governments_above_one",),
        "stable",
        lambda f: f["terms_of_trade"] > 0,
    ),
    "remark_2_import_rent_gain": GridClaim(
        "Remark 2: Home's import-rent gain > 0",
        ("governments_above_one",),
        "stable",
        lambda f: f["import_rent"] > 0,
    ),
    "remark_2_export_rent_gain": GridClaim(
        "Remark 2: Home's export-rent gain > 0",
        ("governments_above_one",),
        "stable",
        lambda f: f["export_rent"] > 0,
    ),
    "section_4_public_gains": GridClaim(
        "Section 4 preliminary finding: Home's public gains on net from a power shift "
        "(misalignment in export weights; import weights equal)",
        EQUAL,
        "stable",
        _public_gains,
    ),
    # Extensions: the same checks where a stated premise fails.
    "remark_1_levels_asymmetric": GridClaim(
        "Remark 1 (section 3.2, country-specific weights): tau^W > tau^G componentwise with "
        "asymmetric countries",
        EQUAL,
        "public",
        _remark_1,
        violates=("symmetric_countries",),
    ),
    "remark_1_governments_below_one": GridClaim(
        "Extension: tau^W > tau^G where a government weight is <= 1",
        ("public_export_below_government", "import_weights_equal"),
        "public",
        _remark_1,
        violates=("governments_above_one",),
    ),
    "remark_1_public_below_one": GridClaim(
        "Extension: tau^W > tau^G where a public weight is below 1 (symmetric)",
        (
            "governments_above_one",
            "public_export_below_government",
            "import_weights_equal",
            "symmetric_countries",
        ),
        "public",
        _remark_1,
        violates=("public_weights_at_least_one",),
    ),
    "section_4_public_gains_within_condition": GridClaim(
        "Extension: Home's public gains from a power shift when its import weight is below the "
        "government's, within section 3.3's 3/2 condition",
        (*BASE, "public_import_at_most_government", "import_gap_within_three_halves"),
        "stable",
        _public_gains,
        violates=("import_weights_equal",),
    ),
    "section_4_public_gains_beyond_condition": GridClaim(
        "Extension: Home's public gains from a power shift when its import weight is so far "
        "below the government's that section 3.3's 3/2 condition fails",
        (*BASE, "public_import_at_most_government"),
        "stable",
        _public_gains,
        violates=("import_gap_within_three_halves",),
    ),
    "section_4_public_gains_public_below_one": GridClaim(
        "Extension: Home's public gains from a power shift when a public weight is below 1",
        ("governments_above_one", "public_export_below_government", "import_weights_equal"),
        "stable",
        _public_gains,
        violates=("public_weights_at_least_one",),
    ),
}


def claim_region(frame: pd.DataFrame, claim: GridClaim, region: str) -> pd.Series:
    """Points of the claim's region: ``domain`` (its region), or ``outside`` (the rest of the
    grid, for claims tested on the paper's domain)."""
    inside = claim.region(frame)
    return inside if region == "domain" else ~inside


def summarise_grid(results: pd.DataFrame) -> pd.DataFrame:
    """Per claim and region: points where the claim could be evaluated, where it holds, and
    points of the region where the solve it needs failed (counted, not dropped silently)."""
    frame = results.copy()
    rows = []
    for key, claim in GRID_CLAIMS.items():
        regions = (
            ("domain", "outside") if claim.outside_row and not claim.is_extension else ("domain",)
        )
        for region in regions:
            part = frame[claim_region(frame, claim, region)]
            solved = flag(part, f"{claim.requires}_valid")
            evaluated = part[solved]
            n_holds = int(claim.holds(evaluated).astype(bool).sum()) if len(evaluated) else 0
            rows.append(
                {
                    "claim": key,
                    "region": (
                        "extension"
                        if claim.is_extension
                        else ("paper_domain" if region == "domain" else "outside_paper_domain")
                    ),
                    "description": claim.description,
                    "points": len(evaluated),
                    "holds": n_holds,
                    "share_holds": n_holds / len(evaluated) if len(evaluated) else np.nan,
                    "not_solved": int((~solved).sum()),
                }
            )
    return pd.DataFrame(rows)


def unsolved_points(results: pd.DataFrame) -> pd.DataFrame:
    """Grid points where a solve failed, with the reason (reported, not hidden). A point with a
    stable point but no non-prohibitive public-preferred point keeps its stable-point results."""
    bad = results[~flag(results, "stable_valid") | ~flag(results, "public_valid")]
    return bad[
        ["point_id", *PARAMETERS, "stable_valid", "public_valid", "stable_reason", "public_reason"]
    ]


def public_gain_share_by(results: pd.DataFrame, rows: str, columns: str) -> pd.DataFrame:
    """Share of points with a stable point where Home's public gains, by two grid parameters."""
    valid = results[flag(results, "stable_valid")]
    return (
        valid.assign(gains=valid["home_public_gain"] > 0)
        .groupby([rows, columns])["gains"]
        .mean()
        .rename("share_public_gains")
        .reset_index()
    )
