"""Hypothesis strategies for games of the model's domain."""

from hypothesis import strategies as st

from gvcneg.theory.jackson_two_level.model import Negotiator, TwoLevelGame

unit = st.floats(0.0, 1.0, allow_nan=False)
weight = st.floats(0.05, 1.0, allow_nan=False)
power = st.floats(0.05, 0.95, allow_nan=False)


@st.composite
def games(draw):
    home = draw(st.floats(0.0, 0.9))
    foreign = draw(st.floats(home + 0.05, 1.0))
    return TwoLevelGame(
        Negotiator(home, draw(weight)), Negotiator(foreign, draw(weight)), draw(power)
    )
