"""Placebo checks of chapter 8 on the real panel: random TTD signings with the document's
counts and timing, where every true effect is zero.

``dci_placebo``: Figure 8.8's comparison (DCI gap and mean of signing vs never-signing dyads)
under random signings, for the index as configured and for the k/3 penalty without
re-standardisation (our reading of the document's footnote 13). A construction that lets the
components' coverage drift over time shows up as a non-zero placebo difference.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from gvcneg.empirics.gvcdr2025_ch8.dci import digital_capability_index, placebo_gap_difference
from gvcneg.empirics.gvcdr2025_ch8.inference import (
    Clustering,
    add_cluster_columns,
    cluster_spec,
    critical_t,
)

DCI_VARIANTS = {
    "coverage-neutral (configured)": True,
    "k/3 penalty, not re-standardised (document's likely version)": False,
}


def dci_placebo(
    components: pd.DataFrame,
    economies: list[str],
    new_pairs_by_year: dict[int, int],
    window: tuple[int, int],
    seeds: list[int],
    penalty: str = "share_available",
    min_components: int = 1,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per seed and index variant the placebo differences; and their mean, sd and a t-ratio
    of the mean over seeds (|t| > 2: the construction alone creates a difference)."""
    rows = []
    for variant, neutral in DCI_VARIANTS.items():
        index = digital_capability_index(components, penalty, min_components, neutral)
        for seed in seeds:
            stats = placebo_gap_difference(
                index, economies, new_pairs_by_year, window, np.random.default_rng(seed)
            )
            rows.append({"variant": variant, "seed": seed, **stats})
    draws = pd.DataFrame(rows)
    long = draws.melt(id_vars=["variant", "seed"], var_name="statistic")
    summary = long.groupby(["variant", "statistic"], sort=False)["value"].agg(
        ["mean", "std", "count"]
    )
    summary["t_of_mean"] = summary["mean"] / (summary["std"] / np.sqrt(summary["count"]))
    return draws, summary.reset_index().rename(columns={"count": "seeds"})


# --- estimator placebo: random signings, every true effect zero ---------------------------

Z95 = 1.959963984540054


def random_first_years(
    pairs: pd.Series,
    new_pairs_by_year: dict[int, int],
    rng: np.random.Generator,
    concentration: float = 0.0,
) -> pd.Series:
    """First signing year per unordered pair (NaN = never), drawing ``count`` new pairs in each
    year without replacement (the document's counts and timing).

    ``concentration`` > 0 correlates signings within countries, as in the chapter where a few
    countries sign many deals: each country draws a propensity exp(concentration * z), z
    standard normal, and a pair "A_B" is drawn with probability proportional to the product of
    its two countries' propensities (earlier years draw first, so the keenest signers sign
    early). 0 draws pairs uniformly."""
    unique = np.asarray(sorted(pairs.unique()))
    total = sum(int(c) for c in new_pairs_by_year.values())
    if concentration > 0:
        members = pd.Series(unique).str.split("_", n=1, expand=True)
        countries = np.unique(members.to_numpy().ravel())
        propensity = dict(
            zip(countries, np.exp(concentration * rng.standard_normal(len(countries))), strict=True)
        )
        weight = (members[0].map(propensity) * members[1].map(propensity)).to_numpy()
        order = rng.choice(
            len(unique), size=min(total, len(unique)), replace=False, p=weight / weight.sum()
        )
    else:
        order = rng.permutation(len(unique))
    first = pd.Series(np.nan, index=unique)
    cursor = 0
    for year, count in sorted(new_pairs_by_year.items()):
        chosen = order[cursor : cursor + int(count)]
        first.iloc[chosen] = year
        cursor += int(count)
    return pairs.map(first)


def staggered_timing(
    new_pairs_by_year: dict[int, int],
    document_window: tuple[int, int],
    panel_years: list[int],
    n_pairs_target: int,
    n_pairs_source: int,
) -> dict[int, int]:
    """The document's timing moved onto another panel's years: each year's new pairs go to the
    panel year at the same relative position in the panel as the year has in the document's
    window (signings staggered over the panel as over the chapter's years, not pooled at its
    end), scaled to the same share of the panel's pairs."""
    first, last = document_window
    years = sorted(int(y) for y in panel_years)
    share = n_pairs_target / n_pairs_source
    out = dict.fromkeys(years, 0)
    for year, count in new_pairs_by_year.items():
        position = (int(year) - first) / max(last - first, 1)
        out[years[int(round(min(max(position, 0.0), 1.0) * (len(years) - 1)))]] += int(
            round(count * share)
        )
    return out


STAR_LEVELS = {0.1: "10pct", 0.05: "5pct", 0.01: "1pct"}


def coverage_summary(draws: pd.DataFrame) -> pd.DataFrame:
    """Per estimator, term and clustering: seeds, seeds without a standard error (a negative
    two-way variance), mean estimate, sd of estimates, mean se,
    se / sd (below 1: standard errors too small), share of 95% intervals covering zero, share
    rejecting at 5%, and the |t| a test at 10%, 5% and 1% needs under the placebo
    (``critical_abs_t_*``: a star survives this clustering where the t-ratio exceeds it; with
    a handful of seeds these quantiles are rough, bench/ch8_placebo_coverage.py runs
    hundreds)."""
    if "clustering" not in draws:
        draws = draws.assign(clustering="")
    covers = (draws["coef"] - Z95 * draws["se"] <= 0) & (0 <= draws["coef"] + Z95 * draws["se"])
    draws = draws.assign(
        # A two-way variance can be negative (no standard error): left out of the coverage.
        covers=covers.astype(float).where(draws["se"].notna()),
        t=draws["coef"] / draws["se"],
        se_undefined=draws["se"].isna(),
    )
    grouped = draws.groupby(["estimator", "term", "clustering"], sort=False)
    out = grouped.agg(
        seeds=("coef", "size"),
        se_undefined=("se_undefined", "sum"),
        mean_coef=("coef", "mean"),
        sd_coef=("coef", "std"),
        mean_se=("se", "mean"),
        coverage_95=("covers", "mean"),
    )
    out["se_over_sd"] = out["mean_se"] / out["sd_coef"]
    out["rejection_5pct"] = 1 - out["coverage_95"]
    for size, label in STAR_LEVELS.items():  # the chapter's *, **, *** thresholds
        out[f"critical_abs_t_{label}"] = grouped["t"].apply(critical_t, size=size)
    return out.reset_index()


TABLES_SPEC = "PPML exp+imp+year effects (Tables 8.3/8.A.5)"
DYAD_SPEC = "PPML dyad+exp-year+imp-year effects (event-study design)"


def prepare_flows(flows: pd.DataFrame, keys=("exp", "imp", "time")) -> pd.DataFrame:
    """Pair, dyad and exporter-year/importer-year codes for :func:`ppml_placebo_draws`."""
    from gvcneg.empirics.gvcdr2025_ch8.event_study import add_interacted_effects

    exp, imp, time = keys
    data = add_cluster_columns(flows, keys)
    return add_interacted_effects(data, (f"{exp}_{time}", f"{imp}_{time}"))


def ppml_placebo_draws(
    data: pd.DataFrame,
    timing: dict[int, int],
    seeds: list[int],
    spec: str,
    controls: list[str],
    keys=("exp", "imp", "time"),
    outcome: str = "export",
    clusterings: tuple[Clustering, ...] = ("pair",),
    concentration: float = 0.0,
) -> pd.DataFrame:
    """PPML with a random TTD dummy on real flows (from :func:`prepare_flows`), in the tables'
    specification (``TABLES_SPEC``: exporter, importer, year effects and ``controls``) or the
    event study's dyad-effect design (``DYAD_SPEC``); one fit per seed, its standard error
    under each of ``clusterings`` (one row each)."""
    from gvcneg.empirics.gvcdr2025_ch8.ppml import fit_ppml

    exp, imp, time = keys
    effects = (
        (exp, imp, time) if spec == TABLES_SPEC else ("dyad", f"{exp}_{time}", f"{imp}_{time}")
    )
    regressors = ["placebo_ttd", *(controls if spec == TABLES_SPEC else [])]
    specs = {c: cluster_spec(c, keys) for c in clusterings}
    rows = []
    for seed in seeds:
        first = random_first_years(data["pair"], timing, np.random.default_rng(seed), concentration)
        data = data.assign(placebo_ttd=(data[time].astype(int) >= first).astype(float))
        fit = fit_ppml(data, outcome, regressors, effects, "dyad", clusterings=specs)
        coef = fit.table.set_index("term").loc["placebo_ttd", "coef"]
        for clustering in clusterings:
            rows.append(
                {
                    "estimator": spec,
                    "term": "placebo_ttd",
                    "clustering": clustering,
                    "seed": seed,
                    "coef": coef,
                    "se": fit.se_by_clustering.loc["placebo_ttd", clustering],
                }
            )
    return pd.DataFrame(rows)


def placebo_panel_columns(config: dict, user_flows: bool) -> list[str]:
    """The dyad-panel columns :func:`estimator_placebo` reads: the pair codes (to scale the
    timing), Table 8.2's regressors and keys when the logit runs, and the keys and RTA dummy
    when the user's flows join (:func:`user_flows_for_placebo`). The panel has many more."""
    columns = ["pair"]
    if config["placebo"]["logit_seeds"]:
        columns += ["exporter", "importer", "year", *config["formation"]["regressors"]["digital"]]
    if user_flows:
        columns += ["exporter", "importer", "year", "rta"]
    return list(dict.fromkeys(columns))


def read_penppml_flows(path, first_year: int = 2000) -> pd.DataFrame:
    """The penppml example panel (real Comtrade exports, 4-year steps, 210 economies) from
    ``first_year``: the offline stand-in for the chapter's flows in the placebo (heavy-tailed
    like them), with ``agreement_in_force`` (a DTA agreement id) as the RTA-like control."""
    import pyreadr

    from gvcneg.data.source_schemas import check_source_frame

    data = pyreadr.read_r(str(path))["trade"]
    data = check_source_frame(data, "penppml-dta-sample", "trade.rda", path=path)
    data = data[data["time"].astype(int) >= first_year].copy()
    for column in ("exp", "imp"):
        data[column] = data[column].astype(str)
    data["time"] = data["time"].astype(int)
    data["agreement_in_force"] = (data["id"] > 0).astype(float)
    return data[["exp", "imp", "time", "export", "agreement_in_force"]].reset_index(drop=True)


def logit_placebo_draws(
    panel: pd.DataFrame,
    timing: dict[int, int],
    window: tuple[int, int],
    regressors: list[str],
    seeds: list[int],
    maxiter: int = 100,
    concentration: float = 0.0,
) -> pd.DataFrame:
    """Table 8.2's pooled logit with random signings: every covariate's true effect is zero."""
    from gvcneg.empirics.gvcdr2025_ch8.analysis import formation_sample
    from gvcneg.empirics.gvcdr2025_ch8.logit import fit_formation_logit

    data = panel[panel["year"].between(*window)].copy()
    rows = []
    for seed in seeds:
        first = random_first_years(data["pair"], timing, np.random.default_rng(seed), concentration)
        data["ttd_first_year"] = first
        data["ttd_signed"] = (data["year"] == first).astype(float)
        sample = formation_sample(data, "first_signing")
        fit = fit_formation_logit(sample, "ttd_signed", regressors, "year", "pair", maxiter)
        for row in fit.table.itertuples():
            rows.append(
                {
                    "estimator": "pooled logit (Table 8.2)",
                    "term": row.term,
                    "clustering": "pair",
                    "seed": seed,
                    "coef": row.coef,
                    "se": row.se,
                }
            )
    return pd.DataFrame(rows)


def user_flows_for_placebo(panel: pd.DataFrame, flows: pd.DataFrame) -> pd.DataFrame:
    """The user's flows (BaTiS or the CRM basket: exporter, importer, year, value) on the real
    panel, in the layout of :func:`read_penppml_flows`, with the panel's RTA dummy as control."""
    from gvcneg.empirics.gvcdr2025_ch8.trade_flows import attach_trade

    data = attach_trade(panel[["exporter", "importer", "year", "rta"]], flows)
    return data.rename(
        columns={
            "exporter": "exp",
            "importer": "imp",
            "year": "time",
            "trade": "export",
            "rta": "agreement_in_force",
        }
    )[["exp", "imp", "time", "export", "agreement_in_force"]]


def estimator_placebo(
    panel: pd.DataFrame,
    flows: pd.DataFrame | dict[str, pd.DataFrame],
    config: dict,
    seeds: list[int],
    dyad_seeds: list[int],
    logit_seeds: list[int],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every chapter 8 estimator under random signings with the document's counts and timing:
    the PPML of the tables and the dyad-effect PPML on real flows (``flows``: one frame in the
    layout of :func:`read_penppml_flows`, or a mapping label -> frame, e.g. the penppml panel
    and the user's BaTiS flows; timing scaled to each frame's pairs and years), and Table 8.2's
    logit on the real dyad panel (digital window and regressors). Returns (draws, summary)."""
    placebo = config["placebo"]
    timing = {int(k): int(v) for k, v in placebo["digital_new_pairs"].items()}
    clusterings = tuple(placebo["clusterings"])
    concentration = float(placebo["country_concentration"])
    window = tuple(config["years"]["digital"])
    flow_sets = flows if isinstance(flows, dict) else {"": flows}
    parts = []
    for label, frame in flow_sets.items():
        data = prepare_flows(frame)
        timing_flows = staggered_timing(
            timing,
            window,
            sorted(data["time"].unique()),
            data["pair"].nunique(),
            panel["pair"].nunique(),
        )
        suffix = f", {label}" if label else ""
        for spec, spec_seeds, controls in (
            (TABLES_SPEC, seeds, ["agreement_in_force"]),
            (DYAD_SPEC, dyad_seeds, []),
        ):
            draws = ppml_placebo_draws(
                data,
                timing_flows,
                spec_seeds,
                spec,
                controls,
                clusterings=clusterings,
                concentration=concentration,
            )
            parts.append(
                draws.assign(estimator=draws["estimator"] + suffix) if len(draws) else draws
            )
    if logit_seeds:
        parts.append(
            logit_placebo_draws(
                panel,
                timing,
                tuple(config["years"]["digital"]),
                config["formation"]["regressors"]["digital"],
                logit_seeds,
                config["formation"]["maxiter"],
                concentration,
            )
        )
    draws = pd.concat([p for p in parts if len(p)], ignore_index=True)
    return draws, coverage_summary(draws)
