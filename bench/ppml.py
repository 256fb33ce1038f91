"""Benchmark: PPML with exporter, importer and year fixed effects and dyad-clustered errors.

The project's estimator (``gvcneg.empirics.gvcdr2025_ch8.ppml.fit_ppml``, pyfixest ``fepois``)
against the textbook baseline, statsmodels GLM Poisson with one dummy per exporter, importer
and year, on a simulated gravity panel the size of the GVC report's Table 8.A.5 sample.

The baseline needs about 19 GB and minutes at full size, so both estimators are run on
subsamples of dyads (same data for both, in the same run); pyfixest also on the full panel.
The baseline's full-size time and memory are extrapolated from the subsamples (power law in
N) and labelled as such. Every fit runs in a fresh process so peak memory can be measured.
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


def dyad_subsample(panel: pd.DataFrame, fraction: float, rng: np.random.Generator):
    """All rows of a random ``fraction`` of the dyads (keeps the panel structure)."""
    dyads = np.unique(panel["dyad"].to_numpy())
    chosen = rng.choice(dyads, size=max(1, round(fraction * len(dyads))), replace=False)
    return panel[panel["dyad"].isin(chosen)].reset_index(drop=True)


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


def _power_law(sizes: list[int], values: list[float], at: int) -> tuple[float, float]:
    """Fit value = a * N^b on the subsamples; return (b, value at N = ``at``)."""
    slope, intercept = np.polyfit(np.log(sizes), np.log(values), 1)
    return float(slope), float(np.exp(intercept + slope * np.log(at)))


def compare(pf: dict, sm: dict) -> dict:
    return {
        "max_abs_coef_difference": max(abs(pf["coef"][k] - sm["coef"][k]) for k in REGRESSORS),
        "max_rel_se_difference": max(abs(pf["se"][k] / sm["se"][k] - 1) for k in REGRESSORS),
        "speed_ratio_statsmodels_over_pyfixest_warm": sm["seconds_first_call"] / pf["seconds_warm"],
        "cpu_speed_ratio_statsmodels_over_pyfixest_warm": (
            sm["cpu_seconds_first_call"] / pf["cpu_seconds_warm"]
        ),
    }


def main() -> dict:
    config = load_config()
    ppml = config["ppml"]
    n_obs, n_source = panel_size(ppml)
    seed_seq = np.random.SeedSequence(config["seed"])
    panel_seed, *subsample_seeds = seed_seq.spawn(1 + len(ppml["subsample_fractions"]))
    repeats = 1 + int(ppml["warm_repeats"])
    threads = int(ppml["threads"])

    start = time.perf_counter()
    panel = simulate_gravity_panel(
        np.random.default_rng(panel_seed), n_obs, ppml["n_countries"], ppml["n_years"], ppml["beta"]
    )
    simulate_seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory(prefix="gvcneg-bench-ppml-") as tmp:
        full_path = Path(tmp) / "full.parquet"
        panel.to_parquet(full_path)
        full = run_worker("pyfixest", full_path, repeats, threads)
        print(f"pyfixest full N={n_obs}: {full['cpu_seconds_warm']:.2f} CPU s warm", flush=True)
        subsamples = []
        for fraction, seed in zip(ppml["subsample_fractions"], subsample_seeds, strict=True):
            sub_path = Path(tmp) / f"sub_{fraction}.parquet"
            dyad_subsample(panel, fraction, np.random.default_rng(seed)).to_parquet(sub_path)
            pf = run_worker("pyfixest", sub_path, repeats, threads)
            sm = run_worker("statsmodels", sub_path, 1, threads)
            subsamples.append(
                {"dyad_fraction": fraction, "pyfixest": pf, "statsmodels": sm, **compare(pf, sm)}
            )
            print(
                f"subsample {fraction}: N={pf['n_obs']} pyfixest {pf['cpu_seconds_warm']:.2f} CPU s, "
                f"statsmodels {sm['cpu_seconds_first_call']:.2f} CPU s",
                flush=True,
            )

    # Extrapolate from converged baseline fits only (a subsample can make the dummy design
    # rank-deficient, and IRLS then runs to its iteration limit).
    usable = [s for s in subsamples if s["statsmodels"]["converged"]]
    if len(usable) < 2:
        raise RuntimeError("fewer than two converged statsmodels fits; change subsample_fractions")
    sizes = [s["statsmodels"]["n_obs"] for s in usable]
    # CPU seconds (one thread): robust to other load on the machine, unlike wall time.
    time_exponent, sm_cpu_seconds_full = _power_law(
        sizes, [s["statsmodels"]["cpu_seconds_first_call"] for s in usable], n_obs
    )
    memory_exponent, sm_memory_full = _power_law(
        sizes, [s["statsmodels"]["memory_mb"] for s in usable], n_obs
    )
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
        "pyfixest_full": {
            **full,
            "max_abs_error_vs_true_beta": max(
                abs(full["coef"][k] - ppml["beta"][k]) for k in REGRESSORS
            ),
        },
        "subsamples": subsamples,
        "statsmodels_full_extrapolated": {
            "note": "NOT measured: power law in N fitted to the converged subsample runs",
            "fitted_on_n_obs": sizes,
            "cpu_seconds": sm_cpu_seconds_full,
            "time_exponent": time_exponent,
            "memory_mb": sm_memory_full,
            "memory_exponent": memory_exponent,
            "cpu_speed_ratio_over_pyfixest_warm": sm_cpu_seconds_full / full["cpu_seconds_warm"],
        },
    }
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
