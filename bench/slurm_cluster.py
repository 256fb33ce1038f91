"""A single-node SLURM cluster on this machine for the scale-out benchmark.

The cluster of tests/test_slurm.py (``single_node_cluster``: writes slurm.conf, starts munged,
slurmctld and slurmd under the machine lock the tests use, stops them and restores the
config), here yielding just the node name. Needs root; installs Debian's slurm-wlm and munge
with apt-get when they are missing. Raises ``ClusterUnavailable`` with the reason where this
is impossible.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_slurm import ClusterUnavailable  # noqa: E402, F401 (re-exported for bench/scale.py)
from test_slurm import single_node_cluster as _cluster  # noqa: E402


@contextlib.contextmanager
def single_node_cluster():
    """Yields the node name of a running single-node cluster (partition ``debug``)."""
    with _cluster(prefix="gvcneg-bench-slurm-") as cluster:
        yield cluster.node
