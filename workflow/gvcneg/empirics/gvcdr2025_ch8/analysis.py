"""The chapter 8 models on the dyad panel: TTD formation (Table 8.2) and trade effects
(Tables 8.3 and 8.A.5, Figure 8.10 and its event-study version).

Each function takes the real panel, the TTD dyad expansion (and the user's trade flows) and
the config section, and returns tables and diagnostics frames.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from gvcneg.empirics.gvcdr2025_ch8.logit import fit_formation_logit
from gvcneg.empirics.gvcdr2025_ch8.support import SUPPORT_COLUMNS, term_support
from gvcneg.empirics.gvcdr2025_ch8.trade_flows import attach_trade
from gvcneg.empirics.gvcdr2025_ch8.ttd_dyads import add_ttd_variables


def theme_panel(
    panel: pd.DataFrame, dyads: pd.DataFrame, theme: str, years: list[int]
) -> pd.DataFrame:
    """The panel restricted to the theme's window (section 8.4) with its TTD variables."""
    window = panel[panel["year"].between(years[0], years[1])]
    return add_ttd_variables(window, dyads, theme)


def formation_sample(data: pd.DataFrame, risk_set: str) -> pd.DataFrame:
    """``first_signing``: dyad-years up to and including the first signing (event history);
    ``all_years``: every dyad-year, the outcome = signing in that year."""
    if risk_set == "all_years":
        return data
    at_risk = data["ttd_first_year"].isna() | (data["year"] <= data["ttd_first_year"])
    return data[at_risk]


def diagnostics_frame(items: dict[str, dict]) -> pd.DataFrame:
    """Stack estimator diagnostics: one row per model."""
    return pd.DataFrame([{"model": name, **diag} for name, diag in items.items()])


def table_8_2_formation(
    panel: pd.DataFrame, dyads: pd.DataFrame, config: dict
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pooled logits of digital and CRM TTD formation: odds ratios and diagnostics."""
    spec = config["formation"]
    tables, diags = [], {}
    for theme in ("digital", "crm"):
        data = formation_sample(
            theme_panel(panel, dyads, theme, config["years"][theme]), spec["risk_set"]
        )
        result = fit_formation_logit(
            data,
            "ttd_signed",
            spec["regressors"][theme],
            year="year" if spec["year_effects"] else None,
            cluster="pair" if spec["cluster"] == "pair" else "dyad",
            maxiter=spec["maxiter"],
        )
        diag = result.diagnostics
        tables.append(
            result.table.assign(
                model=f"{theme} TTD formation",
                treated_pairs=float(diag["n_event_clusters"]),
                events=float(diag["n_events"]),
                clusters=float(diag["n_clusters"]),
            )
        )
        diags[f"table_8_2_{theme}"] = result.diagnostics
    table = pd.concat(tables, ignore_index=True)
    return table[
        ["model", "term", "odds_ratio", "or_ci_low", "or_ci_high", "coef", "se", "pvalue"]
        + SUPPORT_COLUMNS
    ], diagnostics_frame(diags)


def trade_panel(
    panel: pd.DataFrame, dyads: pd.DataFrame, flows: pd.DataFrame, theme: str, config: dict
) -> pd.DataFrame:
    data = theme_panel(panel, dyads, theme, config["years"][theme])
    data = attach_trade(data, flows)
    data["ttd_x_binding"] = data["ttd_binding_active"]
    return data


TABLE_OF_THEME = {"digital": "table_8_a_5", "crm": "table_8_3"}


def table_trade_effect(
    data: pd.DataFrame, theme: str, config: dict, seed: int = 0
) -> tuple[pd.DataFrame, dict]:
    """Table 8.3 (CRM) or Table 8.A.5 (digital, with the binding-language interaction).

    Beside the chapter's dyad-clustered standard error: the treatment terms' standard errors
    under the table's configured clusterings (``se_<clustering>``) and, with ``ri_draws`` > 0,
    the randomisation-t p-value of ``ttd_active`` over re-assigned signing years
    (``ri_pvalue``; :mod:`.inference`)."""
    from gvcneg.empirics.gvcdr2025_ch8.inference import (
        add_cluster_columns,
        cluster_spec,
        randomisation_test,
    )
    from gvcneg.empirics.gvcdr2025_ch8.ppml import (  # pyfixest: only where PPML runs
        IRLSOptions,
        fit_ppml,
    )

    spec = config["trade_effect"]
    inference = spec["inference"][TABLE_OF_THEME[theme]]
    keys = ("exporter", "importer", "year")
    data = add_cluster_columns(data, keys)
    regressors = [
        "ttd_active",
        *(["ttd_x_binding"] if theme == "digital" else []),
        *spec["controls"],
    ]

    def fit(frame, cluster, clusterings=None):
        return fit_ppml(
            frame,
            "trade",
            regressors,
            tuple(spec["fixed_effects"]),
            cluster,
            irls=IRLSOptions(
                maxiter=spec["maxiter"],
                fixef_tol=spec["fixef_tol"],
                fixef_maxiter=spec["fixef_maxiter"],
            ),
            clusterings=clusterings,
        )

    result = fit(
        data, spec["cluster"], {c: cluster_spec(c, keys) for c in inference["clusterings"]}
    )
    table = result.table.copy()
    for clustering in inference["clusterings"]:
        table[f"se_{clustering}"] = table["term"].map(result.se_by_clustering[clustering])
    diagnostics = dict(result.diagnostics)
    if inference["ri_draws"]:
        timing = data.assign(
            first_binding_year=data["year"]
            .where(data["ttd_x_binding"] == 1)
            .groupby(data["pair"])
            .transform("min")
        )

        def treatment_t(frame):
            frame = frame.assign(
                ttd_active=(frame["year"] >= frame["ttd_first_year"]).astype(float),
                ttd_x_binding=(frame["year"] >= frame["first_binding_year"]).astype(float),
            )
            row = fit(frame, "pair").table.set_index("term").loc["ttd_active"]
            return row["coef"] / row["se"]

        _, p_value, stats = randomisation_test(
            timing,
            ["ttd_first_year", "first_binding_year"],
            treatment_t,
            inference["ri_draws"],
            np.random.default_rng(seed),
        )
        table["ri_pvalue"] = np.where(table["term"] == "ttd_active", p_value, np.nan)
        diagnostics.update(ri_draws=len(stats), ri_statistic="t (pair-clustered)")
    # Beside each coefficient: the treated pairs, signings and clusters it rests on.
    sample = data.loc[result.in_sample.to_numpy()]
    support = term_support(sample, regressors, spec["cluster"], event_year="ttd_first_year")
    return table.merge(support, on="term", how="left"), diagnostics


def figure_8_10_profiles(
    data: pd.DataFrame, config: dict
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, dict]:
    """Raw trade around signing, the PPML event-study path with dyad effects, and Gardner's
    two-stage DiD path (see :mod:`event_study` for the design)."""
    from gvcneg.empirics.gvcdr2025_ch8.event_study import (
        fit_did2s_event_study,
        fit_event_study,
        raw_event_profile,
    )

    spec = config["event_study"]
    profile = raw_event_profile(data, "trade", "ttd_first_year", (-spec["leads"], spec["lags"]))
    path, fit = fit_event_study(
        data,
        "trade",
        "ttd_first_year",
        spec["controls"],
        spec["leads"],
        spec["lags"],
        tuple(spec["fixed_effects"]),
        spec["cluster"],
    )
    did2s = fit_did2s_event_study(
        data, "trade", "ttd_first_year", spec["leads"], spec["lags"], cluster=spec["cluster"]
    )
    return profile, path, did2s, fit.diagnostics
