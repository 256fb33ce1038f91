"""The conda environment files are in step with the pip lock."""

from pathlib import Path

from gvcneg.devtools.conda_envs import GROUPS, read_lock, render_env

REPO = Path(__file__).resolve().parents[2]


def test_envs_match_the_lock():
    pins = read_lock(REPO / "requirements.lock")
    for group in GROUPS:
        path = REPO / "envs" / f"{group}.yaml"
        assert path.read_text() == render_env(group, pins), f"run `make envs` ({path.name})"


def test_every_direct_requirement_is_locked():
    pins = read_lock(REPO / "requirements.lock")
    direct = [
        line.split("#")[0].strip()
        for line in (REPO / "requirements.txt").read_text().splitlines()
        if line.split("#")[0].strip()
    ]
    missing = [name for name in direct if name.lower().replace("_", "-") not in pins]
    assert not missing, f"not in requirements.lock (run `make lock`): {missing}"
