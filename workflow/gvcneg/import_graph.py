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
import re
from functools import cache
from pathlib import Path

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


def _direct_dependencies(package_root: Path, path: Path) -> tuple[Path, ...]:
    stat = path.stat()
    return _direct_dependencies_of_version(package_root, path, stat.st_mtime_ns, stat.st_size)


@cache
def _direct_dependencies_of_version(
    package_root: Path, path: Path, mtime_ns: int, size: int
) -> tuple[Path, ...]:
    """Cached per file version: the Snakefile asks once per rule, and many share modules."""
    source = python_source(path)
    inside = path.is_relative_to(package_root / PACKAGE)
    current = _dotted_name(package_root, path) if inside else ""
    deps: list[Path] = []
    for dotted in sorted(imported_names(source, current, path.name == "__init__.py")):
        deps.extend(_with_parent_packages(package_root, dotted))
    if inside:
        deps.extend(_data_files(path, source))
    return tuple(dict.fromkeys(deps))


def code_files(script: Path, package_root: Path, also=()) -> list[Path]:
    """Every package file the script runs, transitively, sorted; the script itself excluded.

    ``also``: further files whose code runs in the job (e.g. the report's ``.qmd`` chunks).
    """
    script, package_root = Path(script).resolve(), Path(package_root).resolve()
    starts = [script, *(Path(a).resolve() for a in also)]
    seen: set[Path] = set()
    stack = list(starts)
    while stack:
        path = stack.pop()
        if path.suffix not in (".py", ".qmd"):
            continue
        for dep in _direct_dependencies(package_root, path):
            if dep not in seen:
                seen.add(dep)
                stack.append(dep)
    seen.difference_update(starts)
    return sorted(seen)


def importers(module: Path, scripts: list[Path], package_root: Path) -> list[Path]:
    """The scripts whose runs include ``module``: what an edit to it must re-run."""
    module = Path(module).resolve()
    return [s for s in scripts if module in code_files(s, package_root)]
