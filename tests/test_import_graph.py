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

from gvcneg.import_graph import code_files, importers, python_source

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
