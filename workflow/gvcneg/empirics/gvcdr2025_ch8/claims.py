"""The chapter 8 rows of the ledger: computed when their inputs exist, else awaiting data.

Every quantity names the registry sources it needs. The published values live only in
``targets/gvcdr2025_ch8.yaml``; this module computes the pipeline's own values.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from gvcneg.empirics.gvcdr2025_ch8.coverage import Coverage, coverage_note, coverage_status
from gvcneg.empirics.gvcdr2025_ch8.inference import (
    CLUSTERINGS,
    STAR_LEVELS,
    placebo_thresholds,
    star_count,
    star_thresholds,
)
from gvcneg.empirics.gvcdr2025_ch8.placebo import TABLES_SPEC
from gvcneg.empirics.gvcdr2025_ch8.support import thin_support
from gvcneg.ledger.claims import Claim, awaiting_data, computed, unjudged

TTD = "wto-ttd"
BATIS = "oecd-wto-batis"
CRM_TRADE = "baci-crm"


@dataclass
class ChapterResults:
    """Results of the chapter 8 rules; None where the inputs are not available."""

    deal_counts: dict | None = None  # descriptives.deal_counts
    cumulative: pd.DataFrame | None = None  # Figure 8.1 data
    comparison: pd.DataFrame | None = None  # Figures 8.6/8.7 data
    code_counts: pd.DataFrame | None = None  # footnote 15 codes among mapped deals
    investment_levels: pd.DataFrame | None = None  # theme, level, deals (mapped)
    binding_dyad_shares: dict | None = None  # digital: share of TTD dyad-years / all dyad-years
    income_pairings: pd.DataFrame | None = None  # theme, pairing, pairs, pair_years
    participation: pd.DataFrame | None = None  # Figure 8.2: theme, iso3, period, dyad_years
    significance: pd.DataFrame | None = None  # Figures 8.6-8.9: theme, variable, t, pvalue
    odds: pd.DataFrame | None = None  # Table 8.2
    crm_table: pd.DataFrame | None = None  # Table 8.3 (term, coef, pct_effect)
    crm_diagnostics: dict | None = None
    digital_table: pd.DataFrame | None = None  # Table 8.A.5
    digital_diagnostics: dict | None = None
    coverage: Coverage | None = None  # the supplied TTD file against the chapter's counts
    support: pd.DataFrame | None = None  # quantity, status text of estimates on thin support
    # The controls of Tables 8.3 and 8.A.5 that come from substitute data (empty: none).
    substitute_controls: tuple[str, ...] = ()
    # The regressors of Table 8.2's formation logits that come from substitute data.
    substitute_regressors: tuple[str, ...] = ()
    # The estimator placebo's summary (placebo.coverage_summary): critical |t| per clustering.
    placebo: pd.DataFrame | None = None


# Table 8.1 lists WDI GDP in constant US dollars; offline, log GDP is GDP per capita PPP x
# population (a different measure), and no source of the document's series can be supplied.
GDP_CONTROLS = ("log_gdp_exporter", "log_gdp_importer")
GDP_STAND_IN = "log GDP from GDP per capita PPP x population, not WDI GDP in constant US$"
# Table 8.2's income level: "GDP per capita (PPP, current international US dollars)"; offline we
# have it in constant 2021 international dollars.
GDPPC_CONTROLS = ("log_gdppc_exporter", "log_gdppc_importer")
GDPPC_STAND_IN = "GDP per capita PPP in constant 2021 international $, not current"


# Table 8.1 takes distance, contiguity, common language and colony from the USITC Dynamic
# Gravity Dataset; offline they come from CEPII GeoDist (registry `cepii-geodist`) unless the
# user supplies `usitc-dgd`.
GEODIST_CONTROLS = ("log_dist", "contig", "comlang_off", "colony")
GEODIST_STAND_IN = (
    "distance, contiguity, common language and colony from CEPII GeoDist standing in for USITC DGD"
)


def substitute_controls(controls: list[str], dgd_supplied: bool = False) -> tuple[str, ...]:
    """What of the configured regressors is substitute data, as status text: log GDP and GDP per
    capita (always PPP constant-price here) and the gravity controls unless the user supplied
    the USITC DGD."""
    out = []
    if any(c in GDP_CONTROLS for c in controls):
        out.append(GDP_STAND_IN)
    if any(c in GDPPC_CONTROLS for c in controls):
        out.append(GDPPC_STAND_IN)
    if not dgd_supplied and any(c in GEODIST_CONTROLS for c in controls):
        out.append(GEODIST_STAND_IN)
    return tuple(out)


def stand_in_status(substitutes: tuple[str, ...], what: str = "controls") -> str:
    """The ledger status of an estimate with substitute regressors. Joined by " / ", not ";":
    the ledger's status is a note's text up to its first ";"."""
    return f"stand-in ({what}: " + " / ".join(substitutes) + ")"


def _value(frame: pd.DataFrame, **where) -> float:
    mask = np.ones(len(frame), dtype=bool)
    for column, value in where.items():
        if column == "value_column":
            continue
        mask &= (frame[column] == value).to_numpy()
    rows = frame.loc[mask, where.get("value_column", "value")]
    if len(rows) != 1:
        raise KeyError(f"expected one row for {where}, found {len(rows)}")
    return float(rows.iloc[0])


def _claim(quantity: str, available: bool, compute, sources: str, note: str = "") -> Claim:
    if not available:
        return awaiting_data(quantity, sources)
    value = compute()
    if value is None or not np.isfinite(value):
        return awaiting_data(quantity, sources, "not computable from the supplied data")
    return computed(quantity, value, note)


def deal_claims(r: ChapterResults) -> list[Claim]:
    c = r.deal_counts
    ok = c is not None
    cum = r.cumulative
    have_cum = cum is not None

    def dyads(year):
        return _value(cum, theme="digital", year=year, value_column="dyads")

    items = [
        ("ttd_deals_total", lambda: c["total"]),
        ("ttd_deals_crm", lambda: c["crm"]),
        ("ttd_deals_digital", lambda: c["digital"]),
        ("ttd_signed_after_2019", lambda: c["signed_after_2019"]),
        ("ttd_share_signed_after_2019", lambda: c["share_signed_after_2019"]),
        ("crm_share_signed_2022_2024", lambda: c["share_crm_signed_2022_2024"]),
        ("mapped_texts_digital", lambda: c["mapped_digital"]),
        ("mapped_texts_crm", lambda: c["mapped_crm"]),
        ("share_mapped_digital", lambda: c["mapped_digital"] / c["digital"]),
        ("share_mapped_crm", lambda: c["mapped_crm"] / c["crm"]),
        ("ttd_first_year_digital", lambda: c["first_year_digital"]),
        ("ttd_first_year_crm", lambda: c["first_year_crm"]),
        ("ttd_last_year_signed", lambda: c["last_year_signed"]),
    ]
    claims = [_claim(q, ok, f, TTD) for q, f in items]
    claims += [
        _claim(
            "digital_ttd_dyads_2019", have_cum, lambda: dyads(2019), TTD, "unordered country pairs"
        ),
        _claim(
            "digital_ttd_dyads_2024", have_cum, lambda: dyads(2024), TTD, "unordered country pairs"
        ),
        _claim(
            "digital_ttd_dyads_factor_2019_2024", have_cum, lambda: dyads(2024) / dyads(2019), TTD
        ),
    ]
    return claims


# Section 8.4.2: "led by the Republic of Korea, the US, Australia and the Democratic Republic of
# the Congo - which appear in over 50 unique dyad-years each" (CRM, post-2020).
CRM_LEADERS = ("KOR", "USA", "AUS", "COD")


def participation_claims(r: ChapterResults) -> list[Claim]:
    pairings, part = r.income_pairings, r.participation
    claims = []
    for pairing, name in (
        ("North-North", "north_north"),
        ("North-South", "north_south"),
        ("South-South", "south_south"),
    ):
        claims.append(
            _claim(
                f"digital_pair_years_{name}",
                pairings is not None,
                lambda p=pairing: _value(
                    pairings, theme="digital", pairing=p, value_column="pair_years"
                ),
                TTD,
                "unordered pair-years from first signing to 2024; North = World Bank high income "
                "(our reading; the chapter does not state its unit)",
            )
        )

    def post(code):
        rows = part[(part["theme"] == "crm") & (part["period"] == "post") & (part["iso3"] == code)]
        return float(rows["dyad_years"].sum())

    def leaders_in_top4():
        rows = part[(part["theme"] == "crm") & (part["period"] == "post")]
        top = rows.sort_values(["dyad_years", "iso3"], ascending=[False, True]).head(4)
        return float(len(set(top["iso3"]) & set(CRM_LEADERS)))

    for code in CRM_LEADERS:
        claims.append(
            _claim(
                f"crm_post2020_dyad_years_{code.lower()}",
                part is not None,
                lambda c=code: post(c),
                TTD,
                "directed CRM TTD dyad-years from 2020 with the economy as one side",
            )
        )
    claims.append(
        _claim(
            "crm_leaders_in_top4",
            part is not None,
            leaders_in_top4,
            TTD,
            "how many of KOR, USA, AUS, COD are the four economies with most post-2020 CRM dyad-years",
        )
    )
    return claims


SIGNIFICANCE_CLAIMS = {
    "fig_8_6_t_rta_digital": ("digital", "rta"),
    "fig_8_6_t_rta_crm": ("crm", "rta"),
    "fig_8_7_t_bloc_digital": ("digital", "shared_bloc"),
    "fig_8_7_t_bloc_crm": ("crm", "shared_bloc"),
    "wgi_t_gov_effectiveness_digital": ("digital", "wgi_gov_effectiveness_exporter"),
    "wgi_t_regulatory_quality_digital": ("digital", "wgi_regulatory_quality_exporter"),
    "wgi_t_rule_of_law_digital": ("digital", "wgi_rule_of_law_exporter"),
    "wgi_t_gov_effectiveness_crm": ("crm", "wgi_gov_effectiveness_exporter"),
    "wgi_t_regulatory_quality_crm": ("crm", "wgi_regulatory_quality_exporter"),
    "wgi_t_rule_of_law_crm": ("crm", "wgi_rule_of_law_exporter"),
    "fig_8_8_t_dci_gap": ("digital", "dci_gap"),
    "fig_8_8_t_dci_mean": ("digital", "dci_mean"),
    "fig_8_9_t_crm_endowment": ("crm", "log_crm_max_share"),
}


def significance_claims(r: ChapterResults) -> list[Claim]:
    """t-ratios of TTD-at-signing minus never-signing dyad-years (same year, pair-clustered)."""
    sig = r.significance
    return [
        _claim(
            quantity,
            sig is not None,
            lambda t=theme, v=variable: _value(sig, theme=t, variable=v, value_column="t"),
            f"{TTD} (panel covariates real)",
            "t-ratio, TTD dyads at signing minus never-signing dyad-years, year effects, "
            "errors clustered by country pair",
        )
        for quantity, (theme, variable) in SIGNIFICANCE_CLAIMS.items()
    ]


def code_claims(r: ChapterResults) -> list[Claim]:
    codes = r.code_counts
    ok = codes is not None
    claims = []
    for theme in ("digital", "crm"):
        for field, values in (
            ("binding_language", ("binding", "non_binding", "not_specified")),
            ("dispute_settlement", ("adjudicative", "consultative", "not_specified")),
        ):
            for code in values:
                quantity = f"{theme}_{field}_{code}"
                claims.append(
                    _claim(
                        quantity,
                        ok,
                        lambda t=theme, f=field, k=code: _value(
                            codes, theme=t, field=f, code=k, value_column="deals"
                        ),
                        TTD,
                    )
                )
    inv = r.investment_levels
    have_inv = inv is not None

    def crm_level(level):
        return _value(inv, theme="crm", level=level, value_column="deals")

    claims.append(
        _claim(
            "crm_investment_projects",
            have_inv,
            lambda: crm_level(3),
            TTD,
            "Annex 8.3 investment level 3",
        )
    )
    claims.append(
        _claim(
            "crm_investment_funding_source_share",
            have_inv,
            lambda: crm_level(2) / inv.loc[inv["theme"] == "crm", "deals"].sum(),
            TTD,
            "Annex 8.3 investment level 2, share of mapped CRM TTDs",
        )
    )
    shares = r.binding_dyad_shares
    claims.append(
        _claim(
            "binding_share_of_digital_ttd_dyad_years",
            shares is not None,
            lambda: shares["of_digital_ttd"],
            TTD,
        )
    )
    claims.append(
        _claim("binding_share_of_all_dyad_years", shares is not None, lambda: shares["of_all"], TTD)
    )
    return claims


def formation_claims(r: ChapterResults) -> list[Claim]:
    comp = r.comparison
    ok = comp is not None
    items = [
        ("rta_share_digital_ttd_dyads", "digital", "rta", "TTD dyads"),
        ("rta_share_crm_ttd_dyads", "crm", "rta", "TTD dyads"),
        ("rta_share_non_ttd_dyads", "digital", "rta", "Non-TTD dyads"),
        ("bloc_share_digital_ttd_dyads", "digital", "shared_bloc", "TTD dyads"),
        ("bloc_share_crm_ttd_dyads", "crm", "shared_bloc", "TTD dyads"),
    ]
    claims = [
        _claim(
            q,
            ok,
            lambda t=t, v=v, g=g: _value(comp, theme=t, variable=v, group=g),
            f"{TTD} (panel covariates real)",
        )
        for q, t, v, g in items
    ]
    odds = r.odds
    claims.append(
        _claim(
            "odds_ratio_rta_digital",
            odds is not None,
            lambda: _value(
                odds, model="digital TTD formation", term="rta", value_column="odds_ratio"
            ),
            TTD,
        )
    )
    return claims


TABLE_8_3_TERMS = {"ttd_active": "crm_ttd", "rta": "rta"}
TABLE_8_A_5_TERMS = {
    "ttd_active": "digital_ttd",
    "rta": "rta",
    "ttd_x_binding": "digital_ttd_x_binding",
    "contig": "contiguity",
    "comlang_off": "common_language",
    "colony": "colonial_tie",
    "log_dist": "log_distance",
    "log_gdp_exporter": "exporter_log_gdp",
    "log_gdp_importer": "importer_log_gdp",
}


def trade_claims(r: ChapterResults) -> list[Claim]:
    crm, dig = r.crm_table, r.digital_table
    crm_sources, dig_sources = f"{TTD}, {CRM_TRADE}", f"{TTD}, {BATIS}"
    claims = []

    def stars(table, term):
        """Significance stars as a count (0-3; *** p<0.01, ** p<0.05, * p<0.1)."""
        pvalue = _value(table, term=term, value_column="pvalue")
        return float(sum(pvalue < level for level in STAR_LEVELS))

    for term, name in TABLE_8_3_TERMS.items():
        claims.append(
            _claim(
                f"table_8_3_stars_{name}",
                crm is not None,
                lambda t=term: stars(crm, t),
                crm_sources,
                "number of significance stars (dyad-clustered errors)",
            )
        )
        claims.append(
            _claim(
                f"table_8_3_coef_{name}",
                crm is not None,
                lambda t=term: _value(crm, term=t, value_column="coef"),
                crm_sources,
            )
        )
        claims.append(
            _claim(
                f"table_8_3_pct_{name}",
                crm is not None,
                lambda t=term: _value(crm, term=t, value_column="pct_effect"),
                crm_sources,
            )
        )
    claims.append(
        _claim(
            "table_8_3_mean_trade_musd",
            r.crm_diagnostics is not None,
            lambda: r.crm_diagnostics["mean_outcome"] / 1e6,
            crm_sources,
        )
    )
    for term, name in TABLE_8_A_5_TERMS.items():
        claims.append(
            _claim(
                f"table_8_a_5_se_{name}",
                dig is not None,
                lambda t=term: _value(dig, term=t, value_column="se"),
                dig_sources,
                "dyad-clustered standard error",
            )
        )
        claims.append(
            _claim(
                f"table_8_a_5_stars_{name}",
                dig is not None,
                lambda t=term: stars(dig, t),
                dig_sources,
                "number of significance stars",
            )
        )
        claims.append(
            _claim(
                f"table_8_a_5_coef_{name}",
                dig is not None,
                lambda t=term: _value(dig, term=t, value_column="coef"),
                dig_sources,
            )
        )
    claims.append(
        _claim(
            "table_8_a_5_pct_digital_ttd_x_binding",
            dig is not None,
            lambda: _value(dig, term="ttd_x_binding", value_column="pct_effect"),
            dig_sources,
        )
    )
    diag = r.digital_diagnostics
    claims.append(_claim("table_8_a_5_n", diag is not None, lambda: diag["n_used"], dig_sources))
    claims.append(
        _claim(
            "table_8_a_5_mean_trade_musd",
            diag is not None,
            lambda: diag["mean_outcome"] / 1e6,
            dig_sources,
        )
    )
    return claims


# The placebo flows that calibrate each table's critical values, first found first: the
# chapter's own flows when supplied, else the penppml Comtrade panel (a stand-in).
PLACEBO_FLOWS = {
    "table_8_3": (CRM_TRADE, "penppml Comtrade panel"),
    "table_8_a_5": (BATIS, "penppml Comtrade panel"),
}


def survival_quantity(prefix: str, name: str, clustering: str) -> str:
    """The ledger quantity of a term's stars under one clustering."""
    slug = clustering.replace("+", "_")
    return f"{prefix}_stars_{name}_under_{slug}"


def _gravity_tables(r: ChapterResults):
    """(prefix, table or None, term -> name, sources) of the two gravity tables."""
    yield "table_8_3", r.crm_table, TABLE_8_3_TERMS, f"{TTD}, {CRM_TRADE}"
    yield "table_8_a_5", r.digital_table, TABLE_8_A_5_TERMS, f"{TTD}, {BATIS}"


def star_survival_claims(r: ChapterResults) -> list[Claim]:
    """Per term of Tables 8.3/8.A.5 and clustering: the stars of our estimate when its
    t-ratio uses that clustering's standard error (``se`` for the chapter's dyad,
    ``se_<clustering>`` otherwise) and each star level needs the larger of the normal and the
    placebo-calibrated critical |t| (:func:`.inference.star_thresholds`). The targets compare
    them with the chapter's stars; the calibration comes from placebo signings on stand-in
    flows unless the chapter's own are supplied."""
    claims = []
    for prefix, table, terms, sources in _gravity_tables(r):
        calibrated = placebo_thresholds(r.placebo, TABLES_SPEC, PLACEBO_FLOWS[prefix])
        for term, name in terms.items():
            for clustering in CLUSTERINGS:
                quantity = survival_quantity(prefix, name, clustering)
                column = "se" if clustering == "dyad" else f"se_{clustering}"
                if table is None:
                    claims.append(awaiting_data(quantity, sources))
                    continue
                if column not in table:
                    claims.append(
                        awaiting_data(
                            quantity,
                            sources,
                            f"not computed: {clustering} is not among the table's clusterings "
                            "(gvcdr2025_ch8.trade_effect.inference)",
                        )
                    )
                    continue
                levels, placebo = calibrated.get(clustering, ({}, "no placebo calibration"))
                needed = star_thresholds(levels)
                note = (
                    f"stars with {clustering}-clustered errors; |t| needed for */**/***: "
                    + "/".join(f"{needed[level]:.2f}" for level in sorted(needed, reverse=True))
                    + f" (normal or placebo-calibrated, the larger; {placebo})"
                )
                claims.append(
                    _claim(
                        quantity,
                        True,
                        lambda tb=table, t=term, c=column, n=needed: star_count(
                            _value(tb, term=t, value_column="coef")
                            / _value(tb, term=t, value_column=c),
                            n,
                        ),
                        sources,
                        note,
                    )
                )
    return claims


# The quantities of each gravity table's coefficient rows whose estimate depends on the
# regression's controls (the mean of the outcome does not).
COEFFICIENT_KINDS = {
    "table_8_3": ("stars", "coef", "pct"),
    "table_8_a_5": ("se", "stars", "coef", "pct"),
}


def _trade_effect_rows(r: ChapterResults):
    """(quantity, the table row its estimate comes from) for every coefficient row of the two
    gravity tables (8.3, 8.A.5), the star-survival rows included."""
    for prefix, table, terms, _ in _gravity_tables(r):
        if table is None:
            continue
        for term, name in terms.items():
            row = table.loc[table["term"] == term]
            if not len(row):
                continue
            for kind in COEFFICIENT_KINDS[prefix]:
                yield f"{prefix}_{kind}_{name}", row.iloc[0]
            for clustering in CLUSTERINGS:
                yield survival_quantity(prefix, name, clustering), row.iloc[0]


FORMATION_ROWS = {"odds_ratio_rta_digital": ("digital TTD formation", "rta")}


def _formation_rows(r: ChapterResults):
    """(quantity, the Table 8.2 row its estimate comes from) for every odds-ratio row."""
    if r.odds is None:
        return
    for quantity, (model, term) in FORMATION_ROWS.items():
        row = r.odds[(r.odds["model"] == model) & (r.odds["term"] == term)]
        if len(row):
            yield quantity, row.iloc[0]


def _coefficient_rows(r: ChapterResults):
    """(quantity, the table row its estimate comes from) for every coefficient row."""
    yield from _trade_effect_rows(r)
    yield from _formation_rows(r)


def support_flags(r: ChapterResults, guards: dict) -> pd.DataFrame:
    """Quantity -> "flagged: rests on ..." for every coefficient below a stated minimum."""
    rows = [
        {"quantity": quantity, "status": status}
        for quantity, row in _coefficient_rows(r)
        if (status := thin_support(row, guards)) is not None
    ]
    return pd.DataFrame(rows, columns=["quantity", "status"])


def judged_or_not(claims: list[Claim], results: ChapterResults) -> list[Claim]:
    """Every computed row rests on the TTD file: below full coverage it is "partial data (k of n
    deals)"; an estimate on fewer treated pairs, events or clusters than the stated minimum is
    "flagged"; a coefficient of Tables 8.3/8.A.5 estimated with substitute controls is
    "stand-in (controls: ...)", an odds ratio of Table 8.2 with substitute regressors
    "stand-in (regressors: ...)"; in each case its value is shown and never judged."""
    partial = coverage_status(results.coverage)
    thin = (
        {}
        if results.support is None
        else dict(zip(results.support["quantity"], results.support["status"], strict=True))
    )
    substituted = (
        dict.fromkeys(
            (quantity for quantity, _ in _trade_effect_rows(results)),
            stand_in_status(results.substitute_controls),
        )
        if results.substitute_controls
        else {}
    )
    if results.substitute_regressors:
        substituted.update(
            dict.fromkeys(
                (quantity for quantity, _ in _formation_rows(results)),
                stand_in_status(results.substitute_regressors, "regressors"),
            )
        )
    out = []
    for claim in claims:
        if claim.status != "computed":
            out.append(claim)
        elif partial is not None:
            out.append(unjudged(claim, partial, coverage_note(results.coverage)))
        elif claim.quantity in thin:
            out.append(unjudged(claim, thin[claim.quantity], "", kind="flagged"))
        elif claim.quantity in substituted:
            # A coefficient of a regression with substitute controls cannot test the published
            # one: "Partial or substitute data never reproduces".
            out.append(unjudged(claim, substituted[claim.quantity], "", kind="stand_in"))
        else:
            out.append(claim)
    return out


def chapter_claims(results: ChapterResults) -> list[Claim]:
    return judged_or_not(
        deal_claims(results)
        + participation_claims(results)
        + significance_claims(results)
        + code_claims(results)
        + formation_claims(results)
        + trade_claims(results)
        + star_survival_claims(results),
        results,
    )
