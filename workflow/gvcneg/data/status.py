"""``make data-status``: every registered input file, whether it can be had here, and what to do.

For each file of each source in the registry (``sources/*.yaml``): ``user copy`` (supplied with
``paths.user_data``), ``cached`` (in the data cache), ``in mirror`` (a local mirror holds it),
``downloadable`` (available upstream; fetched on first use) or ``missing`` (not available
offline and not supplied). Missing files come with their format, what the file must hold and
where to put it, so that the user can supply it and re-run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd
import yaml

from gvcneg.data.fetch import data_mirrors
from gvcneg.data.registry import Source, load_sources

STATES = ("user copy", "cached", "in mirror", "downloadable", "missing")


def file_state(source: Source, name: str, cache: Path, mirrors: list[Path], user_path) -> str:
    if user_path:
        path = Path(user_path)
        candidate = path / name if path.is_dir() else path
        if candidate.exists():
            return "user copy"
    if (cache / source.name / name).exists():
        return "cached"
    if any((m / source.name / name).exists() for m in mirrors):
        return "in mirror"
    return "downloadable" if source.available else "missing"


def status_table(sources: dict[str, Source], paths_config: dict) -> pd.DataFrame:
    paths = paths_config["paths"]
    cache = Path(paths["data_cache"])
    mirrors = data_mirrors(paths.get("data_mirrors", []))
    user_data = paths.get("user_data") or {}
    rows = []
    for name, source in sorted(sources.items()):
        for spec in source.files:
            state = file_state(source, spec.name, cache, mirrors, user_data.get(name))
            rows.append(
                {
                    "source": name,
                    "file": spec.name,
                    "format": spec.format,
                    "state": state,
                    "used_by": ", ".join(source.used_by),
                    "what it must hold": spec.description or source.title,
                    "where to put it": (
                        f"paths.user_data.{name}: <path to {spec.name}, or a folder holding "
                        f"{', '.join(f.name for f in source.files)}> in paths.yaml"
                        if state == "missing"
                        else ""
                    ),
                    "notes": " ".join(source.notes.split()) if state == "missing" else "",
                }
            )
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=Path("."))
    parser.add_argument("--paths", type=Path, default=Path("paths.yaml"))
    parser.add_argument("--csv", type=Path, help="also write the table as CSV")
    args = parser.parse_args(argv)
    table = status_table(
        load_sources(args.repo / "sources"), yaml.safe_load(args.paths.read_text())
    )
    counts = table["state"].value_counts().reindex(STATES, fill_value=0)
    print("Input files by state: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    for state in STATES:
        part = table[table["state"] == state]
        if part.empty:
            continue
        print(f"\n== {state} ({len(part)})")
        for row in part.itertuples(index=False):
            print(f"  {row.source}/{row.file} [{row.format}] used by: {row.used_by}")
            if state == "missing":
                print(f"      must hold: {row[5]}")
                print(f"      supply it: {row[6]}")
                if row.notes:
                    print(f"      notes: {row.notes[:400]}")
    if args.csv:
        from gvcneg.io import atomic_path

        with atomic_path(args.csv) as tmp:
            table.to_csv(tmp, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
