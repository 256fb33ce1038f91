"""Benchmark: PPML with exporter, importer and year fixed effects and dyad-clustered errors.

The project's estimator (``gvcneg.empirics.gvcdr2025_ch8.ppml.fit_ppml``, pyfixest ``fepois``)
against the textbook baseline, statsmodels GLM Poisson with one dummy per exporter, importer
and year, on a simulated gravity panel the size of the GVC report's Table 8.A.5 sample.

Both run on the full panel (N = 429,410) in the same run, one after the other (the baseline
needs ~15 GB and ~2 minutes of CPU; it is skipped, and says so, when less memory than
``ppml.statsmodels_min_available_gb`` is available). Every fit runs in a fresh process so peak
memory can be measured.
Fits are single-threaded (bench/config.yaml ppml.threads) and speed is compared in CPU
seconds, which other load on the machine barely affects; wall seconds are recorded too.

    python bench/ppml.py            # writes bench/results/ppml.json
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    REPO,
    current_rss_mb,
    load_config,
    machine,
    peak_rss_mb,
    thread_env,
    write_result,
)

REGRESSORS = ["rta", "log_dist", "log_gdp_exporter"]
FIXED_EFFECTS = ("exporter", "importer", "year")


def panel_size(ppml_config: dict, repo: Path = REPO) -> tuple[int, str]:
    """N of the simulated panel: the published N of Table 8.A.5 from the targets registry when
    a matching target exists, else the bench config's ``n_obs``; with where it came from."""
    targets_file = repo / ppml_config["targets_file"]
    if targets_file.exists():
        registry = yaml.safe_load(targets_file.read_text()) or {}
        pattern = re.compile(ppml_config["target_quantity_pattern"])
        for target in registry.get("targets", []):
            published = target.get("published", {})
            if (
                ppml_config["target_location_contains"] in str(target.get("location", ""))
                and pattern.search(str(target.get("quantity", "")))
                and published.get("kind") == "value"
            ):
                return int(published["value"]), f"{ppml_config['targets_file']}: {target['id']}"
    return int(ppml_config["n_obs"]), "bench/config.yaml ppml.n_obs"


def simulate_gravity_panel(
    rng: np.random.Generator, n_obs: int, n_countries: int, n_years: int, beta: dict
) -> pd.DataFrame:
    """``n_obs`` rows drawn from a directed dyad-year panel; trade ~ Poisson(exp(eta)) with
    eta = exporter FE + importer FE + year FE + beta'x (x: RTA dummy switching on within
    dyads, log distance, exporter log GDP)."""
    n_dyads = n_countries * (n_countries - 1)
    if n_dyads * n_years < n_obs:
        raise ValueError(
            f"panel of {n_countries} countries x {n_years} years has {n_dyads * n_years} rows "
            f"< n_obs = {n_obs}; raise ppml.n_countries or ppml.n_years in bench/config.yaml"
        )
    exp_idx, imp_idx = np.meshgrid(np.arange(n_countries), np.arange(n_countries), indexing="ij")
    off_diagonal = exp_idx != imp_idx
    pair_exp, pair_imp = exp_idx[off_diagonal], imp_idx[off_diagonal]

    rows = np.sort(rng.choice(n_dyads * n_years, size=n_obs, replace=False))
    dyad, year = rows // n_years, rows % n_years
    exporter, importer = pair_exp[dyad], pair_imp[dyad]

    coords = rng.uniform(0, 10, (n_countries, 2))
    log_dist = np.log(np.linalg.norm(coords[exporter] - coords[importer], axis=1) + 0.5)
    undirected = np.minimum(exporter, importer) * n_countries + np.maximum(exporter, importer)
    has_rta = rng.random(n_countries**2) < 0.4
    rta_start = np.where(has_rta, rng.integers(0, n_years + 3, n_countries**2), n_years + 99)
    rta = (year >= rta_start[undirected]).astype(float)
    log_gdp = rng.normal(0, 0.3, (n_countries, n_years)) + 0.03 * np.arange(n_years)
    log_gdp_exporter = log_gdp[exporter, year]

    eta = (
        2.0
        + rng.normal(0, 1, n_countries)[exporter]
        + rng.normal(0, 1, n_countries)[importer]
        + np.linspace(0, 0.5, n_years)[year]
        + beta["rta"] * rta
        + beta["log_dist"] * log_dist
        + beta["log_gdp_exporter"] * log_gdp_exporter
    )
    return pd.DataFrame(
        {
            "trade": rng.poisson(np.exp(eta)).astype(float),
            "rta": rta,
            "log_dist": log_dist,
            "log_gdp_exporter": log_gdp_exporter,
            "exporter": exporter,
            "importer": importer,
            "year": 2000 + year,
            "dyad": dyad,
        }
    )


# ----------------------------------------------------------------------------- the two fits


def fit_pyfixest(panel: pd.DataFrame) -> tuple[dict, dict, int, dict]:
    from gvcneg.empirics.gvcdr2025_ch8.ppml import fit_ppml

    result = fit_ppml(panel, "trade", REGRESSORS, fixed_effects=FIXED_EFFECTS, cluster="dyad")
    table = result.table.set_index("term")
    diagnostics = result.diagnostics
    return (
        table["coef"].to_dict(),
        table["se"].to_dict(),
        int(diagnostics["n_used"]),
        {"iterations": diagnostics["iterations"], "converged": diagnostics["converged"]},
    )


def fit_statsmodels_dummies(panel: pd.DataFrame) -> tuple[dict, dict, int, dict]:
    import statsmodels.api as sm

    dummies = [
        pd.get_dummies(panel[fe], prefix=fe, drop_first=True, dtype=float) for fe in FIXED_EFFECTS
    ]
    design = pd.concat([panel[REGRESSORS], *dummies], axis=1)
    design.insert(0, "const", 1.0)
    fit = sm.GLM(panel["trade"], design, family=sm.families.Poisson()).fit(
        cov_type="cluster", cov_kwds={"groups": panel["dyad"].to_numpy()}
    )
    return (
        {k: float(fit.params[k]) for k in REGRESSORS},
        {k: float(fit.bse[k]) for k in REGRESSORS},
        int(fit.nobs),
        {
            "iterations": int(fit.fit_history["iteration"]),
            "converged": bool(fit.converged),
            "design_columns": design.shape[1],
        },
    )


ESTIMATORS = {"pyfixest": fit_pyfixest, "statsmodels": fit_statsmodels_dummies}


def worker(estimator: str, panel_path: Path, repeats: int) -> dict:
    """One estimator on one panel in this (fresh) process: times and peak memory."""
    panel = pd.read_parquet(panel_path)
    rss_before = current_rss_mb()
    seconds, cpu_seconds = [], []
    for _ in range(repeats):
        start, cpu_start = time.perf_counter(), time.process_time()
        coef, se, n_used, fit_info = ESTIMATORS[estimator](panel)
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu_start)
    return {
        "estimator": estimator,
        "n_obs": len(panel),
        "n_used": n_used,
        "seconds_first_call": seconds[0],
        "seconds_warm": min(seconds[1:]) if len(seconds) > 1 else None,
        "cpu_seconds_first_call": cpu_seconds[0],
        "cpu_seconds_warm": min(cpu_seconds[1:]) if len(cpu_seconds) > 1 else None,
        "coef": coef,
        "se": se,
        **fit_info,
        "memory_mb": peak_rss_mb() - rss_before,
    }


def run_worker(estimator: str, panel_path: Path, repeats: int, threads: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", estimator, str(panel_path), str(repeats)],
        capture_output=True,
        text=True,
        check=False,
        env=thread_env(threads),
    )
    if out.returncode != 0:
        raise RuntimeError(f"{estimator} on {panel_path.name} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def compare(pf: dict, sm: dict) -> dict:
    return {
        "max_abs_coef_difference": max(abs(pf["coef"][k] - sm["coef"][k]) for k in REGRESSORS),
        "max_rel_se_difference": max(abs(pf["se"][k] / sm["se"][k] - 1) for k in REGRESSORS),
        "speed_ratio_statsmodels_over_pyfixest_warm": sm["seconds_first_call"] / pf["seconds_warm"],
        "cpu_speed_ratio_statsmodels_over_pyfixest_warm": (
            sm["cpu_seconds_first_call"] / pf["cpu_seconds_warm"]
        ),
    }


def memory_available_gb() -> float | None:
    """MemAvailable of /proc/meminfo (what can be allocated without swapping), in GB."""
    try:
        text = Path("/proc/meminfo").read_text()
    except OSError:
        return None
    return int(re.search(r"MemAvailable:\s+(\d+)", text).group(1)) / 1024**2


def main() -> dict:
    config = load_config()
    ppml = config["ppml"]
    n_obs, n_source = panel_size(ppml)
    repeats = 1 + int(ppml["warm_repeats"])
    threads = int(ppml["threads"])

    start = time.perf_counter()
    panel = simulate_gravity_panel(
        np.random.default_rng(np.random.SeedSequence(config["seed"]).spawn(1)[0]),
        n_obs,
        ppml["n_countries"],
        ppml["n_years"],
        ppml["beta"],
    )
    simulate_seconds = time.perf_counter() - start
    result = {
        "benchmark": "ppml",
        "machine": machine(),
        "panel": {
            "n_obs": n_obs,
            "n_obs_source": n_source,
            "n_countries": ppml["n_countries"],
            "n_years": ppml["n_years"],
            "n_dyads": int(panel["dyad"].nunique()),
            "true_beta": ppml["beta"],
            "simulate_seconds": simulate_seconds,
            "specification": "PPML; exporter, importer and year FE; SE clustered by dyad",
        },
        "threads": threads,
        "coef_tolerance": float(ppml["coef_tolerance"]),
    }
    with tempfile.TemporaryDirectory(prefix="gvcneg-bench-ppml-") as tmp:
        full_path = Path(tmp) / "full.parquet"
        panel.to_parquet(full_path)
        del panel
        pf = run_worker("pyfixest", full_path, repeats, threads)
        print(f"pyfixest N={n_obs}: {pf['cpu_seconds_warm']:.2f} CPU s warm", flush=True)
        result["pyfixest"] = {
            **pf,
            "max_abs_error_vs_true_beta": max(
                abs(pf["coef"][k] - ppml["beta"][k]) for k in REGRESSORS
            ),
        }
        # The baseline needs ~15 GB at full N: run it alone, and only with the memory free.
        available = memory_available_gb()
        result["memory_available_gb_before_statsmodels"] = available
        if available is not None and available < float(ppml["statsmodels_min_available_gb"]):
            result["statsmodels"] = {
                "skipped": f"{available:.1f} GB available < "
                f"{ppml['statsmodels_min_available_gb']} GB (bench/config.yaml); not measured"
            }
            return result
        sm = run_worker("statsmodels", full_path, 1, threads)
        print(f"statsmodels N={n_obs}: {sm['cpu_seconds_first_call']:.1f} CPU s", flush=True)
        result["statsmodels"] = sm
        result.update(compare(pf, sm))
        result["coefficients_equal_within_tolerance"] = (
            result["max_abs_coef_difference"] <= result["coef_tolerance"]
        )
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", nargs=3, metavar=("ESTIMATOR", "PANEL", "REPEATS"))
    args = parser.parse_args()
    if args.worker:
        estimator, panel_path, repeats = args.worker
        print(json.dumps(worker(estimator, Path(panel_path), int(repeats))))
    else:
        path = write_result("ppml", main())
        print(f"wrote {path}")
