"""Which package files a rule's script runs: the transitive ``gvcneg`` imports of the script.

Snakemake tracks a rule's ``script:`` file but not the modules it imports, so a rule must list
them as inputs for an edit to re-run it. Hand lists go stale (a new import is not added), so
the list is derived from the import graph, read statically with ``ast`` (nothing is imported,
so it is cheap at DAG-build time and safe for scripts that expect a ``snakemake`` object).

Counted as run by a module: every ``gvcneg`` module it imports (``import a.b``, ``from a
import b`` where ``b`` is a submodule, relative imports), the ``__init__.py`` of every package
on the way (Python executes them), including imports inside functions (lazy imports still
run), and package data files in the module's folder whose file name appears as a string in
its source (e.g. ``binding_examples.yaml``), since editing those changes the results as well.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
from functools import cache
from pathlib import Path

from gvcneg.io import write_text

PACKAGE = "gvcneg"
DATA_SUFFIXES = (".yaml", ".yml", ".json", ".csv", ".txt", ".toml")


def module_file(package_root: Path, dotted: str) -> Path | None:
    """The file of a dotted ``gvcneg`` module (``package_root`` holds the ``gvcneg`` folder)."""
    base = package_root.joinpath(*dotted.split("."))
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    return None


def _dotted_name(package_root: Path, path: Path) -> str:
    rel = path.relative_to(package_root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _resolve_relative(current: str, is_package: bool, level: int, module: str | None) -> str:
    parts = current.split(".")
    if not is_package:
        parts = parts[:-1]
    if level > 1:
        parts = parts[: len(parts) - (level - 1)]
    return ".".join(parts + ([module] if module else []))


def imported_names(source: str, current: str = "", is_package: bool = False) -> set[str]:
    """Dotted names a source text may import: ``a.b`` and, for ``from a.b import c``, ``a.b.c``
    (which is a module only when a file exists; the caller checks)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = (
                _resolve_relative(current, is_package, node.level, node.module)
                if node.level
                else (node.module or "")
            )
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return {n for n in names if n == PACKAGE or n.startswith(PACKAGE + ".")}


def _with_parent_packages(package_root: Path, dotted: str) -> list[Path]:
    parts = dotted.split(".")
    files = []
    for i in range(1, len(parts) + 1):
        found = module_file(package_root, ".".join(parts[:i]))
        if found is not None:
            files.append(found)
    return files


def _data_files(path: Path, source: str) -> list[Path]:
    return [
        f
        for f in sorted(path.parent.iterdir())
        if f.suffix in DATA_SUFFIXES and f.is_file() and f.name in source
    ]


def python_source(path: Path) -> str:
    """The Python a file runs: the file itself, or the ``{python}`` chunks of a Quarto file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".qmd":
        return text
    chunks = re.findall(r"^```\{python[^}]*\}\n(.*?)^```", text, flags=re.M | re.S)
    return "\n".join(
        "\n".join(line for line in chunk.splitlines() if not line.startswith("#|"))
        for chunk in chunks
    )


def _version(path: Path) -> list[int]:
    """What changes whenever the file's content may have: an in-place edit always moves
    ctime, a replaced file has another inode."""
    stat = path.stat()
    return [stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino]


def _tree_fingerprint(package_root: Path) -> str:
    """Which files exist under the package: a module's dependencies depend on that too (``from
    gvcneg.a import b`` is a module only if ``b.py`` exists; data files are found by listing)."""
    names = []
    for folder, dirs, files in os.walk(package_root / PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        names.extend(os.path.join(folder, f) for f in sorted(files) if not f.endswith(".pyc"))
    return hashlib.sha256("\n".join(names).encode()).hexdigest()


class DependencyCache:
    """Each file's direct dependencies, kept on disk between Snakemake starts.

    Parsing the ~200 package files took most of the Snakefile's own start-up (every run, and
    every cluster job, parses the Snakefile). An entry is reused only for the same file version
    (:func:`_version`) and the same set of package files; anything else is parsed again, so a
    stale entry cannot survive an edit. Written atomically (several cluster jobs may write)."""

    def __init__(self, path: Path, package_root: Path):
        self.path = Path(path)
        self.package_root = Path(package_root).resolve()
        self.tree = _tree_fingerprint(self.package_root)
        self.entries: dict[str, dict] = {}
        self.changed = False
        try:
            stored = json.loads(self.path.read_text())
        except (OSError, ValueError):
            stored = {}
        if isinstance(stored, dict) and stored.get("tree") == self.tree:
            self.entries = stored.get("files", {})

    def dependencies(self, path: Path) -> tuple[Path, ...]:
        version = _version(path)
        entry = self.entries.get(str(path))
        if entry is not None and entry.get("version") == version:
            return tuple(Path(d) for d in entry["deps"])
        deps = _direct_dependencies_of_version(self.package_root, path, *version, self.tree)
        self.entries[str(path)] = {"version": version, "deps": [str(d) for d in deps]}
        self.changed = True
        return deps

    def save(self) -> None:
        if not self.changed:
            return
        write_text(
            self.path, json.dumps({"tree": self.tree, "files": self.entries}, sort_keys=True)
        )
        self.changed = False


def _direct_dependencies(package_root: Path, path: Path, tree: str) -> tuple[Path, ...]:
    return _direct_dependencies_of_version(package_root, path, *_version(path), tree)


@cache
def _direct_dependencies_of_version(
    package_root: Path, path: Path, mtime_ns: int, ctime_ns: int, size: int, inode: int, tree: str
) -> tuple[Path, ...]:
    """Cached per file version and package layout (``tree``): many scripts share modules."""
    source = python_source(path)
    inside = path.is_relative_to(package_root / PACKAGE)
    current = _dotted_name(package_root, path) if inside else ""
    deps: list[Path] = []
    for dotted in sorted(imported_names(source, current, path.name == "__init__.py")):
        deps.extend(_with_parent_packages(package_root, dotted))
    if inside:
        deps.extend(_data_files(path, source))
    return tuple(dict.fromkeys(deps))


def code_files(
    script: Path, package_root: Path, also=(), cache: DependencyCache | None = None
) -> list[Path]:
    """Every package file the script runs, transitively, sorted; the script itself excluded.

    ``also``: further files whose code runs in the job (e.g. the report's ``.qmd`` chunks).
    ``cache``: a :class:`DependencyCache` to read and fill (the caller saves it).
    """
    script, package_root = Path(script).resolve(), Path(package_root).resolve()
    starts = [script, *(Path(a).resolve() for a in also)]
    tree = None if cache else _tree_fingerprint(package_root)
    seen: set[Path] = set()
    stack = list(starts)
    while stack:
        path = stack.pop()
        if path.suffix not in (".py", ".qmd"):
            continue
        if cache is not None:
            direct = cache.dependencies(path)
        else:
            direct = _direct_dependencies(package_root, path, tree)
        for dep in direct:
            if dep not in seen:
                seen.add(dep)
                stack.append(dep)
    seen.difference_update(starts)
    return sorted(seen)


def importers(module: Path, scripts: list[Path], package_root: Path) -> list[Path]:
    """The scripts whose runs include ``module``: what an edit to it must re-run."""
    module = Path(module).resolve()
    return [s for s in scripts if module in code_files(s, package_root)]
