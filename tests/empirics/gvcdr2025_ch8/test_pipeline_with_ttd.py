"""Dropping a TTD file that follows the schema (and BaTiS / CRM-basket extracts) into the
configured paths of a finished run (a copy of the shared small-config DAG, tests/dag_run.py,
which had no TTD) makes the DAG produce every chapter 8 figure and table from them.

The files are simulated and live in a temporary directory, never in results/. The test checks
the path works end to end (outputs exist, claims computed, diagnostics written); the numbers
mean nothing and are never reported.
"""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from dag_run import clone_run
from simulators.gvcdr2025_ch8 import simulate_trade_flows, simulate_ttd_deals

from gvcneg.empirics.gvcdr2025_ch8.reporting import ITEMS
from gvcneg.empirics.gvcdr2025_ch8.ttd_dyads import deal_dyads

pytestmark = pytest.mark.slow

COUNTRIES = [
    "USA",
    "JPN",
    "SGP",
    "AUS",
    "CHL",
    "KOR",
    "COD",
    "ZMB",
    "GBR",
    "NZL",
    "CAN",
    "IND",
    "DEU",
    "FRA",
    "BRA",
    "ARG",
    "CHN",
    "IDN",
    "ZAF",
    "MEX",
    "NOR",
    "CHE",
    "ARE",
    "SAU",
]


def test_dag_with_user_ttd_and_trade_files(small_dag, tmp_path, mirror):
    rng = np.random.default_rng(2025)
    user = tmp_path / "user"
    user.mkdir()
    deals = simulate_ttd_deals(rng, COUNTRIES, n_digital=25, n_crm=30)
    deals.to_excel(user / "ttd_database.xlsx", index=False)
    mapped_ids = deals.loc[deals["text_available"], "ttd_id"].head(3).tolist()
    pd.DataFrame(
        {
            "ttd_id": mapped_ids,
            "text": [
                "Each Party shall not impose customs duties on electronic transmissions.",
                "This Memorandum does not create any legal or financial obligations. "
                "The Participants shall meet annually.",
                "The Sides intend to cooperate.",
            ],
        }
    ).to_csv(user / "ttd_texts.csv", index=False)
    dyads = deal_dyads(deals)
    pairs = {(e, i) for e, i in zip(dyads["exporter"], dyads["importer"], strict=True)}
    simulate_trade_flows(rng, COUNTRIES, range(2011, 2025), pairs, 0.2).to_csv(
        user / "batis_bpm6.csv", index=False
    )
    simulate_trade_flows(rng, COUNTRIES, range(2006, 2025), pairs, 0.2).to_csv(
        user / "crm_bilateral_trade.csv", index=False
    )
    paths = {
        "paths": {
            "user_data": {
                "wto-ttd": str(user / "ttd_database.xlsx"),
                "wto-ttd-texts": str(user / "ttd_texts.csv"),
                "oecd-wto-batis": str(user / "batis_bpm6.csv"),
                "baci-crm": str(user / "crm_bilateral_trade.csv"),
            },
        }
    }
    user_paths = tmp_path / "user_paths.yaml"
    user_paths.write_text(yaml.safe_dump(paths))
    clone = clone_run(small_dag, tmp_path / "clone")
    workdir = clone.workdir
    results = Path("results") / "gvcdr2025_ch8"
    targets = [
        str(results / "computed.csv"),
        str(results / "placebo" / "dci_placebo.csv"),
        str(results / "ttd" / "signatories_outside_panel.csv"),
    ]
    for stem, *_ in ITEMS:
        folder = "tables" if stem.startswith("table") else "figures"
        targets.append(str(results / folder / f"{stem}.{'csv' if folder == 'tables' else 'png'}"))
    # Only the jobs that read the user's files (and their dependants) re-run.
    run = clone.snakemake(*targets, configfiles=[user_paths])
    assert run.returncode == 0, run.stdout[-4000:]
    out = workdir / results
    for target in targets:
        assert (workdir / target).is_file(), target
    computed = pd.read_csv(out / "computed.csv").set_index("quantity")
    # 55 simulated deals are not the chapter's 185: every row is partial data, never judged.
    assert (computed["status"] == "partial_data").mean() > 0.9, computed[
        computed["status"] != "partial_data"
    ]
    assert computed["note"].dropna().str.startswith("partial data (55 of 185 deals)").any()
    coverage = pd.read_csv(out / "ttd" / "coverage.csv").set_index("check")
    assert coverage.loc["deals_total", "supplied"] == len(deals)
    assert not coverage["agrees"].all()
    assert computed.loc["ttd_deals_total", "value"] == len(deals)
    assert computed.loc["mapped_texts_crm", "value"] == int(
        (deals["theme"].eq("crm") & deals["text_available"]).sum()
    )
    # The coder's codes of the supplied texts replace the file's codes.
    sources = pd.read_csv(out / "ttd" / "binding_language_sources.csv")
    used = sources[(sources["field"] == "binding_language") & sources["ttd_id"].isin(mapped_ids)]
    assert used.set_index("ttd_id")["used"].to_dict() == dict(
        zip(mapped_ids, ["binding", "non_binding", "not_specified"], strict=True)
    )
    availability = pd.read_csv(out / "availability.csv")
    assert (availability["status"] == "computed").all()
    for name in ("diagnostics_formation", "diagnostics_digital", "diagnostics_crm"):
        diag = pd.read_csv(out / "models" / f"{name}.csv")
        assert {"n_given", "n_used", "n_separated", "iterations", "converged"} <= set(diag.columns)
        assert (diag["n_used"] <= diag["n_given"]).all()
    # Zero flows outside the simulated countries: whole exporters are separated and dropped.
    assert pd.read_csv(out / "models" / "diagnostics_crm.csv")["n_separated"].iloc[0] > 0
