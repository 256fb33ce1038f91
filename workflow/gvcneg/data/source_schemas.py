"""Check a registered file's content at read against the schema its registry entry declares.

The schema of a file lives in one place, the ``schema:`` block of its entry in
``sources/<source>.yaml`` (columns the pipeline reads, their type, whether missing values are
allowed, ranges, allowed values, patterns, unique keys). Columns the pipeline does not read
are not checked, so a file may carry extra columns. A checksum proves that the bytes are the
registered ones; the schema is what still holds for a user's own copy (sources not available
offline, a newer vintage) and what turns a bad value into a message naming the source, the
file, the column, the rows and what was expected, instead of a ``KeyError`` deep in a reader.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from gvcneg.data.fetch import DataSourceError
from gvcneg.data.readers import read_frame
from gvcneg.data.registry import SOURCES_DIR, Source, load_source_file

_SHOWN_ROWS = 5
_NOT = {"int": "an integer", "float": "a number", "datetime": "a date", "bool": "true/false"}


@functools.cache
def registered_source(name: str, sources_dir: str = str(SOURCES_DIR)) -> Source:
    """The registry entry ``sources/<name>.yaml`` (read once per process)."""
    path = Path(sources_dir) / f"{name}.yaml"
    if not path.exists():
        raise DataSourceError(f"source {name!r} is not in the registry (no {path})")
    return load_source_file(path)


def _expected(spec: dict) -> str:
    """What a column must hold, in words (for the error message)."""
    if not spec:
        return "see the schema"
    words = [spec["type"]]
    if "min" in spec or "max" in spec:
        words.append(f"in [{spec.get('min', '-inf')}, {spec.get('max', 'inf')}]")
    if "isin" in spec:
        shown = ", ".join(repr(v) for v in spec["isin"][:8])
        words.append(f"one of {shown}{', ...' if len(spec['isin']) > 8 else ''}")
    if "pattern" in spec:
        words.append(f"matching {spec['pattern']!r}")
    words.append("missing values allowed" if spec.get("nullable") else "no missing values")
    if spec.get("unique"):
        words.append("unique")
    return ", ".join(words)


def _column(name: str, spec: dict) -> pa.Column:
    """The checks of one column; its type is enforced by :func:`_coerce` beforehand, so that
    a bad value is reported once, by row, and the range checks still run on the rest."""
    checks = []
    if "min" in spec and "max" in spec:
        checks.append(pa.Check.in_range(spec["min"], spec["max"]))
    elif "min" in spec:
        checks.append(pa.Check.ge(spec["min"]))
    elif "max" in spec:
        checks.append(pa.Check.le(spec["max"]))
    if "isin" in spec:
        checks.append(pa.Check.isin(spec["isin"]))
    if "pattern" in spec:
        checks.append(pa.Check.str_matches(spec["pattern"]))
    return pa.Column(
        None,
        checks,
        nullable=spec.get("nullable", False),
        required=spec.get("required", True),
        regex=spec.get("regex", False),
        unique=spec.get("unique", False),
        name=name,
        description=_expected(spec),
    )


def _spec_of(column, spec: dict) -> dict:
    """The schema entry that applies to a frame column (by name, else by regex)."""
    name = str(column)
    if name in spec["columns"] and not spec["columns"][name].get("regex"):
        return spec["columns"][name]
    return next(
        (c for n, c in spec["columns"].items() if c.get("regex") and re.search(n, name)), {}
    )


def _coerce(frame: pd.DataFrame, spec: dict) -> tuple[pd.DataFrame, list[str]]:
    """The frame with each column converted to its declared type; values that cannot be
    converted become missing and are reported (column, expected type, rows and values)."""
    out = {}
    problems = []
    for column in frame.columns:
        values = frame[column]
        kind = _spec_of(column, spec).get("type", "str")
        if kind in ("int", "float"):
            converted = pd.to_numeric(values, errors="coerce").astype("float64")
            bad = converted.isna() & values.notna()
            if kind == "int":
                fraction = converted.notna() & (converted % 1 != 0)
                bad |= fraction
                converted = converted.where(~fraction)
        elif kind == "datetime":
            converted = pd.to_datetime(values, errors="coerce")
            bad = converted.isna() & values.notna()
        elif kind == "bool":
            converted = values
            bad = values.notna() & ~values.isin([True, False])
        else:
            converted = values.where(values.isna(), values.astype(str))
            bad = pd.Series(False, index=values.index)
        if bad.any():
            cases = pd.DataFrame({"index": values.index[bad], "failure_case": values[bad].array})
            problems.append(
                f"column {str(column)!r}: expected {_expected(_spec_of(column, spec))}; "
                f"not {_NOT[kind]} at {_rows(cases)}"
            )
        out[column] = converted
    return pd.DataFrame(out, index=frame.index), problems


def file_schema(source: Source, file_name: str) -> pa.DataFrameSchema | None:
    """The pandera schema of one registered file, or None if its entry declares none."""
    spec = source.file(file_name).schema
    if spec is None:
        return None
    return pa.DataFrameSchema(
        {name: _column(name, column) for name, column in spec["columns"].items()},
        unique=spec.get("unique"),
        name=f"{source.name}/{file_name}",
    )


def _needed_columns(frame: pd.DataFrame, spec: dict) -> list:
    """The frame's columns the schema names (regex names expanded), in frame order."""
    names = spec["columns"]
    plain = {n for n, c in names.items() if not c.get("regex")}
    patterns = [re.compile(n) for n, c in names.items() if c.get("regex")]
    return [c for c in frame.columns if str(c) in plain or any(p.search(str(c)) for p in patterns)]


def _rows(cases: pd.DataFrame) -> str:
    shown = []
    for index, value in cases[["index", "failure_case"]].head(_SHOWN_ROWS).itertuples(index=False):
        row = "?" if pd.isna(index) else f"{int(index) + 1}"
        shown.append(f"row {row} ({value!r})")
    more = len(cases) - _SHOWN_ROWS
    return ", ".join(shown) + (f" and {more} more row(s)" if more > 0 else "")


def _describe(errors: SchemaErrors, spec: dict, frame: pd.DataFrame, skip: dict) -> list[str]:
    """One line per (column, check) that failed: the column, what it must hold, the first
    offending rows with their values. ``skip``: column -> rows already reported as having
    the wrong type (their values are missing after conversion, not missing in the file)."""
    cases = errors.failure_cases
    lines = []
    unique = cases["check"].astype(str).str.startswith("multiple_fields_uniqueness")
    if unique.any():
        rows = cases.loc[unique, "index"].dropna().astype(int).drop_duplicates().sort_values()
        shown = ", ".join(str(i + 1) for i in rows.head(2 * _SHOWN_ROWS))
        more = len(rows) - 2 * _SHOWN_ROWS
        lines.append(
            f"key {spec.get('unique')} is not unique: duplicated at rows {shown}"
            + (f" and {more} more" if more > 0 else "")
        )
    for (column, check), group in cases[~unique].groupby(
        ["column", "check"], dropna=False, sort=False
    ):
        check = str(check)
        if check == "column_in_dataframe" or check.startswith("no_regex_column_match"):
            found = ", ".join(repr(c) for c in list(frame.columns)[:15])
            missing = group["failure_case"].iloc[0] if check == "column_in_dataframe" else column
            what = "column" if check == "column_in_dataframe" else "no column matches"
            lines.append(
                f"{what} {missing!r} is missing (renamed or absent); columns read: {found}"
            )
            continue
        if check == "field_uniqueness":
            rows = group["index"].dropna().astype(int).drop_duplicates().sort_values()
            values = ", ".join(repr(v) for v in group["failure_case"].drop_duplicates().head(3))
            shown = ", ".join(str(i + 1) for i in rows.head(2 * _SHOWN_ROWS))
            lines.append(
                f"column {str(column)!r} is not unique: duplicated at rows {shown} "
                f"(values {values})"
            )
            continue
        if check == "not_nullable":
            group = group[~group["index"].isin(skip.get(column, ()))]
            if group.empty:
                continue
        name = str(column)
        lines.append(
            f"column {name!r}: expected {_expected(_spec_of(name, spec))}; failed {check} "
            f"at {_rows(group)}"
        )
    return lines


def check_source_frame(
    frame: pd.DataFrame, source: str, file_name: str | None = None, path=None
) -> pd.DataFrame:
    """Validate a frame just parsed from a registered file against its registry schema and
    return it unchanged; raise :class:`DataSourceError` naming source, file, column, rows
    (1 = first data row after the header) and the expected type or check.

    ``file_name`` defaults to the name of ``path`` (the data layer keeps registry names).
    Only the columns the schema names are validated (a copy of those is coerced; the
    returned frame is the reader's own). A file whose entry has no schema passes."""
    if file_name is None:
        if path is None:
            raise ValueError("check_source_frame needs file_name or path")
        file_name = Path(path).name
    entry = registered_source(source)
    try:
        spec = entry.file(file_name).schema
    except ValueError as err:
        raise DataSourceError(
            f"source {source!r}: {path or file_name} is not a registered file ({err}); "
            "readers take files through the data layer (source_file in the rules)"
        ) from err
    if spec is None:
        return frame
    schema = file_schema(entry, file_name)
    needed = frame[_needed_columns(frame, spec)]
    converted, problems = _coerce(needed, spec)
    skip = {c: needed.index[needed[c].notna() & converted[c].isna()] for c in needed.columns}
    try:
        schema.validate(converted, lazy=True)
    except SchemaErrors as errors:
        problems += _describe(errors, spec, frame, skip)
    if problems:
        where = f" ({path})" if path is not None else ""
        problems = "\n  - ".join(problems)
        raise DataSourceError(
            f"source {source!r}, file {file_name!r}{where} does not match its schema "
            f"(sources/{source}.yaml, files: {file_name}: schema; row 1 = first data row after "
            f"the header):\n  - {problems}\n"
            f"Fix: use the registered file (sources/{source}.yaml records its sha256 and "
            "vintage); for a new vintage or your own copy, correct the file or, if the "
            "layout really changed, update the schema block and the reader together."
        )
    return frame


def read_registered(path, source: str, file_name: str | None = None, **overrides):
    """Read a registered file with its registry read options and check its schema."""
    file_name = file_name or Path(path).name
    frame = read_frame(registered_source(source), file_name, path, **overrides)
    return check_source_frame(frame, source, file_name, path)
