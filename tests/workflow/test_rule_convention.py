"""One convention for every rule (README, "For developers"): log, benchmark and conda env; the
config values a rule reads, and only those, as one mapping ``cfg`` built by config_keys()."""

import ast
from pathlib import Path

import pytest
import yaml

from gvcneg.devtools.workflow_rules import load_rules
from gvcneg.import_graph import code_files

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / "workflow"
INFRASTRUCTURE = {"all"}


@pytest.fixture(scope="module")
def rules():
    return [r for r in load_rules(REPO) if r.name not in INFRASTRUCTURE]


@pytest.fixture(scope="module")
def config():
    merged = {}
    for name in ("config.yaml", "paths.yaml"):
        merged.update(yaml.safe_load((REPO / name).read_text()))
    return merged


def test_every_rule_logs_benchmarks_and_names_its_environment(rules):
    bad = [r.name for r in rules if not (r.has_log and r.has_benchmark and r.has_conda)]
    assert not bad, f"rules without log:, benchmark: or conda: {bad}"


def _subtrees(node, path=()):
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _subtrees(value, (*path, key))


def test_config_reaches_scripts_only_through_cfg(rules, config):
    """A params value that is a piece of the config under another name bypasses the one
    convention (and usually passes more than the script reads)."""
    pieces = [(p, v) for p, v in _subtrees(config) if isinstance(v, dict) and p]
    offenders = []
    for rule in rules:
        for name, value in rule.params.items():
            if name == "cfg" or not isinstance(value, dict):
                continue
            if any(value == piece for _, piece in pieces):
                offenders.append(f"{rule.name}.params.{name}")
    assert not offenders, offenders


def _leaf_paths(node, path=()):
    if isinstance(node, dict) and node:
        for key, value in node.items():
            yield from _leaf_paths(value, (*path, key))
    else:
        yield path


def test_cfg_is_a_selection_of_the_config(rules, config):
    for rule in rules:
        cfg = rule.params.get("cfg")
        if cfg is None:
            continue
        for path in _leaf_paths(cfg):
            node = config
            for key in path:
                assert isinstance(node, dict) and key in node, f"{rule.name}: cfg has {path}"
                node = node[key]


def _string_constants(files) -> set[str]:
    found = set()
    for path in files:
        if path.suffix != ".py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_every_config_key_a_rule_gets_is_read_by_its_code(rules):
    """Snakemake re-runs a job when its params change: a setting the code never names would
    re-run it for nothing. Each setting a rule gets (the keys directly under a document's
    section) must appear, as a string, in the script or the package code it runs."""
    unread = {}
    for rule in rules:
        cfg = rule.params.get("cfg")
        if not cfg or not rule.script:
            continue
        script = WORKFLOW / "scripts" / rule.script
        names = _string_constants([script, *code_files(script, WORKFLOW)])
        keys = {key for section in cfg.values() if isinstance(section, dict) for key in section}
        missing = sorted(k for k in keys if k not in names)
        if missing:
            unread[rule.name] = missing
    assert not unread, unread
