"""The Makefile's set-up recipe (`make .venv/.installed`): uv, pinned in requirements.lock,
installs the lock and the package (editable); where uv cannot be installed or fails, pip does,
with a message; a failed set-up leaves no stamp, so the next run rebuilds the venv whole.

A stand-in Python and a stand-in uv record every call, so the recipe's logic is tested without
a network or a real install (the real set-up is measured in bench/).
"""

import os
import re
import subprocess

import pytest
from dag_run import REPO

FAKE_PYTHON = """\
#!/bin/sh
# "-m venv DIR": make DIR/bin/python (this script); "-m pip install ... uv==V": put the
# stand-in uv beside it (or fail when NO_UV is set); everything else: record and succeed.
echo "python $*" >> "$SETUP_LOG"
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; exit 0
fi
case "$*" in
  "-m pip install"*"uv=="*) [ -n "$NO_UV" ] && exit 1; cp "$FAKE_UV" "$(dirname "$0")/uv";;
  "-m pip install"*"-r requirements.lock"*) exit "${PIP_EXIT:-0}";;
esac
exit 0
"""
FAKE_UV = """\
#!/bin/sh
echo "uv $*" >> "$SETUP_LOG"
exit "${UV_EXIT:-0}"
"""
FALLBACK = "installing with pip instead"


@pytest.fixture
def checkout(tmp_path):
    for name in ("Makefile", "requirements.lock", "pyproject.toml"):
        (tmp_path / name).write_bytes((REPO / name).read_bytes())
    for name, text in (("fake-python", FAKE_PYTHON), ("fake-uv", FAKE_UV)):
        (tmp_path / name).write_text(text)
        (tmp_path / name).chmod(0o755)
    return tmp_path


def set_up(checkout, *make_args, **env):
    environment = {
        **os.environ,
        "SETUP_LOG": str(checkout / "calls.log"),
        "FAKE_UV": str(checkout / "fake-uv"),
        **env,
    }
    done = subprocess.run(
        ["make", "--no-print-directory", ".venv/.installed", f"PYTHON={checkout / 'fake-python'}"]
        + list(make_args),
        cwd=checkout,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    log = (checkout / "calls.log").read_text().splitlines()
    return done, log


def uv_pin():
    (pin,) = re.findall(r"^uv==\S+$", (REPO / "requirements.lock").read_text(), re.M)
    return pin


def test_uv_pinned_in_the_lock_installs_the_lock_and_the_package(checkout):
    done, log = set_up(checkout)
    assert done.returncode == 0, done.stderr
    assert f"python -m pip install --quiet {uv_pin()}" in log
    uv_calls = [line for line in log if line.startswith("uv ")]
    assert len(uv_calls) == 2, log
    assert uv_calls[0].endswith("-r requirements.lock")
    assert uv_calls[1].endswith("--no-deps -e .")
    assert all("--python .venv/bin/python" in call for call in uv_calls)
    assert not any("pip install --quiet -r requirements.lock" in line for line in log)
    assert FALLBACK not in done.stderr
    assert (checkout / ".venv" / ".installed").exists()


@pytest.mark.parametrize("failure", [{"NO_UV": "1"}, {"UV_EXIT": "1"}], ids=["no-uv", "uv-fails"])
def test_without_a_working_uv_pip_installs_the_same_lock_and_says_so(checkout, failure):
    done, log = set_up(checkout, **failure)
    assert done.returncode == 0, done.stderr
    assert FALLBACK in done.stderr
    assert "python -m pip install --quiet -r requirements.lock" in log
    assert "python -m pip install --quiet --no-deps -e ." in log
    assert (checkout / ".venv" / ".installed").exists()


def test_installer_pip_skips_uv_without_a_message(checkout):
    done, log = set_up(checkout, "INSTALLER=pip")
    assert done.returncode == 0, done.stderr
    assert not any(line.startswith("uv ") or "uv==" in line for line in log)
    assert FALLBACK not in done.stderr
    assert "python -m pip install --quiet -r requirements.lock" in log


def test_a_failed_set_up_leaves_no_stamp_and_the_next_run_rebuilds(checkout):
    done, _ = set_up(checkout, NO_UV="1", PIP_EXIT="1")
    assert done.returncode != 0
    assert not (checkout / ".venv" / ".installed").exists()
    again, log = set_up(checkout)
    assert again.returncode == 0, again.stderr
    assert sum(line.startswith("python -m venv") for line in log) == 2  # built again, whole
    assert (checkout / ".venv" / ".installed").exists()


def test_a_finished_set_up_is_not_redone(checkout):
    set_up(checkout)
    done, log = set_up(checkout)
    assert done.returncode == 0
    assert sum(line.startswith("python -m venv") for line in log) == 1
