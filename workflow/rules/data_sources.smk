# The data layer's registry and helpers (included by data.smk): SOURCES, DATA_CACHE,
# DATA_MIRRORS, USER_DATA, source_file(source, file_name) and source_usable(source).
import re

from gvcneg.data.fetch import data_mirrors
from gvcneg.data.registry import load_sources

SOURCES = load_sources(REPO / "sources")
DATA_CACHE = Path(config["paths"]["data_cache"])
DATA_MIRRORS = [str(m) for m in data_mirrors(config["paths"]["data_mirrors"])]
USER_DATA = config["paths"]["user_data"]

unknown_user_data = sorted(set(USER_DATA) - set(SOURCES))
if unknown_user_data:
    raise ValueError(
        f"paths.user_data names sources not in the registry: {unknown_user_data}; "
        f"known sources: {', '.join(sorted(SOURCES))}"
    )


def source_file(source, file_name):
    """Cache path of one registered file, for other rules' input: (fetched and verified
    by rule fetch_source_file). Fails at parse time on an unknown source or file."""
    if source not in SOURCES:
        raise ValueError(
            f"unknown source {source!r}; known: {', '.join(sorted(SOURCES))}"
        )
    SOURCES[source].file(file_name)
    return str(DATA_CACHE.joinpath(source, file_name))


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
