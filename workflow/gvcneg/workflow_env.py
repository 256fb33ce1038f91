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
