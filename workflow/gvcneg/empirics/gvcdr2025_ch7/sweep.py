"""Specification sweep behind chapter 7's empirical verdicts.

Where the chapter leaves an analysis choice open (which income classification, which Gini
series, a balanced or an unbalanced panel, imputed series in or out, ...), a verdict that
flips with the choice is not a verdict. Each claim family is evaluated on every combination
of its declared choices (``config.yaml``: ``gvcdr2025_ch7.sweep``; Snakemake's ``Paramspace``
names the specifications and one job evaluates every family), with the *same* functions
the main pipeline uses (``aggregates``, ``convergence``, ``labour_share_gvc``, ``claims``), so
the main specification reproduces ``computed.csv`` exactly.

``evaluate_family`` returns one row per (specification, computed quantity): the choices as
columns, ``quantity`` and ``value``. Whether a value meets the published bound is decided in
:mod:`gvcneg.ledger.sweep` against ``targets/``, never here.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd

from gvcneg.data.imputation import cloned_series_flags, constant_series_flags
from gvcneg.empirics.artefacts import audit_series, audit_table
from gvcneg.empirics.gvcdr2025_ch7 import aggregates, claims
from gvcneg.empirics.gvcdr2025_ch7.convergence import convergence_sample, estimate_convergence
from gvcneg.empirics.gvcdr2025_ch7.labour_share_gvc import gvc_inequality_changes, scatter_fits
from gvcneg.empirics.gvcdr2025_ch7.panel import (
    build_country_year_panel,
    build_labour_share_panel,
)

EMPTY_GINI = pd.DataFrame({"iso3": pd.Series(dtype=str), "year": [], "gini": []})


def fiscal_year(choice, end_year: int) -> int:
    """The World Bank fiscal year of an ``income_status`` choice: an explicit fiscal year, or
    ``end_year`` = the status in the figure's end year (GNI of that year -> FY end + 2)."""
    if choice == "end_year":
        return int(end_year) + 2
    return int(choice)


def gini_with_clone_flags(gini: pd.DataFrame) -> pd.DataFrame:
    """A tidy Gini series (iso3, year, gini) with the data layer's clone flags per economy,
    computed over the whole series the source publishes."""
    flags = cloned_series_flags(gini, "gini")
    return gini.merge(flags, on="iso3", how="left")


def drop_cloned(frame: pd.DataFrame) -> pd.DataFrame:
    """Economies whose series is a copy of another's are left out (``clones: drop``)."""
    return frame[~frame["cloned"].astype(bool)]


class SweepData:
    """The tidy inputs a family needs, with panels built once per (classification, series).

    ``income`` maps a fiscal year to the classification frame (iso3, economy, income_group);
    ``gini`` maps a series name to its flagged tidy frame."""

    def __init__(self, cfg: dict, income: Callable[[int], pd.DataFrame], **frames):
        self.cfg = cfg
        self._income = income
        self.frames = frames
        self._cache: dict = {}

    def income(self, fy: int) -> pd.DataFrame:
        key = ("income", fy)
        if key not in self._cache:
            self._cache[key] = self._income(fy)
        return self._cache[key]

    def panel(self, fy: int, gini: str | None = None, clones: str = "keep") -> pd.DataFrame:
        """The chapter's country-year panel for one classification and Gini series."""
        key = ("panel", fy, gini, clones)
        if key not in self._cache:
            series = EMPTY_GINI
            if gini is not None:
                series = self.frames["gini"][gini]
                if clones == "drop":
                    series = drop_cloned(series)
                series = series[["iso3", "year", "gini"]]
            years = self.cfg["years"]
            self._cache[key] = build_country_year_panel(
                self.frames["gdp"],
                self.frames["population"],
                series,
                self.income(fy),
                years["first"],
                years["last"],
            )
        return self._cache[key]


def _rows(found: list, spec: dict) -> list[dict]:
    """Every quantity of one specification; NaN where it has no value there (untestable)."""
    return [{**spec, "quantity": c.quantity, "value": c.value} for c in found]


def family_fig_7_4(data: SweepData, spec: dict) -> list:
    first, last = data.cfg["years"]["first"], data.cfg["years"]["last"]
    panel = data.panel(fiscal_year(spec["income_status"], last))
    ratios = aggregates.income_ratio_to_high_income(panel, first, last, spec["balanced_panel"])
    return claims.claims_fig_7_4(ratios, first, last)


def nearest_observation(
    series: pd.DataFrame, value: str, years, tolerance: int, key: str = "iso3"
) -> pd.DataFrame:
    """Each key's observation nearest to each of ``years`` within ``tolerance`` years (ties:
    the earlier year), relabelled as that year: start and end values of survey-based series
    whose surveys rarely fall exactly on them."""
    data = series.dropna(subset=[value])
    frames = []
    for year in years:
        near = data[(data["year"] - year).abs() <= tolerance].copy()
        near["_distance"] = (near["year"] - year).abs()
        near = near.sort_values([key, "_distance", "year"]).drop_duplicates(key)
        frames.append(near.assign(year=year).drop(columns="_distance"))
    return pd.concat(frames, ignore_index=True)


def family_fig_7_5(data: SweepData, spec: dict) -> list:
    first, last = data.cfg["years"]["first"], data.cfg["years"]["last"]
    fy = fiscal_year(spec["income_status"], last)
    panel = data.panel(fy, spec["gini"], spec["clones"])
    tolerance = data.cfg["gini_series"][spec["gini"]].get("year_tolerance", 0)
    if tolerance:
        series = data.frames["gini"][spec["gini"]]
        if spec["clones"] == "drop":
            series = drop_cloned(series)
        near = nearest_observation(series, "gini", (first, last), tolerance)
        panel = panel.drop(columns="gini").merge(
            near[["iso3", "year", "gini"]], on=["iso3", "year"], how="left"
        )
    points = aggregates.start_end_values(panel, "gini", first, last)
    minimum = data.cfg["sweep_min_economies"]
    if min(points["high_income"].sum(), (~points["high_income"]).sum()) < minimum:
        points = points.iloc[0:0]
    out = claims.claims_fig_7_5(points)
    out += claims.claims_rising_inequality_larger_economies(points, panel, last)
    return out


def family_fig_7_6(data: SweepData, spec: dict) -> list:
    first, last = data.cfg["years"]["first"], data.cfg["years"]["last"]
    panel = data.panel(fiscal_year(spec["income_status"], last), spec["gini"], spec["clones"])
    groups = aggregates.gini_by_income_group(panel, first, last, spec["balanced_panel"])
    gfc = int(spec["gfc_year"])
    return claims.claims_fig_7_6(groups, first, last, gfc) + claims.claims_fig_7_6_gfc_timing(
        groups, first, last, gfc
    )


def _status(data: SweepData, spec: dict, end_year: int) -> int:
    """The fiscal year of the specification's classification (the configured one where the
    family does not sweep it)."""
    return fiscal_year(
        spec.get("income_status", data.cfg["income_status"]["fiscal_year"]), end_year
    )


def family_between_economy(data: SweepData, spec: dict) -> list:
    first, last = data.cfg["years"]["first"], data.cfg["years"]["last"]
    panel = data.panel(_status(data, spec, last))
    return claims.claims_between_economy(
        panel,
        first,
        last,
        spec["balanced_panel"],
        int(spec["largest_excluded"]),
        largest_by=spec.get("largest_by", "population"),
    )


def family_fig_7_7(data: SweepData, spec: dict) -> list:
    cfg = data.cfg["fig_7_7"]
    panel = data.panel(_status(data, spec, cfg["end"]))
    sample = convergence_sample(panel, cfg["start"], cfg["end"], spec["growth"])
    return claims.claims_fig_7_7(estimate_convergence(sample, spec["cov_type"]))


LEAD_MIN_POPULATION = {"richest": None, "richest_over_1m": 1_000_000}


def family_fig_7_8(data: SweepData, spec: dict) -> list:
    cfg = data.cfg["fig_7_8"]
    panel = data.panel(fiscal_year(spec["income_status"], cfg["end"]))
    relative = aggregates.relative_to_lead_economy(
        panel, cfg["start"], cfg["end"], LEAD_MIN_POPULATION[spec["lead"]]
    )
    return claims.claims_fig_7_8(aggregates.catch_up_summary(relative), relative=relative)


def family_fig_7_13(data: SweepData, spec: dict) -> list:
    cfg = data.cfg["fig_7_13"]
    labour_share = data.frames["labour_share"]
    panel = build_labour_share_panel(
        labour_share,
        data.income(fiscal_year(spec["income_status"], cfg["end"])),
        int(labour_share["year"].min()),
        int(labour_share["year"].max()),
    )
    points = aggregates.start_end_values(panel, "labour_share", cfg["start"], cfg["end"])
    points = points.merge(data.frames["labour_share_flags"], on="iso3", how="left")
    return claims.claims_fig_7_13(points, imputed_constant=spec["imputed_constant"])


def family_fig_7_14(data: SweepData, spec: dict) -> list:
    table = data.frames["fig_7_14_estimates"]
    return claims.claims_fig_7_14(table[table["gvc_source"] == spec["gvc_source"]])


def family_fig_7_15(data: SweepData, spec: dict) -> list:
    """Figure 7.15's slopes under one reading: Gini series, clones, GVC source, window (start
    year to the configured end) and standard errors. A window the GVC source does not cover
    has no value (every slope NaN), shown and never counted."""
    cfg = data.cfg["fig_7_15"]
    start = int(spec.get("start", cfg["start"]))
    gvc = data.frames["gvc"][spec.get("gvc_source", cfg["gvc_source"])]
    gini = data.frames["gini"][spec["gini"]]
    ratio = data.frames["top10_bottom50"][spec["gini"]]
    if spec["clones"] == "drop":
        gini = drop_cloned(gini)
    if spec.get("constant_gini", "keep") == "drop":
        flags = constant_series_flags(gini, "gini", start, cfg["end"])
        gini = gini[~gini["iso3"].isin(flags.loc[flags["imputed_constant"], "iso3"])]
    inequality = gini[["iso3", "year", "gini"]].merge(ratio, on=["iso3", "year"])
    income = data.income(data.cfg["income_status"]["fiscal_year"])
    xs, ys = ["d_forward", "d_backward", "d_total"], ["d_gini", "d_top10_bottom50"]
    if start < gvc["year"].min():
        fits = pd.DataFrame(
            [{"x": x, "y": y, "slope": math.nan, "p": math.nan} for y in ys for x in xs]
        )
    else:
        points = gvc_inequality_changes(gvc, inequality, income, start, cfg["end"])
        fits = scatter_fits(points, xs, ys, spec["cov_type"])
    return claims.claims_fig_7_15(fits)


FAMILIES = {
    "fig_7_4": family_fig_7_4,
    "fig_7_5": family_fig_7_5,
    "fig_7_6": family_fig_7_6,
    "between_economy": family_between_economy,
    "fig_7_7": family_fig_7_7,
    "fig_7_8": family_fig_7_8,
    "fig_7_13": family_fig_7_13,
    "fig_7_14": family_fig_7_14,
    "fig_7_15": family_fig_7_15,
}


def evaluate_family(family: str, data: SweepData, specs: list[dict], names: list[str]):
    """Every specification of one family: columns family, specification (its name),
    the choices, quantity, value."""
    if family not in FAMILIES:
        raise ValueError(f"unknown sweep family {family!r}; known: {sorted(FAMILIES)}")
    rows = []
    for name, spec in zip(names, specs, strict=True):
        for row in _rows(FAMILIES[family](data, spec), spec):
            rows.append({"family": family, "specification": name, **row})
    frame = pd.DataFrame(rows)
    frame["value"] = frame["value"].astype(float)
    return frame


def data_artefacts(data: SweepData) -> pd.DataFrame:
    """The artefact audit (:mod:`gvcneg.empirics.artefacts`) of every series a claim family
    reads, on the window its claims use."""
    cfg = data.cfg
    first, last = cfg["years"]["first"], cfg["years"]["last"]
    rows = []
    frames = data.frames
    if "gdp" in frames:
        rows.append(
            audit_series(frames["gdp"], "gdp_pc_ppp", first, last, "fig_7_4-7_6", "gdp_pc_ppp")
        )
        span = cfg["fig_7_7"]
        rows.append(
            audit_series(
                frames["gdp"], "gdp_pc_ppp", span["start"], span["end"], "fig_7_7-7_8", "gdp_pc_ppp"
            )
        )
        rows.append(
            audit_series(
                frames["population"], "population", first, last, "fig_7_4-7_6", "population"
            )
        )
    for name, series in frames.get("gini", {}).items():
        rows.append(audit_series(series, "gini", first, last, "fig_7_5-7_6", f"gini {name}"))
        span = cfg["fig_7_15"]
        if name.startswith("wid"):
            rows.append(
                audit_series(series, "gini", span["start"], span["end"], "fig_7_15", f"gini {name}")
            )
    if "labour_share" in frames:
        span = cfg["fig_7_13"]
        rows.append(
            audit_series(
                frames["labour_share"],
                "labour_share",
                span["start"],
                span["end"],
                "fig_7_13",
                "pwt labsh",
            )
        )
    if "gvc" in frames:
        main = frames["gvc"][cfg["fig_7_15"]["gvc_source"]]  # the sweep's first source
        gvc = main[main["sector"] == "TOTAL"]
        span = cfg["fig_7_15"]
        for measure in ("forward", "backward", "total"):
            rows.append(
                audit_series(gvc, measure, span["start"], span["end"], "fig_7_15", f"gvc {measure}")
            )
    return audit_table(rows)
