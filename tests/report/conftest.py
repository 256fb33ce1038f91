"""Fixtures of the browser tests (test_browser.py, test_browser_layout.py): one Chromium, the
small run's report, and a factory of headless windows (tests/report/browser.py)."""

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("browser", Path(__file__).with_name("browser.py"))
browser_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(browser_mod)


@pytest.fixture(scope="module")
def chromium():
    path, reason = browser_mod.ensure_chromium()
    if path is None:
        pytest.skip(reason)
    return path


@pytest.fixture(scope="module")
def report_dir(small_dag):
    return small_dag.workdir / "results" / "report"


@pytest.fixture(scope="module")
def new_browser(chromium):
    """``new_browser(width)``: a headless window ``width`` px wide (900 px tall); the caller
    closes it."""

    def make(width: int):
        return browser_mod.Browser(chromium, width=width, height=900)

    return make
