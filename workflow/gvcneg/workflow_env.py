"""Process set-up the Snakefile needs before any job runs."""

from __future__ import annotations

import os
from pathlib import Path


def put_package_on_pythonpath(package_parent: Path, environ=os.environ) -> str:
    """Prepend the directory holding ``gvcneg`` to PYTHONPATH, so rule scripts import it in any
    environment (the project venv, ``--use-conda`` environments, cluster jobs)."""
    parts = [str(package_parent)] + [
        p for p in environ.get("PYTHONPATH", "").split(os.pathsep) if p
    ]
    environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(parts))
    return environ["PYTHONPATH"]


class RunRefused(RuntimeError):
    """The run cannot start; the message says why and what to do."""


def paths_with_whitespace(paths: dict[str, str]) -> dict[str, str]:
    return {name: p for name, p in paths.items() if any(c.isspace() for c in str(p))}


def refuse_whitespace(paths: dict[str, str]) -> None:
    bad = paths_with_whitespace(paths)
    if bad:
        listed = "; ".join(f"{name} = {p!r}" for name, p in bad.items())
        raise RunRefused(
            f"paths containing white space are not supported ({listed}): Snakemake runs "
            "job scripts through a shell with the interpreter path unquoted, so every job "
            "would fail with exit code 127. Clone or move the repository (and its .venv) to "
            "a path without spaces, e.g. ~/gvcneg."
        )
