"""Suite-wide settings: property-based tests are derandomized, so a run is reproducible (the
same examples on every machine); set HYPOTHESIS_PROFILE=explore locally to search afresh.

Markers (pyproject.toml) split the suite into the developer loop (`make test-fast`: none of
`slow`, `dag`, `browser`, `slurm`) and the full suite (`make test`, what CI runs). A test that
uses the shared small-config DAG (`small_dag`) is marked `dag` and `slow` here, from its
fixtures, so a new end-to-end test cannot land in the fast loop by a forgotten decorator.
`make test` runs on two pytest-xdist workers, one test file per worker at a time
(`--dist loadfile`: a file's module fixtures, e.g. the SLURM cluster, start once); the workers
share one run of the small DAG (tests/dag_run.py).
"""

import os

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_itemcollected(item):
    if "small_dag" in getattr(item, "fixturenames", ()):
        item.add_marker(pytest.mark.dag)
        item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def small_dag(tmp_path_factory):
    """The whole DAG on the small config, run once per test session (tests/dag_run.py).

    Under pytest-xdist every worker is its own session: they share one run in the session's
    common temporary directory; the first worker to need it runs it, the others wait for it.
    """
    from dag_run import shared_run

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # pytest-<n>/, the parent of every worker's popen-gw<i>/
    run, returncode, output = shared_run(base / "small_dag")
    assert returncode == 0, output
    return run
