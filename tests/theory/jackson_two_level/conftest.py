"""Shared fixtures: the baseline game and a small grid of games for the claim checks."""

import pytest

from gvcneg.theory.jackson_two_level.model import Negotiator, TwoLevelGame


@pytest.fixture
def baseline_game():
    return TwoLevelGame(Negotiator(0.3, 0.9), Negotiator(0.8, 0.9), 0.5)


@pytest.fixture
def small_grid_config():
    return {
        "home_ideal_depth": {"min": 0.1, "max": 0.4, "points": 2},
        "foreign_ideal_depth": {"min": 0.6, "max": 0.9, "points": 2},
        "depth_weight": [0.5, 1.0],
        "home_bargaining_power": [0.3, 0.7],
        "foreign_threshold": {"min": 0.1, "max": 0.7, "points": 3},
        "home_threshold": {"min": 0.0, "max": 1.0, "points": 41},
        "belief_spread": [0.05],
        "depth": {"min": 0.0, "max": 1.0, "points": 101},
        "threshold_step": 5,
    }
