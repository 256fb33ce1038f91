"""Coverage of the chapter 8 estimators under random TTD signings, over many seeds.

    python bench/ch8_placebo_coverage.py 200 20 50   # PPML (tables) seeds, dyad-PPML seeds, logit seeds

Writes bench/results/ch8_placebo_coverage.csv (summary) and ..._draws.csv. The DAG runs the
same functions with the handful of seeds in config.yaml (gvcdr2025_ch8.placebo).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "workflow"))

from gvcneg.empirics.gvcdr2025_ch8 import inputs as ch8_inputs  # noqa: E402
from gvcneg.empirics.gvcdr2025_ch8.panel import build_dyad_panel  # noqa: E402
from gvcneg.empirics.gvcdr2025_ch8.panel_inputs import load_panel_inputs  # noqa: E402
from gvcneg.empirics.gvcdr2025_ch8.placebo import estimator_placebo, read_penppml_flows  # noqa: E402


def main(argv):
    n_ppml, n_dyad, n_logit = (int(a) for a in (argv + ["200", "10", "30"][len(argv) :])[:3])
    mirror = ROOT.parent / "shared" / "data"
    cfg = yaml.safe_load((ROOT / "config.yaml").read_text())["gvcdr2025_ch8"]
    files = {r: mirror / s / n for r, (s, n) in ch8_inputs.panel_files(cfg).items()}
    first, last = cfg["years"]["crm"]
    panel = build_dyad_panel(load_panel_inputs(files, cfg), range(first, last + 1))
    flows = read_penppml_flows(mirror / "penppml-dta-sample" / "trade.rda")
    start = time.time()
    draws, summary = estimator_placebo(
        panel, flows, cfg, list(range(n_ppml)), list(range(n_dyad)), list(range(n_logit))
    )
    out = ROOT / "bench" / "results"
    draws.to_csv(out / "ch8_placebo_coverage_draws.csv", index=False)
    summary.to_csv(out / "ch8_placebo_coverage.csv", index=False)
    print(summary.to_string())
    print(f"{time.time() - start:.0f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
