import os

from gvcneg.workflow_env import put_package_on_pythonpath


def test_package_dir_is_prepended_once(tmp_path):
    env = {"PYTHONPATH": os.pathsep.join(["/a", str(tmp_path)])}
    put_package_on_pythonpath(tmp_path, env)
    put_package_on_pythonpath(tmp_path, env)
    assert env["PYTHONPATH"].split(os.pathsep) == [str(tmp_path), "/a"]
    fresh = {}
    assert put_package_on_pythonpath(tmp_path, fresh) == str(tmp_path)
