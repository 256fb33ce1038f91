"""A job's BLAS uses the threads its rule declares (gvcneg.empirics.threads)."""

import subprocess
import sys
from pathlib import Path

WORKFLOW = Path(__file__).resolve().parents[2] / "workflow"

_PROBE = """
from gvcneg.empirics.threads import use_threads
print(use_threads(1))
import os, numpy
print(os.environ["OPENBLAS_NUM_THREADS"])
print(use_threads(3))
"""


def test_the_limit_is_set_before_numpy_and_not_claimed_after():
    out = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(WORKFLOW), "PATH": "/usr/bin:/bin"},
    ).stdout.split()
    assert out == ["True", "1", "False"]
