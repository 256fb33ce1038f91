"""Suite-wide settings: property-based tests are derandomized, so a run is reproducible (the
same examples on every machine); set HYPOTHESIS_PROFILE=explore locally to search afresh."""

import os

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def small_dag(tmp_path_factory):
    """The whole DAG on the small config, run once per test session (tests/dag_run.py)."""
    from dag_run import start_run

    run = start_run(tmp_path_factory.mktemp("small_dag"))
    result = run.snakemake()
    assert result.returncode == 0, result.stderr[-5000:]
    return run
