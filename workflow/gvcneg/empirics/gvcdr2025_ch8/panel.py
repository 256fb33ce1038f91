"""The dyad-year panel of chapter 8 (section 8.4, Table 8.1), built from real covariates.

Unit: a directed country pair (exporter, importer) in a year, 2006-2024 (the CRM window; the
digital window 2011-2024 is a subset). Covariates are those of Table 8.1 that exist offline;
the TTD variables and the two trade flows (BaTiS DDS, CRM basket) are added only when the
user supplies those files.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pandera.pandas as pa

from gvcneg.empirics.gvcdr2025_ch8.blocs import shared_bloc
from gvcneg.empirics.gvcdr2025_ch8.crm_endowment import dyad_crm_endowment
from gvcneg.empirics.gvcdr2025_ch8.dci import dyad_dci

KEYS = ["exporter", "importer", "year"]


@dataclass(frozen=True)
class PanelInputs:
    """Tidy inputs (see :mod:`covariates`, :mod:`blocs`, :mod:`dci`, :mod:`crm_endowment`)."""

    economies: list[str]
    geodist: (
        pd.DataFrame
    )  # exporter, importer, log_dist, contig, comlang_off, colony, landlocked_any
    rta_years: pd.DataFrame  # iso_a, iso_b, year
    bloc_members: pd.DataFrame  # bloc, iso3
    gdp: pd.DataFrame  # iso3, year, gdp_pc_ppp, gdp
    wgi: pd.DataFrame  # iso3, year, wgi_*
    ideal_points: pd.DataFrame  # iso3, year, ideal_point
    wto_accessions: pd.DataFrame  # iso3, wto_year
    sanctions: pd.DataFrame  # iso_a, iso_b, year
    sanctions_first_complete_year: int
    dci_index: pd.DataFrame  # iso3, year, dci, dci_penalised
    crm_country: pd.DataFrame  # iso3, year, crm_share
    crm_log_floor: float
    dci_components: pd.DataFrame | None = None  # iso3, year, the three WDI components
    # "missing": the sanction dummy is NaN in partial years (models drop them, diagnostics
    # count them); "keep": 0/1 as read, a lower bound (flag sanction_partial).
    sanctions_partial_years: str = "missing"


def directed_pairs(economies: list[str], years) -> pd.DataFrame:
    codes = np.asarray(sorted(economies))
    exp, imp = np.meshgrid(codes, codes, indexing="ij")
    mask = exp != imp
    pairs = pd.DataFrame({"exporter": exp[mask], "importer": imp[mask]})
    return pairs.merge(pd.DataFrame({"year": list(years)}), how="cross")


def _pair_flag(panel: pd.DataFrame, pairs_years: pd.DataFrame) -> np.ndarray:
    """1.0 where the unordered pair-year is listed (iso_a < iso_b)."""
    a = np.where(panel["exporter"] < panel["importer"], panel["exporter"], panel["importer"])
    b = np.where(panel["exporter"] < panel["importer"], panel["importer"], panel["exporter"])
    listed = pd.MultiIndex.from_frame(pairs_years[["iso_a", "iso_b", "year"]])
    index = pd.MultiIndex.from_arrays([a, b, panel["year"].to_numpy()])
    return index.isin(listed).astype(float)


def _country_merge(panel, frame, columns, side, rename=None):
    part = frame[["iso3", "year", *columns]].rename(
        columns={"iso3": side, **{c: (rename or {}).get(c, f"{c}_{side}") for c in columns}}
    )
    return panel.merge(part, on=[side, "year"], how="left")


def build_dyad_panel(inputs: PanelInputs, years) -> pd.DataFrame:
    """Assemble the panel; the economies are those with CEPII distances (after harmonising)."""
    with_distance = set(inputs.geodist["exporter"]) & set(inputs.economies)
    panel = directed_pairs(sorted(with_distance), years)
    panel = panel.merge(inputs.geodist, on=["exporter", "importer"], how="left")
    panel["dyad"] = panel["exporter"] + "_" + panel["importer"]
    lo = np.where(panel["exporter"] < panel["importer"], panel["exporter"], panel["importer"])
    hi = np.where(panel["exporter"] < panel["importer"], panel["importer"], panel["exporter"])
    panel["pair"] = pd.Series(lo, index=panel.index) + "_" + pd.Series(hi, index=panel.index)
    panel["rta"] = _pair_flag(panel, inputs.rta_years)
    panel["shared_bloc"] = shared_bloc(panel, inputs.bloc_members)

    gdp = inputs.gdp.assign(
        log_gdp=np.log(inputs.gdp["gdp"]), log_gdppc=np.log(inputs.gdp["gdp_pc_ppp"])
    )
    for side in ("exporter", "importer"):
        panel = _country_merge(panel, gdp, ["log_gdp", "log_gdppc"], side)
    wgi_cols = [c for c in inputs.wgi.columns if c.startswith("wgi_")]
    panel = _country_merge(panel, inputs.wgi, wgi_cols, "exporter")

    ideal = inputs.ideal_points.set_index(["iso3", "year"])["ideal_point"]
    exp_ip = ideal.reindex(pd.MultiIndex.from_arrays([panel["exporter"], panel["year"]])).to_numpy()
    imp_ip = ideal.reindex(pd.MultiIndex.from_arrays([panel["importer"], panel["year"]])).to_numpy()
    panel["ideal_point_distance"] = np.abs(exp_ip - imp_ip)

    wto = inputs.wto_accessions.set_index("iso3")["wto_year"]
    exp_wto = panel["exporter"].map(wto)
    imp_wto = panel["importer"].map(wto)
    panel["both_wto"] = ((panel["year"] >= exp_wto) & (panel["year"] >= imp_wto)).astype(float)

    panel["sanction"] = _pair_flag(panel, inputs.sanctions)
    panel["sanction_partial"] = (panel["year"] < inputs.sanctions_first_complete_year).astype(float)
    if inputs.sanctions_partial_years == "missing":
        panel.loc[panel["sanction_partial"] == 1, "sanction"] = np.nan

    dci = inputs.dci_index
    panel = panel.join(dyad_dci(panel, dci, "dci_penalised"))
    raw = dyad_dci(panel, dci, "dci").rename(
        columns={"dci_mean": "dci_mean_raw", "dci_gap": "dci_gap_raw"}
    )
    panel = panel.join(raw)
    panel = panel.join(dyad_crm_endowment(panel, inputs.crm_country, inputs.crm_log_floor))
    return panel.sort_values(KEYS).reset_index(drop=True)


PANEL_SCHEMA = pa.DataFrameSchema(
    {
        "exporter": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{3}$")),
        "importer": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{3}$")),
        "year": pa.Column(int, pa.Check.in_range(2006, 2024)),
        "dyad": pa.Column(str),
        "pair": pa.Column(str),
        "log_dist": pa.Column(float, pa.Check.in_range(0, 10), nullable=False),
        "contig": pa.Column(float, pa.Check.isin([0.0, 1.0])),
        "comlang_off": pa.Column(float, pa.Check.isin([0.0, 1.0])),
        "colony": pa.Column(float, pa.Check.isin([0.0, 1.0])),
        "landlocked_any": pa.Column(float, pa.Check.isin([0.0, 1.0])),
        "rta": pa.Column(float, pa.Check.isin([0.0, 1.0])),
        "shared_bloc": pa.Column(float, pa.Check.isin([0.0, 1.0])),
        "log_gdp_exporter": pa.Column(float, pa.Check.in_range(10, 35), nullable=True),
        "log_gdp_importer": pa.Column(float, pa.Check.in_range(10, 35), nullable=True),
        "log_gdppc_exporter": pa.Column(float, pa.Check.in_range(4, 13), nullable=True),
        "log_gdppc_importer": pa.Column(float, pa.Check.in_range(4, 13), nullable=True),
        "wgi_gov_effectiveness_exporter": pa.Column(float, pa.Check.in_range(-3, 3), nullable=True),
        "wgi_regulatory_quality_exporter": pa.Column(
            float, pa.Check.in_range(-3, 3), nullable=True
        ),
        "wgi_rule_of_law_exporter": pa.Column(float, pa.Check.in_range(-3, 3), nullable=True),
        "ideal_point_distance": pa.Column(float, pa.Check.in_range(0, 10), nullable=True),
        "both_wto": pa.Column(float, pa.Check.isin([0.0, 1.0])),
        "sanction": pa.Column(float, pa.Check.isin([0.0, 1.0]), nullable=True),
        "sanction_partial": pa.Column(float, pa.Check.isin([0.0, 1.0])),
        "dci_mean": pa.Column(float, pa.Check.in_range(-10, 10), nullable=True),
        "dci_gap": pa.Column(float, pa.Check.in_range(0, 20), nullable=True),
        "dci_mean_raw": pa.Column(float, nullable=True),
        "dci_gap_raw": pa.Column(float, nullable=True),
        "crm_max_share": pa.Column(float, pa.Check.in_range(0, 1)),
        "log_crm_max_share": pa.Column(float, pa.Check.le(0)),
    },
    unique=["exporter", "importer", "year"],
    checks=[pa.Check(lambda df: (df["exporter"] != df["importer"]).all(), error="self-pairs")],
    strict=True,
    coerce=False,
    name="chapter 8 dyad-year panel",
)


def coverage_by_year(panel: pd.DataFrame) -> pd.DataFrame:
    """Per year: dyads, and the share of dyad-years with each covariate non-missing (and
    the share with an RTA, a shared bloc, a sanction)."""
    value_cols = [
        c for c in panel.columns if c not in ("exporter", "importer", "year", "dyad", "pair")
    ]
    grouped = panel.groupby("year")
    out = grouped.size().rename("dyads").to_frame()
    for column in value_cols:
        out[f"share_nonmissing_{column}"] = grouped[column].apply(lambda s: s.notna().mean())
    for column in ("rta", "shared_bloc", "sanction", "both_wto"):
        out[f"share_{column}"] = grouped[column].mean()
    # Dyads where neither partner produces any of the minerals sit at the log floor (config).
    out["share_crm_at_floor"] = grouped["crm_max_share"].apply(lambda s: (s <= 0).mean())
    out["economies"] = grouped["exporter"].nunique()
    return out.reset_index()
