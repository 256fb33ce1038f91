"""Send a rule script's stdout, stderr and warnings to its Snakemake log file."""

from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path


@contextlib.contextmanager
def logged(log_path):
    """Redirect output to ``log_path`` for the duration of a rule script."""
    log_path = Path(log_path)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w") as handle:
        logging.basicConfig(stream=handle, level=logging.INFO, force=True)
        logging.captureWarnings(True)
        with contextlib.redirect_stdout(handle), contextlib.redirect_stderr(handle):
            try:
                yield logging.getLogger("gvcneg")
            except Exception:
                import traceback

                traceback.print_exc(file=handle)
                handle.flush()
                sys.stderr.write(f"failed; see the log: {log_path}\n")
                raise
