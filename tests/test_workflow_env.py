import os
import subprocess

import pytest
from dag_run import MIRROR, SNAKEMAKE, copy_repository

from gvcneg.workflow_env import put_package_on_pythonpath


def test_package_dir_is_prepended_once(tmp_path):
    env = {"PYTHONPATH": os.pathsep.join(["/a", str(tmp_path)])}
    put_package_on_pythonpath(tmp_path, env)
    put_package_on_pythonpath(tmp_path, env)
    assert env["PYTHONPATH"].split(os.pathsep) == [str(tmp_path), "/a"]
    fresh = {}
    assert put_package_on_pythonpath(tmp_path, fresh) == str(tmp_path)


@pytest.mark.slow
def test_a_second_checkout_sharing_the_venv_runs_its_own_package(tmp_path):
    """A second clone run with this venv (whose editable install points at this checkout)
    parses its Snakefile and runs its jobs with its own workflow/gvcneg, not this one's."""
    clone = copy_repository(tmp_path / "clone")
    init = clone / "workflow" / "gvcneg" / "__init__.py"
    init.write_text(
        init.read_text() + "\nimport sys as _s\n_s.stderr.write(f'gvcneg-root {__file__}\\n')\n"
    )
    workdir = tmp_path / "run"
    workdir.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["GVCNEG_DATA_MIRRORS"] = str(MIRROR)
    done = subprocess.run(
        [
            str(SNAKEMAKE),
            "--snakefile",
            str(clone / "Snakefile"),
            "--directory",
            str(workdir),
            "--cores",
            "1",
            "results/data/sources.csv",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        cwd=workdir,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    output = done.stdout + done.stderr
    roots = {
        line.split(" ", 1)[1] for line in output.splitlines() if line.startswith("gvcneg-root ")
    }
    assert roots == {str(init)}, roots
    # the Snakefile's parse and the job's script each imported it
    assert output.count("gvcneg-root ") >= 2, output[-3000:]
    assert (workdir / "results" / "data" / "sources.csv").exists()
