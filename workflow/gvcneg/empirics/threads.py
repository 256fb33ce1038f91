"""A job's numerical libraries use the threads its rule declares, no more.

OpenBLAS starts one thread per core by default; in a job that declares ``threads: 1`` (the
chapter-8 estimators) those threads only compete with the other jobs Snakemake runs at the
same time, and their busy waiting doubled the CPU of the placebo's logits (10.0 -> 4.6 CPU s
for two seeds, measured). The setting is read when numpy loads its BLAS, so it must come first.
"""

from __future__ import annotations

import os
import sys

VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def use_threads(threads: int) -> bool:
    """Limit BLAS/OpenMP to ``threads``. Without effect once numpy is loaded (a script run
    in-process by gvcneg.devtools.standalone keeps that process's setting): returns whether
    the limit applies."""
    if "numpy" in sys.modules:
        return False
    for name in VARIABLES:
        os.environ[name] = str(int(threads))
    return True
