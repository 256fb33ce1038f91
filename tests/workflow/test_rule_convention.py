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


# Scripts that read the run's configuration as a whole or its file locations, by design, each
# with the keys it reads (() = all of it) and why a cfg entry cannot carry them: cfg is a params
# value, and Snakemake re-runs a job whose params change.
RUN_CONFIG_READERS = {
    # the build stamp in ledger.html hashes the run's whole config; as cfg, any config edit
    # would re-run the ledger (tests/test_workflow_e2e.py: one parameter re-runs only its
    # dependants)
    "ledger/build.py": {()},
    # re-plans this run's DAG with this run's config (snakemake --summary, --rulegraph)
    "provenance.py": {()},
    # where a copy may be found, never what it is (the sha256 decides): a moved mirror or a
    # user path written another way must re-run no fetch (workflow/rules/data.smk)
    "data/fetch_source_file.py": {("paths", "data_mirrors"), ("paths", "user_data")},
}


def _is_snakemake_attr(node, *names) -> bool:
    """``snakemake.<names[0]>.<names[1]>...``"""
    for name in reversed(names):
        if not (isinstance(node, ast.Attribute) and node.attr == name):
            return False
        node = node.value
    return isinstance(node, ast.Name) and node.id == "snakemake"


def _key_path(node, root, aliases):
    """The constant keys under ``root`` an expression reads (``x["a"]["b"]``, ``x.get("a")``,
    through names assigned from such an expression), or None if it reads none."""
    if root(node):
        return ()
    if isinstance(node, ast.Name) and node.id in aliases:
        return aliases[node.id]
    if isinstance(node, ast.Subscript):
        inner = _key_path(node.value, root, aliases)
        key = node.slice
        if inner is not None and isinstance(key, ast.Constant) and isinstance(key.value, str):
            return (*inner, key.value)
        return inner
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ):
        inner = _key_path(node.func.value, root, aliases)
        return None if inner is None else (*inner, node.args[0].value)
    return None


def config_reads(source: str, root) -> set[tuple[str, ...]]:
    """Every key path a script reads under ``root`` (a predicate on AST nodes)."""
    tree = ast.parse(source)
    aliases: dict[str, tuple[str, ...]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            path = _key_path(node.value, root, aliases)
            if isinstance(target, ast.Name) and path is not None:
                aliases[target.id] = path
    reads = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript | ast.Call | ast.Attribute):
            path = _key_path(node, root, aliases)
            if path is not None:
                reads.add(path)
    return {p for p in reads if not any(q[: len(p)] == p and q != p for q in reads)}


def _holds(tree, path) -> bool:
    for key in path:
        if not isinstance(tree, dict):
            return True  # a list or value: its items are read by position or by value
        if key not in tree:
            return False
        tree = tree[key]
    return True


def test_scripts_read_the_config_only_through_their_rules_cfg(rules):
    """A script reads config values only as ``snakemake.params.cfg`` (the keys its rule
    declares with config_keys), never ``snakemake.config`` (except RUN_CONFIG_READERS, for
    the keys listed there)."""
    whole = {}
    for rule in rules:
        if not rule.script:
            continue
        source = (WORKFLOW / "scripts" / rule.script).read_text()
        reads = config_reads(source, lambda n: _is_snakemake_attr(n, "config"))
        allowed = RUN_CONFIG_READERS.get(rule.script, set())
        extra = {p for p in reads if not any(p[: len(a)] == a for a in allowed)}
        if extra:
            whole[rule.name] = sorted(extra)
    assert not whole, f"scripts reading snakemake.config (declare config_keys instead): {whole}"


def test_every_cfg_key_a_script_reads_is_declared_by_its_rule(rules):
    """The keys a script reads from ``snakemake.params.cfg`` exist in what its rule declares
    (config_keys), so a script cannot read a setting that does not re-run it when changed."""
    undeclared = {}
    for rule in rules:
        if not rule.script:
            continue
        source = (WORKFLOW / "scripts" / rule.script).read_text()
        reads = config_reads(source, lambda n: _is_snakemake_attr(n, "params", "cfg"))
        cfg = rule.params.get("cfg")
        missing = sorted(p for p in reads if cfg is None or not _holds(cfg, p))
        if missing:
            undeclared[rule.name] = missing
    assert not undeclared, undeclared


def test_the_config_read_finder_sees_aliases_and_gets():
    source = (
        'cfg = snakemake.params.cfg["doc"]\n'
        'a = cfg["x"]["y"]\n'
        'b = snakemake.params.cfg.get("other")\n'
        'c = snakemake.config["paths"]\n'
    )
    cfg_root = lambda n: _is_snakemake_attr(n, "params", "cfg")  # noqa: E731
    assert config_reads(source, cfg_root) == {("doc", "x", "y"), ("other",)}
    assert config_reads(source, lambda n: _is_snakemake_attr(n, "config")) == {("paths",)}
    assert not _holds({"doc": {"x": {}}}, ("doc", "z"))
