"""Figures: each function plots exactly the data it returns, computed from the solved model."""

import matplotlib.pyplot as plt
import pytest

from gvcneg.figures import mattoo_olarreaga2000 as figs
from gvcneg.theory.mattoo_olarreaga2000 import figure_data as fd


def test_figure_3_data_is_the_solved_profile(solved_baseline):
    data = fd.figure_3_data(solved_baseline)
    large = solved_baseline.set_index("scenario").loc["large"]
    row = data[(data["country"] == "A") & (data["rule"] == "Ex-ante credit")]
    assert row.set_index("period")["tariff"].to_dict() == pytest.approx(
        {"T-1": large["t0_A"], "T": large["T_ex_ante_A"], "T+1": large["T1x_ex_ante_A"]}
    )
    fig, plotted = figs.fig_3(data)
    assert plotted is data
    plt.close(fig)


def test_figure_2_path_ends_at_the_new_equilibrium(solved_baseline):
    data = fd.figure_2_data(solved_baseline, 0.2, 51)
    path = data[data["series"] == "adjustment path"]
    star = data[data["series"] == "new equilibrium *"].iloc[0]
    assert path.iloc[-1]["t_A"] == pytest.approx(star["t_A"], abs=1e-8)
    assert path.iloc[-1]["t_B"] == pytest.approx(star["t_B"], abs=1e-8)
    assert star["t_B"] < data[data["series"] == "bindings t^{T-1}"].iloc[0]["t_B"]


def test_figure_5_levels_are_values_at_the_points(solved_baseline):
    data, levels = fd.figure_5_data(solved_baseline, 0.2, 41)
    large = solved_baseline.set_index("scenario").loc["large"]
    assert levels["B0 (t^{T-1})"] == pytest.approx(large["value_B_t0"])
    # Figure 5's ordering where the section-4 premises hold: A's unilateral cut helps B
    # (N above B0), B accepts the no-credit round (X above N), credit lowers B's value (Y < X).
    assert levels["B0 (t^{T-1})"] < levels["N"] <= levels["X (no credit)"]
    assert levels["Y (credit)"] < levels["X (no credit)"]
    fig, _ = figs.fig_5(data, levels, 0.2)
    plt.close(fig)


def test_figures_1_and_4_build(solved_baseline):
    for fig, _ in (
        figs.fig_1(fd.figure_1_data(solved_baseline, 0.2, 21), 0.2),
        figs.fig_4(fd.figure_4_data(solved_baseline, 41), 0.2),
    ):
        plt.close(fig)
