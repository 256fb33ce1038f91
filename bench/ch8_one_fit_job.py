"""One chapter-8 estimation job with one PPML fit, as a whole process (issue 22's target: under
3 CPU s), in the input layout before or after the change:

    python bench/ch8_one_fit_job.py before   # whole dyad panel, flows read from the .rda
    python bench/ch8_one_fit_job.py after    # the panel's columns the fit uses, flows' parquet
    python bench/ch8_one_fit_job.py after . dyad   # ... with only the chapter's clustering

Both run the pipeline's placebo job (rule gvcdr2025_ch8_placebo_estimators) with one seed of
the tables' PPML and no other fits, on the inputs a finished run left in results/ and
data-cache/ (make replicate, or the rules gvcdr2025_ch8_dyad_panel and
gvcdr2025_ch8_penppml_flows); the second argument is the checkout holding those inputs (default:
this one). "before" runs an older checkout's code too: point PYTHONPATH at its workflow/. Timed from outside, over several runs
(bench/README.md); results in bench/results/ch8_one_fit_job.json.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gvcneg.empirics.threads import use_threads

use_threads(1)  # before numpy loads its BLAS, as the rule script does

MODE = sys.argv[1]
ROOT = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parents[1]
PANEL = ROOT / "results" / "gvcdr2025_ch8" / "panel" / "dyad_panel.parquet"
RDA = ROOT / "data-cache" / "penppml-dta-sample" / "trade.rda"
FLOWS = ROOT / "results" / "gvcdr2025_ch8" / "placebo" / "penppml_flows.parquet"

import pandas as pd  # noqa: E402
import yaml  # noqa: E402

from gvcneg.empirics.gvcdr2025_ch8 import placebo  # noqa: E402

cfg = yaml.safe_load((ROOT / "config.yaml").read_text())["gvcdr2025_ch8"]
cfg["placebo"]["logit_seeds"] = 0  # one PPML fit, no logit
if len(sys.argv) > 3:  # the clusterings whose standard errors the fit reports
    cfg["placebo"]["clusterings"] = sys.argv[3].split(",")
if MODE == "before":
    panel = pd.read_parquet(PANEL)
    flows = placebo.read_penppml_flows(RDA)
else:
    panel = pd.read_parquet(PANEL, columns=placebo.placebo_panel_columns(cfg, user_flows=False))
    flows = pd.read_parquet(FLOWS)
draws, _ = placebo.estimator_placebo(panel, {"penppml": flows}, cfg, [1], [], [])
assert len(draws) >= 1
