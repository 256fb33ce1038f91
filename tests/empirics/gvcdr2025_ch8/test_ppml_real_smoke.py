"""Real-data smoke test of the PPML engine on the penppml 'trade' panel (Comtrade exports with
World Bank deep-trade-agreement ids), with exporter, importer and year effects."""

import numpy as np
import pytest

from gvcneg.empirics.gvcdr2025_ch8.ppml import fit_ppml


def test_ppml_on_penppml_trade_panel(mirror):
    pyreadr = pytest.importorskip("pyreadr")
    data = pyreadr.read_r(str(mirror / "penppml-dta-sample" / "trade.rda"))["trade"]
    data = data[data["time"].astype(int) >= 2000].copy()
    for column in ("exp", "imp", "time"):
        data[column] = data[column].astype(str)
    data["agreement_in_force"] = (data["id"] > 0).astype(float)  # id 0 = no agreement
    data["dyad"] = data["exp"].astype(str) + "_" + data["imp"].astype(str)
    result = fit_ppml(data, "export", ["agreement_in_force"], ("exp", "imp", "time"), "dyad")
    diag = result.diagnostics
    coef = result.table.set_index("term").loc["agreement_in_force"]
    assert diag["converged"] and diag["iterations"] >= 1
    assert (
        diag["n_used"]
        + diag["n_separated"]
        + diag["n_singletons_dropped"]
        + diag["n_missing_dropped"]
        == diag["n_given"]
    )
    assert np.isfinite(coef["coef"]) and coef["se"] > 0
    # Trade agreements raise trade in this panel, as in the gravity literature.
    assert 0 < coef["coef"] < 2
