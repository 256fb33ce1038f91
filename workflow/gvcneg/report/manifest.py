"""``results/manifest.json``: a fingerprint of one run, and the comparison of two runs.

Every successful run writes the sha256 of every output and every ledger value, with the build
stamp. ``make verify REFERENCE=<manifest>`` re-runs the pipeline and lists what differs from a
reference manifest (a published run, or another machine's): files by bytes, ledger values with
a numeric tolerance (floating-point results can differ in the last digits across machines and
BLAS builds without any result changing).

Logs, benchmarks and the files that carry the run's own stamp (date, commit) are listed with
their checksums but not compared: they differ between any two runs by design.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import pandas as pd
import yaml

from gvcneg.data.fetch import sha256_of as sha256
from gvcneg.io import write_text

MANIFEST = "manifest.json"
# Relative to the results directory: never compared (timings, log lines, the run's own stamp).
NOT_COMPARED_DIRS = ("logs", "benchmarks")
NOT_COMPARED_FILES = (
    MANIFEST,
    "stamp.json",
    "RUN_FAILED.json",
    "provenance.json",
    "report/gvcneg_report.html",
    "report/gvcneg_report.stale.html",
    "ledger.html",
)
DEFAULT_REL_TOL = 1e-9
DEFAULT_ABS_TOL = 1e-12


def compared(relative: str) -> bool:
    top = relative.split("/", 1)[0]
    return (
        top not in NOT_COMPARED_DIRS
        and relative not in NOT_COMPARED_FILES
        and not (
            # browser screenshots; the report's pages (they carry the run's stamp and dates)
            relative.startswith("report/") and relative.endswith((".png", ".html"))
        )
    )


def build_manifest(results: Path, stamp: dict) -> dict:
    """sha256 of every file under ``results`` and every ledger row's value and status."""
    results = Path(results)
    files = {}
    for path in sorted(p for p in results.rglob("*") if p.is_file()):
        relative = path.relative_to(results).as_posix()
        if relative == MANIFEST:
            continue
        files[relative] = {"sha256": sha256(path), "bytes": path.stat().st_size,
                           "compared": compared(relative)}  # fmt: skip
    ledger = {}
    ledger_csv = results / "ledger.csv"
    if ledger_csv.exists():
        frame = pd.read_csv(ledger_csv)
        for row in frame.itertuples(index=False):
            value = None if pd.isna(row.computed) else float(row.computed)
            ledger[row.id] = {"computed": value, "status": row.status}
    return {"stamp": stamp, "files": files, "ledger": ledger}


def write_manifest(results: Path, stamp: dict) -> Path:
    manifest = build_manifest(results, stamp)
    out = Path(results) / MANIFEST
    write_text(out, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return out


def _close(a, b, rel_tol: float, abs_tol: float) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=rel_tol, abs_tol=abs_tol)


def compare(
    current: dict,
    reference: dict,
    rel_tol: float = DEFAULT_REL_TOL,
    abs_tol: float = DEFAULT_ABS_TOL,
) -> list[str]:
    """Human-readable differences; empty when the runs agree."""
    diffs = []
    cur_files = {k: v for k, v in current["files"].items() if v.get("compared", True)}
    ref_files = {k: v for k, v in reference["files"].items() if v.get("compared", True)}
    for name in sorted(set(ref_files) - set(cur_files)):
        diffs.append(f"file missing in this run: {name}")
    for name in sorted(set(cur_files) - set(ref_files)):
        diffs.append(f"file not in the reference: {name}")
    for name in sorted(set(cur_files) & set(ref_files)):
        if cur_files[name]["sha256"] != ref_files[name]["sha256"]:
            diffs.append(
                f"file differs: {name} (sha256 {cur_files[name]['sha256'][:12]} here, "
                f"{ref_files[name]['sha256'][:12]} in the reference)"
            )
    cur, ref = current.get("ledger", {}), reference.get("ledger", {})
    for row in sorted(set(ref) - set(cur)):
        diffs.append(f"ledger row missing in this run: {row}")
    for row in sorted(set(cur) - set(ref)):
        diffs.append(f"ledger row not in the reference: {row}")
    for row in sorted(set(cur) & set(ref)):
        a, b = cur[row], ref[row]
        if a["status"] != b["status"]:
            diffs.append(f"ledger status differs: {row}: {a['status']!r} here, {b['status']!r}")
        if not _close(a["computed"], b["computed"], rel_tol, abs_tol):
            diffs.append(
                f"ledger value differs: {row}: {a['computed']!r} here, {b['computed']!r} in the "
                f"reference (rel_tol {rel_tol:g}, abs_tol {abs_tol:g})"
            )
    return diffs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reference", type=Path, help="the reference manifest.json")
    parser.add_argument("--results", type=Path, default=Path("results"))
    parser.add_argument("--repo", type=Path, default=Path("."))
    parser.add_argument("--rel-tol", type=float, default=DEFAULT_REL_TOL)
    parser.add_argument("--abs-tol", type=float, default=DEFAULT_ABS_TOL)
    args = parser.parse_args(argv)
    if not args.reference.exists():
        parser.error(f"no reference manifest at {args.reference}")
    # Fingerprint the results as they are now (a run that had nothing to do writes none).
    from gvcneg.report.stamp import build_stamp

    config = {}
    for name in ("config.yaml", "paths.yaml"):
        config.update(yaml.safe_load((args.repo / name).read_text()) or {})
    write_manifest(args.results, build_stamp(args.repo, config, "make verify"))
    current = json.loads((args.results / MANIFEST).read_text())
    reference = json.loads(args.reference.read_text())
    diffs = compare(current, reference, args.rel_tol, args.abs_tol)
    print(f"this run:  {_describe(current['stamp'])}")
    print(f"reference: {_describe(reference['stamp'])}")
    n_files = sum(v.get("compared", True) for v in reference["files"].values())
    print(f"compared {n_files} files (bytes) and {len(reference.get('ledger', {}))} ledger values")
    if not diffs:
        print("verify: no difference")
        return 0
    print(f"verify: {len(diffs)} difference(s)")
    for line in diffs:
        print(f"  {line}")
    return 1


def _describe(stamp: dict) -> str:
    dirty = " (dirty)" if stamp.get("dirty") else ""
    return f"commit {str(stamp.get('commit'))[:12]}{dirty}, {stamp.get('date')}"


if __name__ == "__main__":
    sys.exit(main())
