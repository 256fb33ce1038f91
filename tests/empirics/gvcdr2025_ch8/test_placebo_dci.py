"""Figure 8.8's DCI comparison under random signings on the real WDI components (placebo).

Random "signing" pairs on the document's timing (most after 2019) have no real difference in
digital capability. With the k/3 penalty the index shrinks after 2015 (secure servers end), so
late signers look more symmetric: the pooled placebo gap difference is clearly negative. The
coverage-neutral index removes most of it, and the year-matched comparison all of it.
"""

import numpy as np
import pytest
import yaml

from gvcneg.empirics.gvcdr2025_ch8.panel_inputs import load_panel_inputs
from gvcneg.empirics.gvcdr2025_ch8.placebo import dci_placebo

from .conftest import REPO
from .test_panel_real import panel_files

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def placebo(mirror):
    cfg = yaml.safe_load((REPO / "config.yaml").read_text())["gvcdr2025_ch8"]
    inputs = load_panel_inputs(panel_files(mirror, cfg), cfg)
    timing = {int(k): int(v) for k, v in cfg["placebo"]["digital_new_pairs"].items()}
    _, summary = dci_placebo(
        inputs.dci_components,
        inputs.economies,
        timing,
        tuple(cfg["years"]["digital"]),
        seeds=list(range(12)),
    )
    return summary.set_index(["variant", "statistic"])


def test_k3_penalty_makes_random_signers_look_symmetric(placebo):
    legacy = placebo.loc["k/3 penalty, not re-standardised (document's likely version)"]
    assert legacy.loc["gap_difference", "mean"] < -0.08
    assert legacy.loc["gap_difference", "t_of_mean"] < -5


def test_coverage_neutral_index_and_year_matching_give_no_placebo_difference(placebo):
    neutral = placebo.loc["coverage-neutral (configured)"]
    assert abs(neutral.loc["gap_difference", "mean"]) < 0.04
    for variant in placebo.index.get_level_values("variant").unique():
        matched = placebo.loc[variant]
        for statistic in ("gap_difference_year_matched", "mean_difference_year_matched"):
            assert abs(matched.loc[statistic, "mean"]) < 0.02, (variant, statistic)
            assert np.isfinite(matched.loc[statistic, "std"])
