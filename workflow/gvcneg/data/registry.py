"""The source registry: one YAML file per upstream data set in ``sources/<source>.yaml``.

Each entry records where the data come from (publisher, upstream URL, vintage, license,
citation), whether a copy is available offline, the files with their sha256 and download
URL, which of the documents' figures/tables use it, and -- where the document used another
source -- what it substitutes for and why it is the closest available. The fetch step
(:mod:`gvcneg.data.fetch`) reads files only through this registry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from gvcneg.yaml_schema import load_yaml, raise_if_invalid

REPO = Path(__file__).resolve().parents[3]
SOURCES_DIR = REPO / "sources"

STATUSES = ("available", "not_available_offline")
# "table": a user-supplied table as an .xlsx workbook or a CSV text file (readers tell them
# apart by content; the cached copy keeps the registry's name).
FORMATS = (
    "csv", "xlsx", "table", "dta", "parquet", "json", "rda", "shp", "shx", "dbf", "prj", "cpg",
)  # fmt: skip

_SHA256 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}

COLUMN_TYPES = ("str", "int", "float", "bool", "datetime")

# The columns of a file the pipeline reads, checked at read by gvcneg.data.source_schemas.
FILE_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["columns"],
    "properties": {
        "columns": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "required": ["type"],
                "properties": {
                    "type": {"enum": list(COLUMN_TYPES)},
                    "nullable": {"type": "boolean"},
                    "required": {"type": "boolean"},
                    "regex": {"type": "boolean", "description": "the name is a regex"},
                    "unique": {"type": "boolean"},
                    "min": {"type": "number"},
                    "max": {"type": "number"},
                    "isin": {"type": "array", "minItems": 1},
                    "pattern": {"type": "string"},
                    "description": {"type": "string"},
                },
            },
        },
        "unique": {"type": "array", "items": {"type": "string"}, "minItems": 1},
    },
}

SOURCE_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "name",
        "title",
        "publisher",
        "upstream_url",
        "vintage",
        "license",
        "citation",
        "status",
        "files",
        "used_by",
    ],
    "properties": {
        "name": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
        "title": {"type": "string", "minLength": 1},
        "publisher": {"type": "string", "minLength": 1},
        "upstream_url": {"type": "string", "pattern": "^https?://"},
        "vintage": {"type": "string", "minLength": 1},
        "license": {"type": "string", "minLength": 1},
        "citation": {"type": "string", "minLength": 1},
        "status": {"enum": list(STATUSES)},
        "copied_from": {"type": "string"},
        "files": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "format"],
                "properties": {
                    "name": {"type": "string", "pattern": "^[^/\\\\]+$"},
                    "sha256": {"anyOf": [_SHA256, {"type": "null"}]},
                    "bytes": {"type": "integer", "minimum": 0},
                    "url": {"type": "string", "pattern": "^https?://"},
                    "format": {"enum": list(FORMATS)},
                    "description": {"type": "string"},
                    "read": {
                        "type": "object",
                        "description": "keyword arguments for the reader of this format",
                        "additionalProperties": False,
                        "properties": {
                            "encoding": {"type": "string"},
                            "skiprows": {"type": "integer", "minimum": 0},
                            "sheet_name": {"type": "string"},
                            "sep": {"type": "string"},
                            "keep_default_na": {"type": "boolean"},
                            "na_values": {"type": "array", "items": {"type": "string"}},
                        },
                    },
                    "schema": FILE_SCHEMA,
                },
            },
        },
        "used_by": {"type": "array", "items": {"type": "string"}},
        "substitutes_for": {"type": "string"},
        "superseded_by": {"type": "string"},
        "notes": {"type": "string"},
    },
}


class RegistryError(ValueError):
    """A registry file is malformed or inconsistent."""


@dataclass(frozen=True)
class SourceFile:
    """One file of a source. ``sha256`` is None only for sources not available offline
    whose exact upstream bytes are not known here (the user's copy is then checksummed and
    the value recorded, not verified)."""

    name: str
    format: str
    sha256: str | None = None
    url: str | None = None
    bytes: int | None = None
    description: str = ""
    read: dict = field(default_factory=dict)
    schema: dict | None = None


@dataclass(frozen=True)
class Source:
    name: str
    title: str
    publisher: str
    upstream_url: str
    vintage: str
    license: str
    citation: str
    status: str
    files: tuple[SourceFile, ...]
    used_by: tuple[str, ...]
    substitutes_for: str = ""
    superseded_by: str = ""
    copied_from: str = ""
    notes: str = ""

    @property
    def available(self) -> bool:
        return self.status == "available"

    def file(self, file_name: str) -> SourceFile:
        """The registry entry of one file; raises naming the files the source has."""
        for spec in self.files:
            if spec.name == file_name:
                return spec
        known = ", ".join(f.name for f in self.files) or "(none)"
        raise RegistryError(
            f"source {self.name!r} has no file {file_name!r} in the registry "
            f"(sources/{self.name}.yaml lists: {known})"
        )


def parse_source(data: dict, origin: str = "<memory>", schema: bool = True) -> Source:
    """Validate one registry entry (a mapping as read from YAML) and build a :class:`Source`.

    ``schema=False`` skips the JSON-schema check, for a job whose planning process has already
    checked the entry (rule fetch_source_file)."""
    if schema:
        raise_if_invalid(data, SOURCE_SCHEMA, RegistryError, origin)
    files = tuple(SourceFile(**f) for f in data["files"])
    names = [f.name for f in files]
    if len(set(names)) != len(names):
        raise RegistryError(f"{origin}: duplicate file names in 'files'")
    if data["status"] == "available":
        if not files:
            raise RegistryError(f"{origin}: an available source must list its files")
        unverified = [f.name for f in files if f.sha256 is None]
        if unverified:
            raise RegistryError(
                f"{origin}: available source without sha256 for {unverified}; every file "
                "of an available source is verified before use"
            )
    fields = {k: v for k, v in data.items() if k not in ("files", "used_by")}
    return Source(**fields, files=files, used_by=tuple(data["used_by"]))


def load_source_file(path, schema: bool = True) -> Source:
    path = Path(path)
    try:
        data = load_yaml(path.read_text())
    except (OSError, yaml.YAMLError) as err:
        raise RegistryError(f"{path}: cannot read registry entry: {err}") from err
    if not isinstance(data, dict):
        raise RegistryError(f"{path}: a registry entry must be a mapping")
    source = parse_source(data, str(path), schema)
    if source.name != path.name.removesuffix(".yaml"):
        raise RegistryError(f"{path}: name {source.name!r} must equal the file name stem")
    return source


def load_sources(directory=SOURCES_DIR) -> dict[str, Source]:
    """Every registry entry in ``directory`` (``<source>.yaml``), keyed by source name."""
    directory = Path(directory)
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        raise RegistryError(f"no registry entries (*.yaml) in {directory}")
    sources = {}
    for path in paths:
        source = load_source_file(path)
        sources[source.name] = source
    for source in sources.values():
        if source.superseded_by and source.superseded_by not in sources:
            raise RegistryError(
                f"sources/{source.name}.yaml: superseded_by {source.superseded_by!r} "
                "is not in the registry"
            )
    return sources


def registry_table(sources: dict[str, Source]):
    """The registry as a tidy frame (one row per source) for the report's data chapter."""
    import pandas as pd

    rows = [
        {
            "source": s.name,
            "title": s.title,
            "publisher": s.publisher,
            "vintage": s.vintage,
            "status": s.status,
            "files": len(s.files),
            "used_by": ", ".join(s.used_by),
            "substitutes_for": s.substitutes_for,
            "license": s.license,
            "upstream_url": s.upstream_url,
            "citation": s.citation,
        }
        for s in sorted(sources.values(), key=lambda s: s.name)
    ]
    return pd.DataFrame(rows)
