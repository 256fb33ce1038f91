# The data layer's registry and helpers (included by data.smk): SOURCES, DATA_CACHE,
# USER_DATA, source_file(source, file_name) and source_usable(source).
import os
import re
import sys

from gvcneg.data.cache_audit import CachedFile, audit_cache, was_verified
from gvcneg.data.fetch import data_mirrors
from gvcneg.data.registry import load_sources

SOURCES = load_sources(REPO / "sources")
DATA_CACHE = Path(config["paths"]["data_cache"])
# `make exhibits` plans the DAG of a checkout without user data (GVCNEG_PLAN_WITHOUT_USER_DATA=1,
# gvcneg.devtools.figure_map), so the README it writes does not change when a user supplies a
# file in paths.yaml.
USER_DATA = (
    {}
    if os.environ.get("GVCNEG_PLAN_WITHOUT_USER_DATA")
    else config["paths"]["user_data"]
)

unknown_user_data = sorted(set(USER_DATA) - set(SOURCES))
if unknown_user_data:
    raise ValueError(
        f"paths.user_data names sources not in the registry: {unknown_user_data}; "
        f"known sources: {', '.join(sorted(SOURCES))}"
    )

missing_user_data = {
    source: path
    for source, path in sorted(USER_DATA.items())
    if not Path(path).exists()
}
if missing_user_data:
    raise ValueError(
        "paths.user_data points at files that do not exist: "
        + "; ".join(
            f"paths.user_data.{s} = {p!r}" for s, p in missing_user_data.items()
        )
        + " (relative paths are relative to the directory Snakemake runs in). Fix the path "
        "in paths.yaml or remove the entry."
    )


def source_file(source, file_name):
    """Cache path of one registered file, for other rules' input: (fetched and verified
    by rule fetch_source_file). Fails at parse time on an unknown source or file."""
    if source not in SOURCES:
        raise ValueError(
            f"unknown source {source!r}; known: {', '.join(sorted(SOURCES))}"
        )
    SOURCES[source].file(file_name)
    REQUESTED_SOURCE_FILES.add((source, file_name))
    return str(DATA_CACHE.joinpath(source, file_name))


# Every registered file a rule asked for at parse time (input functions may ask later).
REQUESTED_SOURCE_FILES = set()


def _cached_file(source, file_name):
    spec = SOURCES[source].file(file_name)
    return CachedFile(source, file_name, DATA_CACHE / source / file_name, spec.sha256)


def audit_data_cache():
    """Check every cached registered file against its sha256 (cheap when its stamp vouches
    for it), quarantine corrupt ones and return the cache files this run must have: those
    rules asked for plus every usable file fetched before (its stamp survives a deletion), so
    that a deleted or quarantined file is re-fetched in this same run."""
    every = [
        _cached_file(name, spec.name)
        for name, source in sorted(SOURCES.items())
        for spec in source.files
        if source_usable(name)
    ]
    for finding in audit_cache(DATA_CACHE, every):
        print(f"gvcneg data cache: {finding.message()}", file=sys.stderr)
    stamped = {(c.source, c.name) for c in every if was_verified(DATA_CACHE, c)}
    requested = {(s, f) for s, f in REQUESTED_SOURCE_FILES if source_usable(s)}
    wanted = requested | stamped
    return sorted(str(DATA_CACHE.joinpath(s, f)) for s, f in wanted)


def source_usable(source):
    """True if the source can be had here: available offline, or supplied by the user
    (paths.user_data). Rules with optional inputs branch on this."""
    return SOURCES[source].available or source in USER_DATA


def _user_copy(wildcards):
    """The user's own copy as an input (so that replacing it reruns the fetch)."""
    user_path = USER_DATA.get(wildcards.source)
    if user_path is None:
        return {}
    candidate = Path(user_path)
    if candidate.is_dir():
        candidate = candidate / wildcards.file_name
    return {"user_copy": str(candidate)} if candidate.exists() else {}
