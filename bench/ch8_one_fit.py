"""Where the CPU of one chapter-8 estimation goes: start-up, pyfixest's import, reading the
inputs, one PPML fit (the published specification's estimator on one placebo draw).

The issue-15 row "one chapter-8 estimation job under 3 CPU s" is measured by replication.py on
the pipeline's placebo job (several fits); this script splits a single fit into its parts, in
a fresh process, on the inputs a finished replication left in results/ and data-cache/.

    python bench/ch8_one_fit.py      # writes bench/results/ch8_one_fit.json
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, machine, thread_env, write_result  # noqa: E402

PROBE = r"""
import json, sys, time
import yaml
t = [time.process_time()]
import pandas as pd
from gvcneg.empirics.gvcdr2025_ch8.placebo import estimator_placebo, placebo_panel_columns
t.append(time.process_time())
import pyfixest.estimation  # loaded by the fit anyway; timed on its own here
t.append(time.process_time())
cfg = yaml.safe_load(open(sys.argv[3]))["gvcdr2025_ch8"]
cfg["placebo"]["logit_seeds"] = 0
panel = pd.read_parquet(sys.argv[1], columns=placebo_panel_columns(cfg, user_flows=False))
t.append(time.process_time())
flows = {"penppml Comtrade panel": pd.read_parquet(sys.argv[2])}
t.append(time.process_time())
draws, _ = estimator_placebo(panel, flows, cfg, [int(sys.argv[4])], [], [])
t.append(time.process_time())
names = ["pandas + project imports", "pyfixest import", "read dyad panel (its pair column)",
         "read penppml flows (parquet)", "one PPML fit (separation checks, SEs per clustering)"]
print(json.dumps({"parts_cpu_seconds": dict(zip(names, [b - a for a, b in zip(t, t[1:])])),
                  "panel_rows": len(panel), "fits": len(draws)}))
"""


def main() -> dict:
    panel = REPO / "results" / "gvcdr2025_ch8" / "panel" / "dyad_panel.parquet"
    flows = REPO / "results" / "gvcdr2025_ch8" / "placebo" / "penppml_flows.parquet"
    for needed in (panel, flows):
        if not needed.exists():
            return {"benchmark": "ch8_one_fit", "skipped": f"{needed} missing: run make replicate"}
    env = {**thread_env(1), "PYTHONPATH": str(REPO / "workflow")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(panel), str(flows), str(REPO / "config.yaml"), "1"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    import json

    result = json.loads(out.stdout.strip().splitlines()[-1])
    total = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    result.update(benchmark="ch8_one_fit", process_cpu_seconds=total, machine=machine())
    return result


if __name__ == "__main__":
    outcome = main()
    print(outcome)
    print(f"wrote {write_result('ch8_one_fit', outcome)}")
