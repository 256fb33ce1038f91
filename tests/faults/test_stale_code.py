"""Fault: a science module is edited. Every job that runs it must re-run, and nothing else
but what depends on those jobs' outputs.

The full walk over every module is the import-graph check (tests/workflow/test_code_tracking.py
and tests/test_import_graph.py); here Snakemake itself plans the re-runs after a real edit,
for one module of each part of the package, including the chapter-7 module the review found
un-tracked (``aggregates.py``).
"""

import re

import pytest
from dag_run import clone_run, jobs_planned

from gvcneg.devtools.workflow_rules import load_rules

pytestmark = pytest.mark.slow

MODULES = [
    "gvcneg/empirics/gvcdr2025_ch7/aggregates.py",
    "gvcneg/theory/jackson_two_level/model.py",
    "gvcneg/theory/deremer2023/equilibrium.py",
    "gvcneg/theory/mattoo_olarreaga2000/specification.py",
    "gvcneg/empirics/nbt2015/rta_counts.py",
    "gvcneg/empirics/gvcdr2025_ch8/binding_coder.py",
    "gvcneg/data/countries.py",
    "gvcneg/report/helpers.py",
]


@pytest.fixture(scope="module")
def clone(small_dag, tmp_path_factory):
    return clone_run(small_dag, tmp_path_factory.mktemp("stale_code"))


@pytest.fixture(scope="module")
def consumers(clone) -> dict[str, set[str]]:
    """The unedited clone's rule graph, taken once: every test restores its module first."""
    return rule_graph(clone)


@pytest.fixture(scope="module")
def rules(clone):
    """The clone's rules, each with its tracked code files (an appended comment changes none)."""
    return load_rules(clone.repo, clone.workdir)


def rule_graph(clone) -> dict[str, set[str]]:
    """Consumers of each rule, from Snakemake's own --rulegraph."""
    dot = clone.snakemake("--rulegraph").stdout
    names = dict(re.findall(r'^\s*(\d+)\[label = "([^"]+)"', dot, flags=re.M))
    consumers: dict[str, set[str]] = {name: set() for name in names.values()}
    for producer, consumer in re.findall(r"^\s*(\d+) -> (\d+)", dot, flags=re.M):
        consumers[names[producer]].add(names[consumer])
    return consumers


def downstream(rules: set[str], consumers: dict[str, set[str]]) -> set[str]:
    seen, stack = set(rules), list(rules)
    while stack:
        for nxt in consumers.get(stack.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def test_the_clone_has_nothing_to_do(clone):
    assert jobs_planned(clone.snakemake("--dry-run")) == set()


@pytest.mark.parametrize("module", MODULES)
def test_editing_a_module_replans_its_importers_and_only_their_dependants(
    clone, consumers, rules, module
):
    path = clone.repo / "workflow" / module
    original = path.read_text()
    path.write_text(original + "\n# an edit\n")
    try:
        planned = jobs_planned(clone.snakemake("--dry-run"))
        importers = {r.name for r in rules if str(path) in map(str, r.inputs.get("code", []))}
    finally:
        path.write_text(original)
    direct = importers & set(consumers)
    assert direct, f"no rule of the DAG runs {module}"
    assert direct <= planned, f"{module}: not re-planned: {direct - planned}"
    allowed = downstream(direct, consumers)
    assert planned <= allowed, f"{module}: re-planned without cause: {planned - allowed}"
