"""The build stamp: which code, configuration and software produced a set of results.

A reviewer comparing two reports (or a report with a manifest) must be able to tell at a
glance whether they come from the same commit, the same configuration and the same software.
The stamp is written into the report, the ledger's HTML and ``results/manifest.json``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

# The packages whose versions can change a result or its rendering.
KEY_PACKAGES = (
    "snakemake",
    "pandas",
    "numpy",
    "scipy",
    "sympy",
    "statsmodels",
    "pyfixest",
    "linearmodels",
    "matplotlib",
    "pypandoc-binary",
)


def git_state(repo: Path) -> dict:
    """Commit and whether tracked files differ from it (``dirty``); unknown outside git."""

    def git(*args):
        return subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        commit = git("rev-parse", "HEAD")
        dirty = bool(git("status", "--porcelain", "--untracked-files=no"))
    except (OSError, subprocess.CalledProcessError):
        return {"commit": "unknown (not a git checkout)", "dirty": None}
    return {"commit": commit, "dirty": dirty}


def config_hash(config: dict) -> str:
    """sha256 of the configuration as canonical JSON (key order does not matter)."""
    text = json.dumps(config, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def package_versions(names=KEY_PACKAGES) -> dict:
    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def build_stamp(
    repo: Path, config: dict, profile: str = "", now: dt.datetime | None = None
) -> dict:
    """Everything needed to say which build a result belongs to."""
    now = now or dt.datetime.now(dt.UTC)
    return {
        **git_state(Path(repo)),
        "config_sha256": config_hash(config),
        "date": now.strftime("%Y-%m-%d %H:%M:%S UTC"),
        "python": platform.python_version(),
        "packages": package_versions(),
        "profile": profile or "unknown",
    }


def stamp_text(stamp: dict) -> str:
    """One line for a page footer or a log."""
    dirty = {True: " (uncommitted changes)", False: "", None: ""}[stamp.get("dirty")]
    packages = ", ".join(f"{k} {v}" for k, v in stamp["packages"].items())
    return (
        f"commit {stamp['commit'][:12]}{dirty}; config {stamp['config_sha256'][:12]}; "
        f"built {stamp['date']}; profile {stamp['profile']}; Python {stamp['python']}; {packages}"
    )


def profile_in_use(argv: list[str], repo: Path | None = None) -> str:
    """The ``--profile`` of the Snakemake command line; else the workflow's default profile
    (``profiles/default``, which Snakemake applies by itself), else none."""
    for i, arg in enumerate(argv):
        if arg == "--profile" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--profile="):
            return arg.split("=", 1)[1]
    if os.environ.get("SNAKEMAKE_PROFILE"):
        return os.environ["SNAKEMAKE_PROFILE"]
    if "--workflow-profile" not in argv and repo and (Path(repo) / "profiles" / "default").is_dir():
        return "profiles/default (the workflow's default profile)"
    return "none (command-line options only)"
