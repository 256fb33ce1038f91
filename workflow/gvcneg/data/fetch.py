"""Fetch one registered file into the local cache, verified against the registry's sha256.

Order of places looked at (the first that has the file wins):

1. a copy the user supplied for this source (``paths.user_data.<source>`` in paths.yaml: a
   directory holding the source's files under their registry names, or the file itself for
   a one-file source) -- the way to use the document's own source when you have it;
2. the local cache ``<cache_dir>/<source>/<file>`` (a stale cache copy is discarded);
3. each mirror directory in order, as ``<mirror>/<source>/<file>`` (CI: ``../shared/data``);
4. the file's download URL in the registry.

Every copy is checked against the registry's sha256 and for the structure of its format
before it is used. Files are written to a temporary name in the cache directory and renamed
only once complete and verified, so no partial or unverified file is ever left under the
final name. Every failure raises :class:`DataSourceError` naming the source, the file, the
checksums or paths involved and what to do.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

from gvcneg.data.registry import Source, SourceFile
from gvcneg.io import atomic_path

MIRRORS_ENV = "GVCNEG_DATA_MIRRORS"
_CHUNK = 1 << 20
_log = logging.getLogger("gvcneg.data.fetch")


class DataSourceError(RuntimeError):
    """An input file is missing, corrupt, malformed or unreadable. The message names the
    source, the file, what was found and how to fix it."""


def data_mirrors(configured: Iterable[str], environ: Mapping[str, str] | None = None) -> list[Path]:
    """Mirror directories: ``$GVCNEG_DATA_MIRRORS`` (os.pathsep-separated) if set, else the
    configured list (``paths.data_mirrors``). Relative paths are relative to the working
    directory (the directory Snakemake runs in)."""
    environ = os.environ if environ is None else environ
    value = environ.get(MIRRORS_ENV, "")
    entries = [p for p in value.split(os.pathsep) if p] if value else list(configured)
    return [Path(p) for p in entries]


def sha256_of(path) -> str:
    """Hex sha256 of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _label(source: Source, spec: SourceFile) -> str:
    return f"source {source.name!r}, file {spec.name!r}"


def _where_from(source: Source, spec: SourceFile) -> str:
    if spec.url:
        return f"{spec.url} (upstream: {source.upstream_url})"
    return source.upstream_url


# --- structure checks by format -------------------------------------------------------------


def _check_text(path: Path, encoding: str) -> str:
    with open(path, "rb") as handle:
        head = handle.read(1 << 16)
    if b"\x00" in head:
        raise ValueError("binary content (NUL bytes) in a text file")
    try:
        return head.decode(encoding)
    except UnicodeDecodeError as err:
        # A multi-byte character cut at the 64 KiB boundary is not an error.
        if err.start < len(head) - 4:
            raise ValueError(
                f"not valid {encoding} text ({err.reason} at byte {err.start})"
            ) from err
        return head[: err.start].decode(encoding)


def check_format(path, spec: SourceFile) -> None:
    """Raise ValueError if ``path`` does not have the structure of ``spec.format``.

    A cheap structural check (magic bytes, archive directory, text decoding), not a full
    parse: it catches truncated downloads, HTML error pages and files of the wrong kind.
    """
    path = Path(path)
    size = path.stat().st_size
    if size == 0:
        raise ValueError("the file is empty")
    fmt = spec.format
    with open(path, "rb") as handle:
        head = handle.read(16)
        handle.seek(max(size - 4, 0))
        tail = handle.read(4)
    if fmt == "table":
        import zipfile

        fmt = "xlsx" if zipfile.is_zipfile(path) else "csv"
    if fmt == "xlsx":
        import zipfile

        if not zipfile.is_zipfile(path):
            raise ValueError("not an .xlsx workbook (not a zip archive)")
        with zipfile.ZipFile(path) as archive:
            if "[Content_Types].xml" not in archive.namelist():
                raise ValueError("zip archive without [Content_Types].xml: not an Office workbook")
    elif fmt == "parquet":
        if head[:4] != b"PAR1" or tail != b"PAR1":
            raise ValueError("no PAR1 magic at both ends: not a (complete) Parquet file")
    elif fmt == "dta":
        if not (head.startswith(b"<stata_dta>") or head[:1] in (b"\x71", b"\x72", b"\x73")):
            raise ValueError("no Stata .dta header")
    elif fmt == "rda":
        magics = (b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"RDX", b"RDA")
        if not head.startswith(magics):
            raise ValueError("not an R data file (no gzip/bzip2/xz/RDX header)")
    elif fmt in ("shp", "shx"):
        if int.from_bytes(head[:4], "big") != 9994:
            raise ValueError("no shapefile header (file code 9994)")
    elif fmt == "json":
        encoding = spec.read.get("encoding", "utf-8")
        try:
            with open(path, encoding=encoding) as handle:
                json.load(handle)
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise ValueError(f"not valid JSON: {err}") from err
    elif fmt == "csv":
        text = _check_text(path, spec.read.get("encoding", "utf-8-sig"))
        sep = spec.read.get("sep", ",")
        lines = [line for line in text.splitlines()[spec.read.get("skiprows", 0) :] if line]
        if not lines or sep not in lines[0]:
            raise ValueError(f"no {sep!r}-separated header line: not a CSV table")
        if lines[0].lstrip().lower().startswith(("<!doctype", "<html")):
            raise ValueError("an HTML page, not a CSV table")
    elif fmt in ("prj", "cpg"):
        _check_text(path, "utf-8")


# --- verification and atomic placement --------------------------------------------------------


def verify(source: Source, spec: SourceFile, path, where: str, shown=None) -> str:
    """Check one copy of a registered file: readable, right checksum, right structure.

    Returns the sha256 found. ``where`` says which copy this is and ``shown`` where it came
    from (default: ``path``), for the message.
    """
    path = Path(path)
    shown = path if shown is None else shown
    try:
        found = sha256_of(path)
    except OSError as err:
        raise _unreadable(source, spec, shown, where, err) from err
    if spec.sha256 is not None and found != spec.sha256:
        raise DataSourceError(
            f"{_label(source, spec)}: checksum mismatch for the {where} copy at {shown}: "
            f"expected sha256 {spec.sha256} (sources/{source.name}.yaml, vintage "
            f"{source.vintage}), found {found}. The copy is corrupt, truncated or a different "
            f"vintage. Fix: replace it with the registered file from {_where_from(source, spec)}; "
            f"if you deliberately use another vintage, record its sha256 and vintage in "
            f"sources/{source.name}.yaml (the ledger then reports the vintage difference)."
        )
    try:
        check_format(path, spec)
    except ValueError as err:
        raise DataSourceError(
            f"{_label(source, spec)}: the {where} copy at {shown} is malformed as "
            f"{spec.format}: {err}. Fix: replace it with the file from "
            f"{_where_from(source, spec)}."
        ) from err
    return found


def _place(source: Source, spec: SourceFile, chunks, target: Path, where: str, shown) -> str:
    """Write ``chunks`` to a temporary file next to ``target``, verify it, then rename.

    On any failure the temporary file is removed and ``target`` is left untouched.
    """
    with atomic_path(target, mode=0o644) as temp:
        with open(temp, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
        return verify(source, spec, temp, where, shown)


def _unreadable(source: Source, spec: SourceFile, path: Path, where: str, err: OSError):
    return DataSourceError(
        f"{_label(source, spec)}: cannot read the {where} copy at {path} "
        f"({err.__class__.__name__}: {err.strerror or err}). "
        "Fix: make it a regular, readable file (check permissions, that it is not a "
        "directory or a broken link), or delete it so the file is fetched again from "
        f"the mirrors or {_where_from(source, spec)}."
    )


def _local_chunks(source: Source, spec: SourceFile, path: Path, where: str):
    """Chunks of a local copy; fails at once (before any writing) if it cannot be read."""
    try:
        handle = open(path, "rb")
    except OSError as err:
        raise _unreadable(source, spec, path, where, err) from err
    return _read_chunks(handle)


def _read_chunks(handle):
    with handle:
        yield from iter(lambda: handle.read(_CHUNK), b"")


def _download_chunks(url: str, timeout: float):
    import http.client
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "gvcneg-data-fetch"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        expected = response.headers.get("Content-Length")
        received = 0
        for chunk in iter(lambda: response.read(_CHUNK), b""):
            received += len(chunk)
            yield chunk
        if expected is not None and received != int(expected):
            # http.client returns a short read at EOF without raising: check ourselves.
            raise http.client.IncompleteRead(b"", int(expected) - received)


def _user_candidate(source: Source, spec: SourceFile, user_path) -> Path:
    user_path = Path(user_path)
    if user_path.is_dir():
        return user_path / spec.name
    if len(source.files) == 1:
        return user_path
    raise DataSourceError(
        f"{_label(source, spec)}: paths.user_data.{source.name} = {user_path} must be a "
        f"directory holding the source's files ({', '.join(f.name for f in source.files)}) "
        "because the source has more than one file."
    )


def fetch(
    source: Source,
    file_name: str,
    cache_dir,
    mirrors: Iterable = (),
    user_path=None,
    *,
    download: bool = True,
    timeout: float = 60.0,
) -> Path:
    """Return the verified cache path ``<cache_dir>/<source>/<file_name>``.

    Looks in the user's copy (if given), the cache, the mirrors and finally downloads from
    the registry's URL. Raises :class:`DataSourceError` if the file cannot be had or a copy
    fails verification (a failed copy is never placed in the cache). Each place is tried by
    its own step, which returns True once the target holds a verified copy and otherwise
    adds one line to ``tried`` (the error lists every place, so a user sees where to put it).
    """
    spec = source.file(file_name)
    target = Path(cache_dir) / source.name / spec.name
    tried: list[str] = []
    steps = (
        lambda: _from_user_copy(source, spec, user_path, target, tried),
        lambda: _from_cache(source, spec, target, tried),
        lambda: _from_mirrors(source, spec, mirrors, target, tried),
        lambda: _from_download(source, spec, target, tried, download=download, timeout=timeout),
    )
    for step in steps:
        if step():
            return target
    raise _not_found(source, spec, tried)


def _from_user_copy(source: Source, spec, user_path, target: Path, tried: list[str]) -> bool:
    if user_path is None:
        return False
    candidate = _user_candidate(source, spec, user_path)
    if not (candidate.exists() or candidate.is_symlink()):
        tried.append(
            f"user-supplied copy {candidate} (paths.user_data.{source.name}): no such file"
        )
        return False
    found = _place(
        source,
        spec,
        _local_chunks(source, spec, candidate, "user-supplied"),
        target,
        "user-supplied",
        candidate,
    )
    if spec.sha256 is None:
        _log.warning(
            "%s: no registered sha256 (source not available offline); the user copy "
            "%s has sha256 %s -- record it in sources/%s.yaml to pin this vintage",
            _label(source, spec),
            candidate,
            found,
            source.name,
        )
    _log.info("%s: copied the user-supplied file %s", _label(source, spec), candidate)
    return True


def _from_cache(source: Source, spec, target: Path, tried: list[str]) -> bool:
    if not (target.exists() or target.is_symlink()):
        tried.append(f"cache {target}: no such file")
        return False
    if spec.sha256 is None:
        tried.append(f"cache {target}: ignored (no registered sha256 to verify it)")
        return False
    try:
        verify(source, spec, target, "cached")
    except DataSourceError as err:
        _log.warning("discarding the stale cache copy: %s", err)
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        else:
            target.unlink()
        tried.append(f"cache {target}: stale copy discarded")
        return False
    _log.info("%s: cache hit %s", _label(source, spec), target)
    return True


def _from_mirrors(source: Source, spec, mirrors: Iterable, target: Path, tried: list[str]) -> bool:
    for mirror in mirrors:
        candidate = Path(mirror) / source.name / spec.name
        if candidate.exists() or candidate.is_symlink():
            chunks = _local_chunks(source, spec, candidate, "mirror")
            _place(source, spec, chunks, target, "mirror", candidate)
            _log.info("%s: copied from mirror %s", _label(source, spec), candidate)
            return True
        tried.append(f"mirror {candidate}: no such file")
    return False


def _from_download(
    source: Source, spec, target: Path, tried: list[str], *, download: bool, timeout: float
) -> bool:
    if not spec.url:
        tried.append("download: the registry has no download URL for this file")
        return False
    if not download:
        tried.append(f"download {spec.url}: downloads disabled")
        return False
    # Network modules only where a download is tried (a fetch job imports little else).
    import http.client
    import urllib.error

    try:
        _place(source, spec, _download_chunks(spec.url, timeout), target, "downloaded", spec.url)
    except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
        if isinstance(err, urllib.error.HTTPError):
            reason = f"HTTP {err.code} {err.reason}"
        else:
            reason = getattr(err, "reason", None) or err
        tried.append(f"download {spec.url}: failed ({reason})")
        return False
    _log.info("%s: downloaded %s", _label(source, spec), spec.url)
    return True


def _not_found(source: Source, spec, tried: list[str]) -> DataSourceError:
    if source.available:
        fix = (
            f"put the file in a mirror directory as <mirror>/{source.name}/{spec.name} and "
            f"list the mirror in paths.data_mirrors (or ${MIRRORS_ENV}), or run where "
            f"{_where_from(source, spec)} is reachable"
        )
    else:
        fix = (
            f"this source is not available offline. Obtain {spec.name} from "
            f"{source.upstream_url} and set paths.user_data.{source.name} in paths.yaml to "
            "the file (or to a directory holding it)"
        )
    return DataSourceError(
        f"{_label(source, spec)} not found. Tried:\n  - " + "\n  - ".join(tried) + f"\nFix: {fix}."
    )
