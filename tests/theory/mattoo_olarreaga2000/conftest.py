"""Shared fixtures: the baseline of config.yaml, solved once per test session."""

from pathlib import Path

import pandas as pd
import pytest
import yaml

from gvcneg.theory.mattoo_olarreaga2000.baseline import baseline_points
from gvcneg.theory.mattoo_olarreaga2000.scenarios import solve_scenarios

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def section() -> dict:
    return yaml.safe_load((REPO / "config.yaml").read_text())["mattoo_olarreaga2000"]


@pytest.fixture(scope="session")
def solved_baseline(section) -> pd.DataFrame:
    return solve_scenarios(baseline_points(section))


@pytest.fixture(scope="session")
def targets() -> dict:
    return yaml.safe_load((REPO / "targets" / "mattoo_olarreaga2000.yaml").read_text())
