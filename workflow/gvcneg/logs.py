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
            except Exception as err:
                import traceback

                traceback.print_exc(file=handle)
                damaged = damaged_inputs(*_job_inputs())
                if damaged:
                    note = damaged_input_message(damaged)
                    handle.write(note + "\n")
                    handle.flush()
                    sys.__stderr__.write(note + "\n")
                    raise DamagedInput(note) from err
                handle.flush()
                sys.stderr.write(f"failed; see the log: {log_path}\n")
                raise


class DamagedInput(RuntimeError):
    """A job failed and some of its input files are empty or unreadable."""


def _job_inputs() -> tuple[list[str], str | None]:
    """The input files of the running job and the results folder: Snakemake runs a rule's
    script as ``__main__`` with the global ``snakemake``."""
    job = getattr(sys.modules.get("__main__"), "snakemake", None)
    if job is None:
        return [], None
    results = (getattr(job, "config", None) or {}).get("paths", {}).get("results")
    return [str(f) for f in getattr(job, "input", [])], results


def damaged_inputs(paths, results: str | None = None) -> list[tuple[str, str]]:
    """(file, problem) for each input that is empty, or an intermediate table (under
    ``results``, written by the pipeline's own writers) that cannot be parsed."""
    found = []
    for path in map(Path, paths):
        try:
            size = path.stat().st_size
        except OSError as err:
            found.append((str(path), f"cannot be read ({err.strerror})"))
            continue
        if size == 0:
            found.append((str(path), "is empty"))
        elif (
            results
            and Path(results).resolve() in path.resolve().parents
            and path.suffix in (".csv", ".parquet")
            and size < 200_000_000
        ):
            try:
                import pandas as pd

                (pd.read_parquet if path.suffix == ".parquet" else pd.read_csv)(path)
            except Exception as err:  # any reader error says the same: damaged
                found.append((str(path), f"cannot be parsed ({type(err).__name__}: {err})"))
    return found


def damaged_input_message(damaged: list[tuple[str, str]]) -> str:
    listed = "; ".join(f"{path} {problem}" for path, problem in damaged)
    files = " ".join(path for path, _ in damaged)
    return (
        f"gvcneg: this job's input is damaged: {listed}. Rebuild it: `make replicate` "
        f"(its run guard rebuilds damaged intermediates), or "
        f"`snakemake --profile profiles/default --forcerun {files}`."
    )
