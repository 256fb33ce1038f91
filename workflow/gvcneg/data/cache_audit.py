"""Verify every cached input before a run plans its jobs, cheaply, and never trust a cache file
that has changed since it was verified.

Snakemake trusts a file that exists: an in-place edit of a cached input (or a bit flip on
disk) would be read as if it were the registered data, and a deleted cache file whose
consumers exist is never rebuilt. So at the start of every run (``audit_cache`` from the
Snakefile) each cached file the run needs is checked against the registry's sha256:

* A *stamp* ``<cache>/.verified/<source>/<file>.json`` records the sha256 together with the
  file's size, inode, mtime and ctime when it was last hashed. If all of these are unchanged
  the hash is not recomputed. ctime cannot be set back by a user (``touch -d`` changes mtime
  but sets ctime to now), so an in-place edit always forces a re-hash.
* A file whose content does not match is moved to ``<cache>/.corrupt/`` (kept for inspection)
  and reported; the Snakefile asks for every cached file as a target, so the fetch rule
  re-fetches it in the same command and Snakemake re-runs the consumers of a changed input.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from gvcneg.data.fetch import sha256_of
from gvcneg.io import write_text

STAMP_DIR = ".verified"
QUARANTINE_DIR = ".corrupt"


@dataclass(frozen=True)
class CachedFile:
    source: str
    name: str
    path: Path
    sha256: str | None  # None: the registry has no checksum to verify against


@dataclass(frozen=True)
class AuditFinding:
    cached: CachedFile
    found_sha256: str
    moved_to: Path

    def message(self) -> str:
        return (
            f"source {self.cached.source!r}, file {self.cached.name!r}: the cached copy "
            f"{self.cached.path} does not match the registry (expected sha256 "
            f"{self.cached.sha256}, found {self.found_sha256}); moved to {self.moved_to} and "
            "re-fetched in this run, and every job that read it re-runs."
        )


def _stamp_path(cache_dir: Path, cached: CachedFile) -> Path:
    return Path(cache_dir) / STAMP_DIR / cached.source / f"{cached.name}.json"


def _fingerprint(path: Path) -> dict:
    stat = os.stat(path)
    return {
        "size": stat.st_size,
        "inode": stat.st_ino,
        "mtime_ns": stat.st_mtime_ns,
        "ctime_ns": stat.st_ctime_ns,
    }


def write_stamp(cache_dir: Path, cached: CachedFile, sha256: str) -> None:
    """Record that ``cached.path`` was hashed to ``sha256`` in its present state."""
    stamp = _stamp_path(cache_dir, cached)
    write_text(stamp, json.dumps({"sha256": sha256, **_fingerprint(cached.path)}))


def was_verified(cache_dir: Path, cached: CachedFile) -> bool:
    """True if this file was fetched or verified here before (its stamp outlives a deletion)."""
    return _stamp_path(cache_dir, cached).exists()


def stamp_vouches_for(cache_dir: Path, cached: CachedFile) -> bool:
    """True if the stamp shows this exact file state was hashed to the registry's sha256."""
    stamp = _stamp_path(cache_dir, cached)
    try:
        recorded = json.loads(stamp.read_text())
    except (OSError, ValueError):
        return False
    return recorded.get("sha256") == cached.sha256 and all(
        recorded.get(k) == v for k, v in _fingerprint(cached.path).items()
    )


def audit_cache(cache_dir: Path, files: list[CachedFile]) -> list[AuditFinding]:
    """Check each existing cached file; quarantine those whose content is not the registered
    one. Missing files are left to the fetch rule. Returns what was quarantined."""
    findings = []
    for cached in files:
        if cached.sha256 is None or not cached.path.is_file():
            continue
        if stamp_vouches_for(cache_dir, cached):
            continue
        found = sha256_of(cached.path)
        if found == cached.sha256:
            write_stamp(cache_dir, cached, found)
            continue
        quarantine = Path(cache_dir) / QUARANTINE_DIR / cached.source
        quarantine.mkdir(parents=True, exist_ok=True)
        moved_to = quarantine / f"{cached.name}.{time.strftime('%Y%m%dT%H%M%S')}"
        os.replace(cached.path, moved_to)
        _stamp_path(cache_dir, cached).unlink(missing_ok=True)
        findings.append(AuditFinding(cached, found, moved_to))
    return findings
