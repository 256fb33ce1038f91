"""A rule's script run on its own (gvcneg.devtools.standalone) gets what Snakemake gives it and
writes the same bytes as the DAG did."""

import hashlib

import pytest
from dag_run import SMALL, clone_run

from gvcneg.devtools.standalone import run_rule_script

pytestmark = pytest.mark.slow


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_standalone_script_reproduces_the_dag_output(small_dag, tmp_path):
    clone = clone_run(small_dag, tmp_path)
    outputs = [
        clone.workdir / "results" / "deremer2023" / "tables" / f"{stem}.csv"
        for stem in ("equilibria", "power_shift")
    ]
    before = {p.name: digest(p) for p in outputs}
    for path in outputs:
        path.unlink()
    configs = [clone.repo / "config.yaml", clone.repo / "paths.yaml", SMALL]
    run_rule_script("deremer2023_tables", {}, configs, clone.repo, clone.workdir)
    assert {p.name: digest(p) for p in outputs} == before


def test_missing_inputs_are_named(small_dag, tmp_path):
    clone = clone_run(small_dag, tmp_path)
    (clone.workdir / "results" / "deremer2023" / "tables" / "equilibria.csv").unlink()
    configs = [clone.repo / "config.yaml", clone.repo / "paths.yaml", SMALL]
    with pytest.raises(FileNotFoundError, match="equilibria.csv"):
        run_rule_script("deremer2023_claims", {}, configs, clone.repo, clone.workdir)
