"""gvcneg.yaml_schema: one loader for the YAML registries, and the same answers as the
slower calls it replaced (``yaml.safe_load``, ``jsonschema.validate``)."""

from pathlib import Path

import jsonschema
import pytest
import yaml

from gvcneg.data.registry import SOURCE_SCHEMA
from gvcneg.documents import _SCHEMA as DOCUMENTS_SCHEMA
from gvcneg.ledger.targets import TARGETS_SCHEMA
from gvcneg.yaml_schema import first_error, load_validated, load_yaml, validator_for

REPO = Path(__file__).resolve().parents[1]
FILES = sorted(REPO.glob("sources/*.yaml")) + sorted(REPO.glob("targets/*.yaml"))


class Invalid(ValueError):
    pass


@pytest.mark.parametrize("path", FILES + [REPO / "documents.yaml", REPO / "config.yaml"])
def test_fast_loader_reads_what_the_pure_python_loader_reads(path):
    text = path.read_text()
    assert load_yaml(text) == yaml.safe_load(text)


@pytest.mark.parametrize("schema", [SOURCE_SCHEMA, TARGETS_SCHEMA, DOCUMENTS_SCHEMA])
def test_schemas_are_valid_and_built_once(schema):
    jsonschema.validators.validator_for(schema).check_schema(schema)
    assert validator_for(schema) is validator_for(schema)


def test_first_error_is_the_error_jsonschema_validate_raises():
    schema = {
        "type": "object",
        "required": ["a"],
        "properties": {"a": {"type": "integer"}, "b": {"enum": [1, 2]}},
    }
    for data in ({"a": "x", "b": 3}, {"b": 1}, {"a": 1, "b": 5}, [], {"a": 1}):
        try:
            jsonschema.validate(data, schema)
            expected = None
        except jsonschema.ValidationError as err:
            expected = (err.message, list(err.absolute_path))
        found = first_error(data, schema)
        assert (found and (found.message, list(found.absolute_path))) == expected


def test_invalid_file_names_file_and_key_path(tmp_path):
    schema = {"type": "object", "properties": {"a": {"type": "object", "properties": {
        "b": {"type": "integer"}}}}}  # fmt: skip
    path = tmp_path / "x.yaml"
    path.write_text("a:\n  b: not a number\n")
    with pytest.raises(Invalid, match=r"x\.yaml: a\.b: 'not a number' is not of type"):
        load_validated(path, schema, Invalid)
    path.write_text("a: [unclosed\n")
    with pytest.raises(Invalid, match=r"x\.yaml: cannot read"):
        load_validated(path, schema, Invalid)
    with pytest.raises(Invalid, match="cannot read"):
        load_validated(tmp_path / "missing.yaml", schema, Invalid)
