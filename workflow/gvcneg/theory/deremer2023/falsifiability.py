"""Can each DeRemer (2023) check fail? Every claim of targets/deremer2023.yaml is re-checked by
the same code with one premise deliberately violated or one part of the model changed.

Each check computes the claim's quantity and compares it with the published value of
targets/deremer2023.yaml by the ledger's own comparison (``gvcneg.ledger.compare.compare_one``;
the published numbers stay in the registry). Point claims (Figure 1's weights) are re-checked
under every point perturbation below, the paper's printed formulas (kind ``expression``)
evaluated at the perturbed weights; grid claims are re-checked on a small grid whose points
violate one premise of the claim (that premise is dropped from the claim's domain, the rest
kept). A row's ``perturbed_verdict`` is "fails" where the comparison fails. Each perturbation
names and quotes the premise it violates (:data:`PREMISES`); one that violates none (swapped
weights, a changed rule) is a sanity check. Whether a row is a falsification, robustness or a
sanity check is decided by gvcneg.ledger.falsification (shared schema of all documents).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pandas as pd

from gvcneg.ledger.compare import REPRODUCED, compare_one
from gvcneg.ledger.falsification import COLUMNS
from gvcneg.ledger.falsification import row as falsification_row
from gvcneg.theory.deremer2023.domain import PREMISES as DOMAIN_PREMISES
from gvcneg.theory.deremer2023.equilibrium import (
    SolveError,
    nash_tariffs,
    solve_public_preferred_tariffs,
    solve_reciprocity_stable_tariffs,
)
from gvcneg.theory.deremer2023.exact_condition import EXACT_RATIO, PAPER_FACTOR
from gvcneg.theory.deremer2023.grid import (
    GRID_CLAIMS,
    build_remark_grid,
    claim_region,
    evaluate_chunk,
    flag,
)
from gvcneg.theory.deremer2023.model import CountryPair, Weights
from gvcneg.theory.deremer2023.political_optimum import compare_stable_point
from gvcneg.theory.deremer2023.power import power_shift
from gvcneg.theory.deremer2023.public_path import lower_tariffs_strictly_worse

# The paper's premises a perturbation can violate: name -> (what it says, the paper's words),
# from the one list of premises (gvcneg.theory.deremer2023.domain).
PREMISES = {name: (p.label, p.quote) for name, p in DOMAIN_PREMISES.items()}


@dataclass(frozen=True)
class Case:
    government: CountryPair
    public: CountryPair


def _stable(case):
    return solve_reciprocity_stable_tariffs(case.government)


def _shift(case):
    return power_shift(_stable(case), case.government, case.public)


def _public_minus_government(case):
    stable, preferred = _stable(case), solve_public_preferred_tariffs(case.public)
    return preferred.tau_x - stable.tau_x


def _comparison(attribute):
    return lambda c: getattr(compare_stable_point(c.government), attribute)


def point_quantities(lower_tariffs: dict) -> dict[str, Callable[[Case], float]]:
    """Target id -> the claim's quantity at one parameter case (as computed.csv has it)."""
    return {
        "deremer2023.eq7_home": lambda c: _stable(c).tau_x,
        "deremer2023.eq7_foreign": lambda c: _stable(c).tau_y,
        "deremer2023.small_positive_tariffs": lambda c: _stable(c).tau_x,
        "deremer2023.figure_1_liberalization": lambda c: (
            nash_tariffs(c.government).tau_x - _stable(c).tau_x
        ),
        "deremer2023.remark_1_figure_1": _public_minus_government,
        "deremer2023.section_4_dtau_x": lambda c: _shift(c).dtau_x_dlambda,
        "deremer2023.section_4_dtau_y": lambda c: _shift(c).dtau_y_dlambda,
        "deremer2023.remark_2_terms_of_trade": lambda c: _shift(c).terms_of_trade,
        "deremer2023.remark_2_import_rent": lambda c: _shift(c).import_rent,
        "deremer2023.remark_2_export_rent": lambda c: _shift(c).export_rent,
        "deremer2023.public_gains_figure_1": lambda c: _shift(c).home_public_gain,
        "deremer2023.stable_point_limited_instrument_efficient": _comparison(
            "stable_vs_limited_instrument_efficient"
        ),
        "deremer2023.stable_point_political_optimum": _comparison(
            "stable_vs_political_optimum_prices"
        ),
        "deremer2023.export_policy_ban_costless": _comparison("export_policy_ban_cost"),
        "deremer2023.lower_tariffs_worse_figure_1": lambda c: float(
            lower_tariffs_strictly_worse(
                c.public, lower_tariffs["tau_min"], lower_tariffs["points"]
            )
        ),
    }


def verdict(target: dict, value: float, case: Case | None = None) -> str:
    """holds/fails of the registry's comparison; a printed formula (kind ``expression``) is
    evaluated at the case's own weights (Home's for Home's tariff, Foreign's for Foreign's)."""
    published = target["published"]
    if published["kind"] == "expression" and case is not None:
        foreign = target["id"].endswith("foreign")
        country = case.government.foreign if foreign else case.government.home
        published = {**published, "at": {"gamma_M": country.gamma_M, "gamma_E": country.gamma_E}}
    status, _ = compare_one(published, target.get("tolerance", {}), float(value))
    return "holds" if status == REPRODUCED else "fails"


def point_perturbations(base: Case) -> dict[str, tuple[Case, str | None]]:
    """Perturbation text -> (case, key of the premise in :data:`PREMISES` it violates, or None
    for a sanity check)."""
    g, p = base.government, base.public
    gm, ge = g.home.gamma_M, g.home.gamma_E
    pm, pe = p.home.gamma_M, p.home.gamma_E
    return {
        "government export weight below one (gamma_E^G = 0.7)": (
            Case(CountryPair.symmetric(gm, 0.7), CountryPair.symmetric(pm, 0.7 - (ge - pe))),
            "governments_above_one",
        ),
        "government export weight just below one (gamma_E^G = 0.9)": (
            Case(CountryPair.symmetric(gm, 0.9), CountryPair.symmetric(pm, 0.9 - (ge - pe))),
            "governments_above_one",
        ),
        "government import weight below one (gamma_M^G = 0.5)": (
            Case(CountryPair.symmetric(0.5, ge), CountryPair.symmetric(0.5, pe)),
            "governments_above_one",
        ),
        "public export weight above the government's (gamma_E^W = gamma_E^G + 0.1)": (
            Case(g, CountryPair.symmetric(pm, ge + 0.1)),
            "public_export_below_government",
        ),
        "public import weight below the government's (gamma_M^W = gamma_M^G - 0.3)": (
            Case(g, CountryPair.symmetric(gm - 0.3, pe)),
            "import_weights_equal",
        ),
        "public export weight far below one (gamma_E^W = 0.3)": (
            Case(g, CountryPair.symmetric(pm, 0.3)),
            "public_weights_at_least_one",
        ),
        "asymmetric governments (Foreign's weights x 1.05)": (
            Case(
                CountryPair(g.home, Weights(gm * 1.05, ge * 1.05)),
                CountryPair(p.home, Weights(gm * 1.05 - (gm - pm), ge * 1.05 - (ge - pe))),
            ),
            "symmetric_countries",
        ),
        "government weights swapped (gamma_M^G <-> gamma_E^G)": (
            Case(
                CountryPair.symmetric(ge, gm),
                CountryPair.symmetric(ge - (gm - pm), gm - (ge - pe)),
            ),
            None,
        ),
        "public weights violate the convexity the paper invokes (8 gamma_M^W + 9 gamma_E^W > 59)": (
            Case(g, CountryPair.symmetric(4.5, 10.0 / 3.0)),
            "convexity",
        ),
    }


def _premise(key: str | None) -> tuple[str, str]:
    return PREMISES[key] if key else ("", "")


#: Grid claims: target id -> key of GRID_CLAIMS checked on the paper's domain.
GRID_TARGETS = {
    "deremer2023.remark_1_grid_baseline": "remark_1_symmetric",
    "deremer2023.remark_1_general_model": "remark_1_general",
    "deremer2023.section_4_signs_grid_x": "section_4_dtau_x_positive",
    "deremer2023.section_4_signs_grid_y": "section_4_dtau_y_negative",
    "deremer2023.remark_2_grid_tot": "remark_2_terms_of_trade_gain",
    "deremer2023.remark_2_grid_import_rent": "remark_2_import_rent_gain",
    "deremer2023.remark_2_grid_export_rent": "remark_2_export_rent_gain",
    "deremer2023.public_gains_grid": "section_4_public_gains",
}


def grid_perturbations(grid_config: dict) -> dict[str, tuple[str, dict]]:
    """Perturbation text -> (premise violated, grid config whose points violate it)."""
    negative_gap = {
        "min": -0.5,
        "max": -0.05,
        "points": grid_config["public_gamma_E_gap"]["points"],
    }
    below_one = {"min": 0.5, "max": 0.95, "points": grid_config["gamma_E_G"]["points"]}
    return {
        "public export weight above the government's (negative export gaps)": (
            "public_export_below_government",
            {**grid_config, "public_gamma_E_gap": negative_gap},
        ),
        "government weights below one (gamma^G in [0.5, 0.95])": (
            "governments_above_one",
            {**grid_config, "gamma_M_G": below_one, "gamma_E_G": below_one},
        ),
        "public import weight below the government's (import gaps > 0 admitted)": (
            "import_weights_equal",
            grid_config,
        ),
        "public weights below one admitted (large export gaps)": (
            "public_weights_at_least_one",
            {**grid_config, "public_gamma_E_gap": {"min": 0.3, "max": 0.6, "points": 3}},
        ),
        "asymmetric countries (Foreign's weights x 0.9 and x 1.1)": (
            "symmetric_countries",
            {**grid_config, "foreign_scale": [0.9, 1.1]},
        ),
    }


def grid_share(results: pd.DataFrame, key: str, drop: str | None = None) -> float | None:
    """Share of a grid claim's domain (minus one dropped premise) where it holds; None if the
    region has no solved point."""
    claim = GRID_CLAIMS[key]
    if drop is not None:
        if drop not in claim.premises:
            return None
        claim = replace(claim, premises=tuple(p for p in claim.premises if p != drop))
    part = results[
        claim_region(results, claim, "domain") & flag(results, f"{claim.requires}_valid")
    ]
    if part.empty:
        return None
    return float(claim.holds(part).astype(bool).mean())


def condition_rule_gap(case: Case, factor: float) -> float:
    """tau^W - tau^G (numerical solves) at the point just inside the boundary of a rule
    dM < factor * dE (dM = 0.999 factor dE), at the case's government weights and public export
    gap: positive wherever the rule is sufficient there."""
    g = case.government.home
    gap_e = g.gamma_E - case.public.home.gamma_E
    gap_m = 0.999 * factor * gap_e
    public = CountryPair.symmetric(g.gamma_M - gap_m, g.gamma_E - gap_e)
    stable = solve_reciprocity_stable_tariffs(case.government)
    return solve_public_preferred_tariffs(public).tau_x - stable.tau_x


def _row(claim_id, perturbation, baseline, perturbed, premise: str | None = None) -> dict:
    return falsification_row(claim_id, perturbation, baseline, perturbed, *_premise(premise))


def claim_falsifiability(section: dict, targets: list[dict]) -> pd.DataFrame:
    """The falsifiability table of DeRemer (2023) (``section`` = the config's deremer2023,
    ``targets`` = the entries of targets/deremer2023.yaml)."""
    by_id = {t["id"]: t for t in targets}
    base = Case(
        CountryPair.from_config(section["government"]), CountryPair.from_config(section["public"])
    )
    rows = []
    for claim_id, quantity in point_quantities(section["lower_tariffs"]).items():
        target = by_id[claim_id]
        baseline = verdict(target, quantity(base), base)
        for text, (case, premise) in point_perturbations(base).items():
            try:
                perturbed = verdict(target, quantity(case), case)
            except (SolveError, ValueError):
                continue  # no solution under this perturbation: no verdict to report
            rows.append(_row(claim_id, text, baseline, perturbed, premise))
    # The lower-tariffs claim on the grid uses the same check as at Figure 1.
    lower = [r for r in rows if r["claim_id"] == "deremer2023.lower_tariffs_worse_figure_1"]
    rows += [{**r, "claim_id": "deremer2023.lower_tariffs_worse_grid"} for r in lower]

    falsifiability_grid = section["falsifiability_grid"]
    lower_tariffs = section["lower_tariffs"]
    baseline_results = evaluate_chunk(build_remark_grid(falsifiability_grid), lower_tariffs)
    for text, (premise, config) in grid_perturbations(falsifiability_grid).items():
        perturbed_results = (
            baseline_results
            if config is falsifiability_grid
            else evaluate_chunk(build_remark_grid(config), lower_tariffs)
        )
        for claim_id, key in GRID_TARGETS.items():
            share = grid_share(perturbed_results, key, drop=premise)
            if share is not None:
                target = by_id[claim_id]
                baseline = verdict(target, grid_share(baseline_results, key))
                rows.append(_row(claim_id, text, baseline, verdict(target, share), premise))

    # The 3/2 rule fails at baseline: the perturbations show the same check can also hold.
    target = by_id["deremer2023.remark_1_condition"]
    rule_base = verdict(target, condition_rule_gap(base, float(PAPER_FACTOR)))
    exact = float(EXACT_RATIO(base.government.home.gamma_M, base.government.home.gamma_E))
    for text, case, factor in (
        (
            "rule swapped for the exact condition (factor (4 - gamma_M^G)/(3 - gamma_E^G))",
            base,
            exact,
        ),
        ("rule loosened to factor 2", base, 2.0),
        (
            "government weights with tau^G < 0 (gamma_E^G = 1.3; the 3/2 rule is sufficient there)",
            Case(CountryPair.symmetric(1.2, 1.3), CountryPair.symmetric(1.2, 1.2)),
            float(PAPER_FACTOR),
        ),
    ):
        gap = condition_rule_gap(case, factor)
        rows.append(_row(target["id"], text, rule_base, verdict(target, gap)))
    return pd.DataFrame(rows, columns=COLUMNS)
