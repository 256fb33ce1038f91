"""Cost of the verified PPML: the chapter 8 estimator against the call it replaced.

``gvcneg.empirics.gvcdr2025_ch8.ppml.fit_ppml`` now checks separation itself (fixed-effect
check, exact LP or ReLU), drops singletons until stable, and verifies convergence (Newton
step and score). The fit it replaced was one pyfixest ``fepois`` call with pyfixest's own
"fe" and "ir" separation checks and singleton dropping. Both run on bench/ppml.py's simulated
gravity panel at Table 8.A.5's N (exporter, importer, year fixed effects, dyad clusters),
each in a fresh process, first call and best of ``warm_repeats`` warm calls, in CPU seconds.
Reported: the CPU-time ratio (target: within 20%) and the largest coefficient and standard
error differences (target: coefficients equal to 1e-8).

    python bench/ppml_verified.py      # writes bench/results/ppml_verified.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import current_rss_mb, load_config, machine, peak_rss_mb, write_result  # noqa: E402
from ppml import (  # noqa: E402
    FIXED_EFFECTS,
    REGRESSORS,
    fit_pyfixest,
    panel_size,
    simulate_gravity_panel,
)


def fit_replaced_call(panel: pd.DataFrame) -> tuple[dict, dict, int, dict]:
    """The previous fit_ppml: pyfixest fepois with its own separation checks."""
    import pyfixest as pf

    frame = panel[["trade", *REGRESSORS, *FIXED_EFFECTS, "dyad"]].dropna().reset_index(drop=True)
    fit = pf.fepois(
        f"trade ~ {' + '.join(REGRESSORS)} | {' + '.join(FIXED_EFFECTS)}",
        data=frame,
        vcov={"CRV1": "dyad"},
        iwls_maxiter=50,
        iwls_tol=1e-8,
        separation_check=["fe", "ir"],
    )
    tidy = fit.tidy()
    return (
        {k: float(tidy.loc[k, "Estimate"]) for k in REGRESSORS},
        {k: float(tidy.loc[k, "Std. Error"]) for k in REGRESSORS},
        int(fit._N),
        {"converged": bool(fit.convergence)},
    )


ESTIMATORS = {"verified": fit_pyfixest, "replaced": fit_replaced_call}


def worker(estimator: str, panel_path: Path, repeats: int) -> dict:
    panel = pd.read_parquet(panel_path)
    rss_before = current_rss_mb()
    cpu = []
    for _ in range(repeats):
        start = time.process_time()
        coef, se, n_used, info = ESTIMATORS[estimator](panel)
        cpu.append(time.process_time() - start)
    return {
        "estimator": estimator,
        "n_used": n_used,
        "cpu_seconds_first_call": cpu[0],
        "cpu_seconds_warm": min(cpu[1:]) if len(cpu) > 1 else cpu[0],
        "coef": coef,
        "se": se,
        **info,
        "memory_mb": peak_rss_mb() - rss_before,
    }


def main() -> dict:
    import subprocess

    from common import thread_env

    config = load_config()
    ppml = config["ppml"]
    n_obs, n_source = panel_size(ppml)
    panel_seed = np.random.SeedSequence(config["seed"]).spawn(1)[0]
    panel = simulate_gravity_panel(
        np.random.default_rng(panel_seed), n_obs, ppml["n_countries"], ppml["n_years"], ppml["beta"]
    )
    repeats = 1 + int(ppml["warm_repeats"])
    runs = {}
    with tempfile.TemporaryDirectory(prefix="gvcneg-bench-ppmlv-") as tmp:
        path = Path(tmp) / "full.parquet"
        panel.to_parquet(path)
        for estimator in ESTIMATORS:
            out = subprocess.run(
                [sys.executable, __file__, "--worker", estimator, str(path), str(repeats)],
                capture_output=True,
                text=True,
                check=True,
                env=thread_env(int(ppml["threads"])),
            )
            runs[estimator] = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{estimator}: {runs[estimator]['cpu_seconds_warm']:.2f} CPU s warm", flush=True)
    new, old = runs["verified"], runs["replaced"]
    return {
        "benchmark": "ppml_verified",
        "machine": machine(),
        "panel": {
            "n_obs": n_obs,
            "n_obs_source": n_source,
            "n_dyads": int(panel["dyad"].nunique()),
        },
        "threads": int(ppml["threads"]),
        "runs": runs,
        "cpu_ratio_warm_verified_over_replaced": new["cpu_seconds_warm"] / old["cpu_seconds_warm"],
        "max_abs_coef_difference": max(abs(new["coef"][k] - old["coef"][k]) for k in REGRESSORS),
        "max_rel_se_difference": max(abs(new["se"][k] / old["se"][k] - 1) for k in REGRESSORS),
        "same_n_used": new["n_used"] == old["n_used"],
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", nargs=3, metavar=("ESTIMATOR", "PANEL", "REPEATS"))
    args = parser.parse_args()
    if args.worker:
        estimator, panel_path, repeats = args.worker
        print(json.dumps(worker(estimator, Path(panel_path), int(repeats))))
    else:
        path = write_result("ppml_verified", main())
        print(f"wrote {path}")
