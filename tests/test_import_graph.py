"""The import graph that decides which package edits re-run which rules (gvcneg.import_graph).

Checked two ways: on a small package whose answer is known, and against Python itself: for
every module of gvcneg, the gvcneg modules that importing it actually loads must all be in
the static answer (a missed import would let an edit leave results stale).
"""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gvcneg.import_graph import DependencyCache, code_files, importers, python_source

WORKFLOW = Path(__file__).resolve().parents[1] / "workflow"
PACKAGE = WORKFLOW / "gvcneg"


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))


def test_transitive_relative_lazy_imports_and_data_files(tmp_path):
    _write(
        tmp_path,
        {
            "gvcneg/__init__.py": "",
            "gvcneg/a/__init__.py": "",
            "gvcneg/a/top.py": "from . import helper\nfrom .sub import leaf\n",
            "gvcneg/a/helper.py": "def f():\n    from gvcneg.b import lazy\n",
            "gvcneg/a/sub/__init__.py": "",
            "gvcneg/a/sub/leaf.py": "from ..helper import f\nNAMES = 'table.yaml'\n",
            "gvcneg/a/sub/table.yaml": "x: 1\n",
            "gvcneg/a/sub/unused.yaml": "x: 2\n",
            "gvcneg/b/__init__.py": "",
            "gvcneg/b/lazy.py": "import os\n",
            "gvcneg/b/untouched.py": "",
            "scripts/job.py": "import numpy\nfrom gvcneg.a.top import helper\n",
        },
    )
    found = {
        str(p.relative_to(tmp_path)) for p in code_files(tmp_path / "scripts/job.py", tmp_path)
    }
    assert found == {
        "gvcneg/__init__.py",
        "gvcneg/a/__init__.py",
        "gvcneg/a/top.py",
        "gvcneg/a/helper.py",
        "gvcneg/a/sub/__init__.py",
        "gvcneg/a/sub/leaf.py",
        "gvcneg/a/sub/table.yaml",
        "gvcneg/b/__init__.py",
        "gvcneg/b/lazy.py",
    }
    job = tmp_path / "scripts/job.py"
    assert importers(tmp_path / "gvcneg/b/lazy.py", [job], tmp_path) == [job.resolve()]
    assert importers(tmp_path / "gvcneg/b/untouched.py", [job], tmp_path) == []


def test_quarto_chunks_are_read_as_python(tmp_path):
    qmd = tmp_path / "chapter.qmd"
    qmd.write_text(
        "# Title\n\nimport not.this\n\n```{python}\n#| echo: false\nimport gvcneg.x\n```\n"
    )
    assert python_source(qmd).strip() == "import gvcneg.x"


_PROBE = """
import importlib, json, sys
out = {}
for name in json.loads(sys.argv[1]):
    for loaded in [m for m in sys.modules if m == "gvcneg" or m.startswith("gvcneg.")]:
        del sys.modules[loaded]
    importlib.import_module(name)
    out[name] = sorted(
        getattr(m, "__file__", None) for k, m in sys.modules.items()
        if (k == "gvcneg" or k.startswith("gvcneg.")) and getattr(m, "__file__", None)
    )
print(json.dumps(out))
"""


def _dotted(path: Path) -> str:
    parts = list(path.relative_to(WORKFLOW).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.mark.slow  # imports every module of the package in a fresh interpreter
def test_static_graph_contains_every_module_python_really_loads(tmp_path):
    modules = sorted(PACKAGE.rglob("*.py"))
    names = [_dotted(m) for m in modules if "devtools" not in m.parts]
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(names)],
        capture_output=True,
        text=True,
        check=True,
        cwd=WORKFLOW,
        env={"PYTHONPATH": str(WORKFLOW), "MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"},
    )
    loaded = json.loads(probe.stdout)
    missed = {}
    for name, files in loaded.items():
        script = tmp_path / f"{name}.py"
        script.write_text(f"import {name}\n")
        static = {str(p) for p in code_files(script, WORKFLOW)}
        really = {str(Path(f).resolve()) for f in files}
        if really - static:
            missed[name] = sorted(really - static)
    assert not missed, f"imports the static graph misses: {missed}"


def _cached_graph(root: Path, store: Path) -> set[str]:
    cache = DependencyCache(store, root)
    found = code_files(root / "scripts/job.py", root, (), cache)
    cache.save()
    return {str(p.relative_to(root)) for p in found}


def test_disk_cache_gives_the_uncached_answer_and_sees_every_kind_of_edit(tmp_path):
    """The Snakefile keeps each file's direct imports on disk between starts; an entry must
    never outlive the file version or the package layout it was computed from."""
    root, store = tmp_path / "repo", tmp_path / "graph.json"
    _write(
        root,
        {
            "gvcneg/__init__.py": "",
            "gvcneg/a.py": "from gvcneg import b\n",
            "gvcneg/b.py": "",
            "gvcneg/c.py": "",
            "scripts/job.py": "from gvcneg import a\n",
        },
    )
    expected = {"gvcneg/__init__.py", "gvcneg/a.py", "gvcneg/b.py"}
    assert _cached_graph(root, store) == expected
    assert store.exists()
    assert _cached_graph(root, store) == expected  # read back from disk

    # Same size, new import: content changes with the version key (ctime, mtime).
    (root / "gvcneg/b.py").write_text("")
    (root / "gvcneg/a.py").write_text("from gvcneg import c\n")
    assert _cached_graph(root, store) == {"gvcneg/__init__.py", "gvcneg/a.py", "gvcneg/c.py"}

    # A new file changes what an unchanged import means (``from gvcneg.d import x``).
    (root / "gvcneg/a.py").write_text("from gvcneg.d import x\n")
    assert "gvcneg/d/x.py" not in _cached_graph(root, store)
    _write(root, {"gvcneg/d/__init__.py": "", "gvcneg/d/x.py": ""})
    assert {"gvcneg/d/__init__.py", "gvcneg/d/x.py"} <= _cached_graph(root, store)

    # A corrupt store is ignored, not trusted.
    store.write_text("{not json")
    assert _cached_graph(root, store) == {
        str(p.relative_to(root)) for p in code_files(root / "scripts/job.py", root)
    }


def test_disk_cache_entries_of_the_real_package_match_a_fresh_parse(tmp_path):
    store = tmp_path / "graph.json"
    scripts = sorted((WORKFLOW / "scripts").rglob("*.py"))
    cache = DependencyCache(store, WORKFLOW)
    for script in scripts:
        code_files(script, WORKFLOW, (), cache)
    cache.save()
    reread = DependencyCache(store, WORKFLOW)
    for script in scripts:
        assert code_files(script, WORKFLOW, (), reread) == code_files(script, WORKFLOW)
    assert not reread.changed  # every answer came from the store
