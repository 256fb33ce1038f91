"""Read a fetched file into a data frame with the read options its registry entry records
(encoding, header rows to skip, sheet, separator), so that consumers code against the
registry rather than each file's quirks."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from gvcneg.data.excel import read_excel
from gvcneg.data.fetch import DataSourceError
from gvcneg.data.registry import Source


def read_frame(source: Source, file_name: str, path, **overrides) -> pd.DataFrame:
    """The file ``file_name`` of ``source`` (already fetched to ``path``) as a data frame.

    ``overrides`` are passed to the pandas reader on top of the registry's read options.
    A file that cannot be parsed raises :class:`DataSourceError` naming source and file.
    """
    spec = source.file(file_name)
    options = {**spec.read, **overrides}
    path = Path(path)
    try:
        if spec.format == "csv":
            options.setdefault("encoding", "utf-8-sig")
            return pd.read_csv(path, low_memory=False, **options)
        if spec.format == "xlsx":
            return read_excel(path, **options)
        if spec.format == "dta":
            return pd.read_stata(path, **options)
        if spec.format == "parquet":
            return pd.read_parquet(path, **options)
        if spec.format == "rda":
            import pyreadr

            result = pyreadr.read_r(str(path))
            return next(iter(result.values())) if len(result) == 1 else result[options["object"]]
    except (ValueError, KeyError, OSError, UnicodeDecodeError) as err:
        raise DataSourceError(
            f"source {source.name!r}, file {file_name!r}: cannot parse {path} as "
            f"{spec.format} with read options {options}: {err}. Fix: check that the file is "
            f"the registered one (sources/{source.name}.yaml) and its read options."
        ) from err
    raise DataSourceError(
        f"source {source.name!r}, file {file_name!r}: no tabular reader for format "
        f"{spec.format!r}; open it with a format-specific library."
    )
