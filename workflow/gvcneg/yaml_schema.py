"""Read a YAML file and validate it against a JSON schema, raising one error that names the
file and the key path: the one way the registries (sources, targets, documents) are loaded.

Every Snakemake start parses the Snakefile, which loads ~45 of these files; a cluster job
parses it again. Two costs dominated that parse (a no-op re-run spent most of its time there):
``jsonschema.validate`` checks the *schema* against the metaschema on every call, and PyYAML's
pure-Python loader. Here a schema is checked once, when its validator is built (and cached),
and YAML is read with libyaml's loader when PyYAML has it; both give the same data and the same
first error as before (tests/test_yaml_schema.py).
"""

from __future__ import annotations

from pathlib import Path

import jsonschema
import yaml

# libyaml's C loader when PyYAML was built with it (the pinned wheels are); same results.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    """YAML text as Python data, with the safe loader (C implementation if available)."""
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 (a safe loader)


_VALIDATORS: dict[int, tuple[dict, jsonschema.protocols.Validator]] = {}


def validator_for(schema: dict) -> jsonschema.protocols.Validator:
    """The validator of a schema, built (and the schema checked) once per schema object.

    Keyed by the schema object's identity; the object is kept with it, so the key cannot be
    reused by another schema while the entry lives."""
    entry = _VALIDATORS.get(id(schema))
    if entry is None or entry[0] is not schema:
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        entry = (schema, cls(schema))
        _VALIDATORS[id(schema)] = entry
    return entry[1]


def first_error(data, schema: dict) -> jsonschema.ValidationError | None:
    """The error ``jsonschema.validate`` would raise (its ``best_match``), or None."""
    return jsonschema.exceptions.best_match(validator_for(schema).iter_errors(data))


def key_path(error: jsonschema.ValidationError) -> str:
    return ".".join(str(p) for p in error.absolute_path)


def load_validated(path, schema: dict, error_class: type[Exception]):
    """The file's data, valid against ``schema``; else ``error_class("<file>: <key path>:
    <message>")``. A file that cannot be read or parsed raises the same class."""
    path = Path(path)
    try:
        data = load_yaml(path.read_text())
    except (OSError, yaml.YAMLError) as err:
        raise error_class(f"{path}: cannot read: {err}") from err
    raise_if_invalid(data, schema, error_class, str(path))
    return data


def raise_if_invalid(data, schema: dict, error_class: type[Exception], origin: str) -> None:
    error = first_error(data, schema)
    if error is not None:
        raise error_class(f"{origin}: {key_path(error) or '<top level>'}: {error.message}") from (
            error
        )
