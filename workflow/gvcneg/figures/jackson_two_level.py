"""Figures of the two-level game of Jackson's commentary (the commentary has no figures of its
own; these are the model's figures, labelled as such).

Each function takes the solved data and returns (figure, the exact data plotted).
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

HOME_COLOR = "tab:red"
FOREIGN_COLOR = "tab:blue"
OUTCOME_COLOR = "black"
THRESHOLD_LABEL = r"Home ratifier's veto threshold $t_H$ (tighter $\rightarrow$)"


def fig_winset_outcome(path: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Win-sets, their overlap and the Nash bargaining outcome as Home's constraint tightens
    (left), and the negotiators' payoffs from the outcome (right); certainty about both
    win-sets."""
    path = path.sort_values("home_threshold", ascending=False).reset_index(drop=True)
    t = path["home_threshold"]
    deal = path["deal_exists"] == 1
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8))

    left.fill_between(
        t,
        path["overlap_lower"],
        path["overlap_upper"],
        where=deal,
        color="0.85",
        label=r"overlap $W_H \cap W_F$ (ratifiable deals)",
    )
    left.plot(
        t,
        np.minimum(t, 1.0),
        color=HOME_COLOR,
        linewidth=1,
        label=r"top of Home's win-set $W_H=[0,t_H]$",
    )
    left.plot(
        t,
        path["foreign_threshold"],
        color=FOREIGN_COLOR,
        linewidth=1,
        label=r"bottom of Foreign's win-set $W_F=[t_F,1]$",
    )
    left.plot(
        t,
        path["unconstrained_nash_depth"],
        color="0.4",
        linestyle="--",
        label=r"Nash solution without ratification $x_N$",
    )
    left.plot(
        t,
        path["outcome_depth"],
        color=OUTCOME_COLOR,
        linewidth=2.2,
        label=r"outcome $x^*$ (Nash over the overlap)",
    )
    left.plot(
        t,
        path["home_ideal_depth"],
        color=HOME_COLOR,
        linestyle=":",
        label=r"Home negotiator's ideal $\theta_H$",
    )
    left.plot(
        t,
        path["foreign_ideal_depth"],
        color=FOREIGN_COLOR,
        linestyle=":",
        label=r"Foreign negotiator's ideal $\theta_F$",
    )
    if (~deal).any():
        left.axvspan(t[~deal].min(), t[~deal].max(), color="0.95", zorder=0)
        left.text(
            t[~deal].mean(),
            0.95,
            "no deal:\nwin-sets\ndo not overlap",
            ha="center",
            va="top",
            fontsize=8,
        )
    left.set_xlim(t.max(), t.min())
    left.set_ylim(0, 1)
    left.set_xlabel(THRESHOLD_LABEL)
    left.set_ylabel("depth of liberalization $x$")
    left.set_title("Win-sets and the bargaining outcome", fontsize=10)
    left.legend(fontsize=7, loc="upper left", bbox_to_anchor=(0.0, -0.14), ncol=2, frameon=False)

    right.plot(
        t, path["home_payoff"].where(deal), color=HOME_COLOR, label=r"Home negotiator $U_H(x^*)$"
    )
    right.plot(
        t,
        path["foreign_payoff"].where(deal),
        color=FOREIGN_COLOR,
        label=r"Foreign negotiator $U_F(x^*)$",
    )
    right.set_xlim(t.max(), t.min())
    right.set_ylim(0, 1.02)
    right.set_xlabel(THRESHOLD_LABEL)
    right.set_ylabel("payoff of the ratified deal (no deal = 0)")
    right.set_title("Tightening moves the outcome in Home's favour", fontsize=10)
    right.legend(fontsize=8, loc="lower left", frameon=False)
    fig.suptitle(
        "Model figure A (the commentary has no figure): a two-level game under certainty",
        fontsize=10,
    )
    fig.tight_layout()
    columns = [
        "home_threshold",
        "foreign_threshold",
        "overlap_lower",
        "overlap_upper",
        "deal_exists",
        "unconstrained_nash_depth",
        "outcome_depth",
        "home_ideal_depth",
        "foreign_ideal_depth",
        "home_payoff",
        "foreign_payoff",
    ]
    return fig, path[columns]


def fig_involuntary_defection(
    paths: pd.DataFrame, optimum: pd.DataFrame, monte_carlo_every: int = 8
) -> tuple[plt.Figure, pd.DataFrame]:
    """Probability that the signed deal is ratified (closed form as lines, seeded Monte Carlo
    as markers) and the Home negotiator's expected payoff, by Home's constraint and the spread
    of the belief about Foreign's threshold; the payoff-maximizing constraint is marked."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8))
    spreads = sorted(paths["belief_spread"].unique())
    colors = plt.get_cmap("viridis")(np.linspace(0.0, 0.85, len(spreads)))
    rows = []
    for spread, color in zip(spreads, colors, strict=True):
        block = paths[paths["belief_spread"] == spread].sort_values("home_threshold")
        t = block["home_threshold"]
        label = rf"spread of $T_F$ = {spread:g}"
        left.plot(t, block["agreement_probability"], color=color, label=label)
        marks = block.iloc[::monte_carlo_every]
        left.plot(
            marks["home_threshold"],
            marks["agreement_probability_mc"],
            "o",
            color=color,
            markersize=3.5,
            fillstyle="none",
        )
        right.plot(t, block["home_expected_payoff"], color=color, label=label)
        best = optimum[optimum["belief_spread"] == spread].iloc[0]
        right.plot(
            best["best_home_threshold"],
            best["home_expected_payoff_at_best"],
            "*",
            color=color,
            markersize=11,
        )
        for series, frame, x, y in (
            ("agreement_probability", block, "home_threshold", "agreement_probability"),
            (
                "agreement_probability_monte_carlo",
                marks,
                "home_threshold",
                "agreement_probability_mc",
            ),
            ("home_expected_payoff", block, "home_threshold", "home_expected_payoff"),
            (
                "best_home_threshold",
                best.to_frame().T,
                "best_home_threshold",
                "home_expected_payoff_at_best",
            ),
        ):
            rows.append(
                pd.DataFrame(
                    {
                        "series": series,
                        "belief_spread": spread,
                        "home_threshold": frame[x].astype(float).to_numpy(),
                        "value": frame[y].astype(float).to_numpy(),
                    }
                )
            )
    first = paths[paths["belief_spread"] == spreads[0]].sort_values("home_threshold")
    ratified = first["home_expected_payoff"] / first["agreement_probability"]
    right.plot(
        first["home_threshold"],
        ratified.where(first["agreement_probability"] > 0),
        color="0.5",
        linestyle="--",
        label="payoff if ratified $U_H(x_s)$",
    )
    rows.append(
        pd.DataFrame(
            {
                "series": "home_payoff_if_ratified",
                "belief_spread": np.nan,
                "home_threshold": first["home_threshold"].to_numpy(),
                "value": ratified.where(first["agreement_probability"] > 0).to_numpy(),
            }
        )
    )
    for ax in (left, right):
        ax.set_xlim(paths["home_threshold"].max(), paths["home_threshold"].min())
        ax.set_xlabel(THRESHOLD_LABEL)
    left.set_ylim(-0.02, 1.02)
    left.set_ylabel("P(agreement) = P(Foreign ratifies the signed deal)")
    left.set_title(
        "Tighter constraint, more involuntary defection\n"
        "(lines: closed form; circles: seeded Monte Carlo)",
        fontsize=10,
    )
    left.legend(fontsize=8, loc="lower left", frameon=False)
    right.set_ylabel("Home negotiator's expected payoff")
    right.set_title(
        r"Leverage vs. defection risk ($\star$ = best constraint for Home)", fontsize=10
    )
    right.legend(fontsize=8, loc="lower left", frameon=False)
    fig.suptitle(
        "Model figure B (the commentary has no figure): uncertainty about Foreign's win-set",
        fontsize=10,
    )
    fig.tight_layout()
    return fig, pd.concat(rows, ignore_index=True)
