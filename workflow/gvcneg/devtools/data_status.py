"""``make data-status``: one line per registry source that is not available here, saying what
it is needed for and how to supply it (``python -m gvcneg.devtools.data_status [paths.yaml ...]``).

A source counts as here when the registry marks it available offline or the user's
``paths.user_data`` names an existing file or directory for it. A user path that does not exist
is reported as such (the most common mistake)."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import yaml

from gvcneg.data.registry import SOURCES_DIR, load_sources

REPO = SOURCES_DIR.parent


def data_status(sources: dict, user_data: dict, base: Path = REPO) -> pd.DataFrame:
    """source, state (available offline | supplied | supplied path missing | missing),
    needed_by, files, hint."""
    rows = []
    for name, source in sorted(sources.items()):
        supplied = user_data.get(name)
        if source.available:
            state = "available offline"
        elif supplied is None:
            state = "missing"
        else:
            path = Path(supplied)
            path = path if path.is_absolute() else base / path
            state = "supplied" if path.exists() else "supplied path missing"
        rows.append(
            {
                "source": name,
                "state": state,
                "title": source.title,
                "needed_by": ", ".join(source.used_by),
                "files": ", ".join(f.name for f in source.files),
                "hint": f"set paths.user_data.{name} to your copy (layout: sources/{name}.yaml)"
                if state in ("missing", "supplied path missing")
                else "",
            }
        )
    return pd.DataFrame(rows)


def status_lines(status: pd.DataFrame) -> list[str]:
    """One line per source that is not here."""
    lines = []
    for row in status[status["state"].isin(["missing", "supplied path missing"])].itertuples():
        state = "MISSING" if row.state == "missing" else "PATH NOT FOUND"
        needed = row.needed_by or "no rule yet"
        lines.append(
            f"{state} {row.source}: {row.title} [{row.files}]; needed by {needed}; {row.hint}"
        )
    return lines


def user_data_from(paths_files) -> dict:
    user_data = {}
    for path in paths_files:
        data = yaml.safe_load(Path(path).read_text()) or {}
        user_data.update((data.get("paths") or {}).get("user_data") or {})
    return user_data


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    files = argv or [str(REPO / "paths.yaml")]
    status = data_status(load_sources(), user_data_from(files))
    lines = status_lines(status)
    here = int((~status["state"].isin(["missing", "supplied path missing"])).sum())
    print(f"data sources: {here} of {len(status)} here ({', '.join(files)})")
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
