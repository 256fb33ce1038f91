"""The config is validated at start-up; a bad key or value names the key and what is allowed."""

import copy
from pathlib import Path

import pytest
import yaml

from gvcneg.config import ConfigError, load_config, validate_config

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def config():
    return load_config(REPO / "config.yaml", REPO / "paths.yaml")


def test_shipped_config_is_valid(config):
    validate_config(config)


def test_unknown_key_is_named_with_allowed_keys(config):
    bad = copy.deepcopy(config)
    bad["deremer2023"]["figure_1"]["gridpoints"] = 10
    with pytest.raises(ConfigError) as err:
        validate_config(bad)
    message = str(err.value)
    assert "deremer2023.figure_1.gridpoints" in message
    assert "grid_points" in message and "tau_max" in message


def test_out_of_range_value_names_key_and_bound(config):
    bad = copy.deepcopy(config)
    bad["deremer2023"]["figure_1"]["tau_max"] = 0.5
    with pytest.raises(ConfigError) as err:
        validate_config(bad)
    assert "deremer2023.figure_1.tau_max = 0.5" in str(err.value)
    assert "< 0.1666667" in str(err.value)


def test_missing_section_is_reported(config):
    bad = copy.deepcopy(config)
    del bad["reproducibility"]
    with pytest.raises(ConfigError, match="reproducibility"):
        validate_config(bad)


def test_every_config_section_has_a_schema_and_vice_versa():
    sections = set(yaml.safe_load((REPO / "config.yaml").read_text())) | {"paths"}
    schemas = {
        p.name.removesuffix(".schema.yaml")
        for p in (REPO / "workflow" / "schemas" / "config").glob("*.schema.yaml")
    }
    assert sections == schemas


def test_select_config_keeps_only_the_named_keys_nested():
    from gvcneg.config import select_config

    config = {"a": {"b": 1, "c": {"d": 2, "e": 3}}, "f": 4}
    assert select_config(config, ["a.c.d", "f"]) == {"a": {"c": {"d": 2}}, "f": 4}
    with pytest.raises(KeyError, match="'a.x'"):
        select_config(config, ["a.x.y"])
