"""Load and validate the workflow configuration.

The schema is assembled from one file per top-level section in ``workflow/schemas/config/``
(``<section>.schema.yaml``), so each document owns its own part of the schema. Validation
collects every error and reports each with the dotted key, the offending value and what is
allowed, then raises :class:`ConfigError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import jsonschema
import yaml

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas" / "config"


class ConfigError(ValueError):
    """The configuration does not satisfy the schema."""


def load_schema(schema_dir: Path = SCHEMA_DIR) -> dict:
    """Assemble the root schema from the per-section schema files."""
    properties = {}
    for path in sorted(Path(schema_dir).glob("*.schema.yaml")):
        section = path.name.removesuffix(".schema.yaml")
        schema = yaml.safe_load(path.read_text())
        # An $id of its own lets each section's "#/$defs/..." references resolve locally.
        schema.setdefault("$id", f"urn:gvcneg:config:{section}")
        properties[section] = schema
    return {
        "type": "object",
        "properties": properties,
        "required": sorted(properties),
        "additionalProperties": False,
    }


def _dotted(path) -> str:
    return ".".join(str(p) for p in path) or "<top level>"


def _allowed(schema: Mapping) -> str:
    if "enum" in schema:
        return "one of " + ", ".join(repr(v) for v in schema["enum"])
    parts = []
    if "type" in schema:
        parts.append(f"type {schema['type']}")
    for key, word in (
        ("minimum", ">="),
        ("exclusiveMinimum", ">"),
        ("maximum", "<="),
        ("exclusiveMaximum", "<"),
    ):
        if key in schema:
            parts.append(f"{word} {schema[key]}")
    if "minItems" in schema:
        parts.append(f"at least {schema['minItems']} items")
    return ", ".join(parts) or "see the schema"


def format_error(error: jsonschema.ValidationError) -> str:
    """One line naming the key, the value found and what is allowed."""
    where = _dotted(error.absolute_path)
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        keys = ", ".join(f"{where}.{k}" if error.absolute_path else k for k in extra)
        return f"unknown config key {keys}; allowed keys here: {', '.join(allowed)}"
    if error.validator == "required":
        return f"missing config key under {where}: {error.message}"
    return (
        f"config key {where} = {error.instance!r} is not allowed ({error.message}); "
        f"allowed: {_allowed(error.schema)}"
    )


def validate_config(config: Mapping, schema: Mapping | None = None) -> None:
    """Raise :class:`ConfigError` listing every violation of the schema."""
    schema = load_schema() if schema is None else schema
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(dict(config)), key=lambda e: list(e.absolute_path))
    if errors:
        lines = "\n  - ".join(format_error(e) for e in errors)
        raise ConfigError(f"invalid configuration:\n  - {lines}")


def load_config(*paths: Path) -> dict:
    """Merge YAML files (later ones win at the top level) and validate the result."""
    config: dict = {}
    for path in paths:
        config.update(yaml.safe_load(Path(path).read_text()) or {})
    validate_config(config)
    return config


def select_config(config: dict, dotted_keys) -> dict:
    """The sub-tree of ``config`` holding just the given dotted keys, nested as in the config
    (``select_config(c, ["a.b"]) == {"a": {"b": c["a"]["b"]}}``). An unknown key is an error
    naming it, so a rule cannot silently read nothing."""
    out: dict = {}
    for dotted in dotted_keys:
        node, target = config, out
        parts = dotted.split(".")
        for i, part in enumerate(parts):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"config key {'.'.join(parts[: i + 1])!r} does not exist")
            node = node[part]
            if i == len(parts) - 1:
                target[part] = node
            else:
                target = target.setdefault(part, {})
    return out
