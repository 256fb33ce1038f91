"""The build stamp says which commit (and whether the tree was dirty), which configuration and
which software built the results."""

import subprocess

from gvcneg.report.stamp import build_stamp, config_hash, profile_in_use, stamp_text


def _git(repo, *args):
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def test_stamp_names_the_commit_and_notices_uncommitted_changes(tmp_path):
    _git(tmp_path, "init", "-q")
    (tmp_path / "a.txt").write_text("1")
    _git(tmp_path, "add", "a.txt")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "c")
    clean = build_stamp(tmp_path, {"a": 1}, "profiles/default")
    assert len(clean["commit"]) == 40 and clean["dirty"] is False
    (tmp_path / "a.txt").write_text("2")
    dirty = build_stamp(tmp_path, {"a": 1}, "profiles/default")
    assert dirty["dirty"] is True and dirty["commit"] == clean["commit"]
    assert "uncommitted changes" in stamp_text(dirty)
    assert "snakemake" in dirty["packages"] and dirty["python"]


def test_config_hash_ignores_key_order_but_not_values():
    assert config_hash({"a": 1, "b": {"c": 2}}) == config_hash({"b": {"c": 2}, "a": 1})
    assert config_hash({"a": 1}) != config_hash({"a": 2})


def test_outside_git_the_commit_is_unknown(tmp_path):
    assert build_stamp(tmp_path / "none", {}, "")["commit"].startswith("unknown")


def test_profile_from_the_command_line():
    assert profile_in_use(["snakemake", "--profile", "profiles/slurm"]) == "profiles/slurm"
    assert profile_in_use(["snakemake", "--profile=profiles/slurm"]) == "profiles/slurm"
