"""Load and validate the workflow configuration.

The schema is assembled from one file per top-level section in ``workflow/schemas/config/``
(``<section>.schema.yaml``), so each document owns its own part of the schema. A JSON schema
cannot say that a range is ordered or a number finite, so semantic checks follow it (see
:func:`semantic_errors`), and so do relations between keys that the documents state
(:func:`document_errors`). Validation collects every error and reports each with the file and
line that set the key, the dotted key, the offending value and what is allowed, then raises
:class:`ConfigError`. A YAML syntax error is reported as ``file:line:column: message``.
"""

from __future__ import annotations

import importlib
import importlib.util
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml

from gvcneg.yaml_schema import SAFE_LOADER, load_yaml

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas" / "config"


class ConfigError(ValueError):
    """The configuration does not satisfy the schema."""


# JSON Schema counts 20251123.0 as an integer (a number with a zero fraction); YAML reads it
# as a float, and so does every consumer (``range(20251123.0)``, ``PYTHONHASHSEED``), which
# then fails far from the key. Here an integer is a Python int, nothing else.
_STRICT_INTEGERS = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
    "integer",
    lambda _checker, value: isinstance(value, int) and not isinstance(value, bool),
)
ConfigValidator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator, type_checker=_STRICT_INTEGERS
)


def load_schema(schema_dir: Path = SCHEMA_DIR) -> dict:
    """Assemble the root schema from the per-section schema files."""
    properties = {}
    for path in sorted(Path(schema_dir).glob("*.schema.yaml")):
        section = path.name.removesuffix(".schema.yaml")
        schema = load_yaml(path.read_text())
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


@dataclass(frozen=True)
class KeyLocation:
    """Where a config key was set: file, 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


Locations = dict[tuple[str, ...], KeyLocation]


def _key_locations(node, path: tuple[str, ...], file: str, out: Locations) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = path + (str(key_node.value),)
            mark = key_node.start_mark
            if key in out:
                # YAML loaders keep the last of two equal keys without a word: refuse it.
                raise ConfigError(
                    f"{file}:{mark.line + 1}:{mark.column + 1}: duplicate key "
                    f"{'.'.join(key)} (first set at line {out[key].line}); keep one"
                )
            out[key] = KeyLocation(file, mark.line + 1, mark.column + 1)
            _key_locations(value_node, key, file, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            key = path + (str(index),)
            mark = item.start_mark
            out[key] = KeyLocation(file, mark.line + 1, mark.column + 1)
            _key_locations(item, key, file, out)


def read_yaml(path) -> tuple[dict, Locations]:
    """One config file as a mapping, with the location of every key (dotted path -> file,
    line, column; list items by index). A syntax error raises :class:`ConfigError` as
    ``file:line:column: problem``, the form editors and terminals link to."""
    path = Path(path)
    try:
        text = path.read_text()
    except OSError as err:
        raise ConfigError(f"{path}: cannot read the config file: {err}") from err
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        problem = err.problem or err.context or "invalid YAML"
        if err.context and err.problem and err.context_mark:
            context = err.context_mark
            problem += f" ({err.context} at line {context.line + 1}, column {context.column + 1})"
        raise ConfigError(f"{where}: YAML syntax error: {problem}") from err
    except yaml.YAMLError as err:
        raise ConfigError(f"{path}: YAML error: {err}") from err
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1:1: a config file must be a mapping of keys to values")
    locations: Locations = {}
    _key_locations(node, (), str(path), locations)
    return data, locations


def _deep_update(config: dict, update: Mapping) -> None:
    """Snakemake's merge of config files: nested mappings are merged, other values replaced."""
    for key, value in update.items():
        if isinstance(value, Mapping) and isinstance(config.get(key), dict):
            _deep_update(config[key], value)
        else:
            config[key] = value


def read_config_files(paths: Iterable) -> tuple[dict, Locations]:
    """Merge config files as Snakemake does (later files win, nested mappings merged) and
    keep the location of every key, taken from the file whose value is in effect."""
    config: dict = {}
    locations: Locations = {}
    for path in paths:
        data, found = read_yaml(path)
        _deep_update(config, data)
        for key, where in found.items():
            if not isinstance(_get(data, key), Mapping):
                # a replaced value (a list, a number) takes the old sub-keys with it
                for old in [k for k in locations if len(k) > len(key) and k[: len(key)] == key]:
                    del locations[old]
            locations[key] = where
    return config, locations


def _get(mapping, key: tuple[str, ...]):
    for part in key:
        if isinstance(mapping, Mapping):
            mapping = {str(k): v for k, v in mapping.items()}.get(part)
        elif isinstance(mapping, list) and part.isdigit() and int(part) < len(mapping):
            mapping = mapping[int(part)]
        else:
            return None
    return mapping


def check_yaml_syntax(paths: Iterable) -> None:
    """Raise :class:`ConfigError` (``file:line:column: problem``) for the first config file
    that is not valid YAML; run before Snakemake loads them, whose own message names
    neither file nor line."""
    for path in paths:
        read_yaml(path)


def _where(path: Sequence, locations: Locations | None) -> str:
    """``file:line: `` of a key (or of its nearest parent that has one); empty if unknown
    (a key set with ``--config`` on the command line has no file)."""
    if not locations:
        return ""
    key = tuple(str(p) for p in path)
    while key:
        if key in locations:
            return f"{locations[key]}: "
        key = key[:-1]
    return ""


# --- semantic checks ------------------------------------------------------------------------

# Keys that, found side by side in one mapping, bound a range: lower <= upper.
_RANGE_PAIRS = (("min", "max"), ("first", "last"), ("start", "end"), ("first_year", "last_year"))
# Suffix/prefix pairs: <x>_min/<x>_max, min_<x>/max_<x>, <x>_from/<x>_to.
_AFFIXES = (("_min", "_max", "suffix"), ("min_", "max_", "prefix"), ("_from", "_to", "suffix"))
# Keys that widen a range's upper end: <bound> must be >= the key it extends.
_EXTENSIONS = {"extended_last_year": "last_year", "extended_signed_to": "signed_to"}
# Lists of two numbers named like this are [first, last] ranges.
_RANGE_LISTS = ("years",)
# Lists that may be empty: no data mirrors means "download from the registry's URLs".
_MAY_BE_EMPTY = {("paths", "data_mirrors")}


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _range_pairs(mapping: Mapping) -> list[tuple[str, str]]:
    keys = {str(k) for k in mapping}
    pairs = [(lo, hi) for lo, hi in _RANGE_PAIRS if lo in keys and hi in keys]
    for low, high, kind in _AFFIXES:
        for key in sorted(keys):
            if kind == "suffix" and key.endswith(low):
                partner = key[: -len(low)] + high
            elif kind == "prefix" and key.startswith(low):
                partner = high + key[len(low) :]
            else:
                continue
            if partner in keys:
                pairs.append((key, partner))
    pairs += [(base, ext) for ext, base in _EXTENSIONS.items() if ext in keys and base in keys]
    return pairs


def semantic_errors(config: Mapping) -> list[tuple[tuple, str]]:
    """(key path, problem) for what the JSON schema cannot express, anywhere in the config:

    - every number is finite (YAML's ``.nan`` and ``.inf`` are numbers to a JSON schema);
    - every range is ordered: ``min``/``max``, ``first``/``last``, ``start``/``end``,
      ``<x>_min``/``<x>_max``, ``min_<x>``/``max_<x>``, ``<x>_from``/``<x>_to``, an
      ``extended_<x>`` bound not below the bound it extends, and ``[first, last]`` lists
      under ``years``;
    - every grid ``{min, max, points}`` has ``points >= 1``, and a single point when
      ``min == max`` (otherwise the same value is solved several times);
    - every list of values (a grid axis, a list of choices) is non-empty (except the list
      of data mirrors).
    """
    errors: list[tuple[tuple, str]] = []

    def visit(value, path: tuple) -> None:
        if isinstance(value, Mapping):
            for low, high in _range_pairs(value):
                a, b = value[low], value[high]
                if _is_number(a) and _is_number(b) and math.isfinite(a) and math.isfinite(b):
                    if a > b:
                        # an extension is reported at its own key (the one set to widen)
                        key = high if high in _EXTENSIONS else low
                        errors.append(
                            (
                                path + (key,),
                                f"range not ordered: {low} = {a!r} > {high} = {b!r} "
                                f"(need {low} <= {high})",
                            )
                        )
            if {"min", "max", "points"} <= {str(k) for k in value}:
                points = value["points"]
                if _is_number(points) and points < 1:
                    errors.append((path + ("points",), f"grid needs points >= 1, got {points!r}"))
                elif value["min"] == value["max"] and _is_number(points) and points > 1:
                    errors.append(
                        (
                            path + ("points",),
                            f"grid with min == max = {value['min']!r} has {points!r} points "
                            "(all equal); set points: 1 or widen the range",
                        )
                    )
            for key, item in value.items():
                visit(item, path + (key,))
        elif isinstance(value, list | tuple):
            if not value and tuple(str(p) for p in path) not in _MAY_BE_EMPTY:
                errors.append((path, "empty list: give at least one value"))
            if (
                any(str(p) in _RANGE_LISTS for p in path[-2:])
                and len(value) == 2
                and all(_is_number(v) and math.isfinite(v) for v in value)
                and value[0] > value[1]
            ):
                errors.append(
                    (
                        path,
                        f"range not ordered: [first, last] = {list(value)!r} (need first <= last)",
                    )
                )
            for index, item in enumerate(value):
                visit(item, path + (index,))
        elif isinstance(value, float) and not math.isfinite(value):
            errors.append((path, f"number is {value!r}; every number must be finite"))

    visit(config, ())
    return errors


def _at(config: Mapping, *keys):
    for key in keys:
        if not isinstance(config, Mapping) or key not in config:
            return None
        config = config[key]
    return config


def _finite(*values) -> bool:
    return all(_is_number(v) and math.isfinite(v) for v in values)


# Where a document keeps the premises its configuration must respect: a module ``premises``
# in its package (``gvcneg.<area>.<document>``) with ``config_errors(config)``; this module
# names no document.
PREMISE_AREAS = ("theory", "empirics")


def premise_modules(config: Mapping) -> list:
    """The ``premises`` module of every configured document that has one."""
    modules = []
    for key in config:
        if not (isinstance(key, str) and key.isidentifier()):
            continue
        for area in PREMISE_AREAS:
            name = f"gvcneg.{area}.{key}.premises"
            if importlib.util.find_spec(f"gvcneg.{area}.{key}") and importlib.util.find_spec(name):
                modules.append(importlib.import_module(name))
    return modules


def document_errors(config: Mapping) -> list[tuple[tuple, str]]:
    """(key path, problem) for relations the documents (or the schemas' descriptions) state
    between keys: premises a run must not silently violate. Each document states its own
    (:func:`premise_modules`)."""
    errors: list[tuple[tuple, str]] = []
    for module in premise_modules(config):
        errors.extend(module.config_errors(config))
    return errors


def validate_config(
    config: Mapping, schema: Mapping | None = None, locations: Locations | None = None
) -> None:
    """Raise :class:`ConfigError` listing every violation of the schema and of the semantic
    checks; with ``locations`` (from :func:`read_config_files`) each line starts with the
    ``file:line`` that set the key."""
    schema = load_schema() if schema is None else schema
    validator = ConfigValidator(schema)
    errors = sorted(validator.iter_errors(dict(config)), key=lambda e: list(e.absolute_path))
    lines = [_where(e.absolute_path, locations) + format_error(e) for e in errors]
    reported = {tuple(str(p) for p in e.absolute_path) for e in errors}
    for path, problem in semantic_errors(config) + document_errors(config):
        if tuple(str(p) for p in path) in reported:
            continue  # the schema's message already names this key
        lines.append(f"{_where(path, locations)}config key {_dotted(path)}: {problem}")
    if lines:
        joined = "\n  - ".join(lines)
        raise ConfigError(f"invalid configuration:\n  - {joined}")


def check_config_files(
    config: Mapping,
    paths: Iterable,
    command_line: Mapping | None = None,
    schema: Mapping | None = None,
) -> None:
    """Validate the config Snakemake loaded, naming the file and line of each bad key.

    ``paths`` are the config files in the order their values take effect (the Snakefile's
    ``configfile:`` entries, then ``--configfile``); re-reading them with line marks is cheap
    (a few kB). Keys set with ``--config`` (``command_line``) are reported as such."""
    _, locations = read_config_files(paths)

    def mark(value, path: tuple[str, ...]) -> None:
        locations[path] = KeyLocation("--config on the command line", 0, 0)
        if isinstance(value, Mapping):
            for key, item in value.items():
                mark(item, path + (str(key),))

    for key, value in (command_line or {}).items():
        mark(value, (str(key),))
    validate_config(config, schema, locations)


def load_config(*paths: Path) -> dict:
    """Merge YAML files (later ones win at the top level) and validate the result."""
    config, locations = read_config_files(paths)
    validate_config(config, locations=locations)
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
