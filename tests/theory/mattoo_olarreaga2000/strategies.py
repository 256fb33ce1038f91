"""Hypothesis strategies: parameter points of the model within the grid's ranges."""

import pandas as pd
from hypothesis import strategies as st

RECIPROCITY = st.floats(-0.3, 1.0)


@st.composite
def parameter_points(draw, kappa=RECIPROCITY):
    a_before = draw(st.floats(1.0, 2.5))
    return {
        "import_supply_slope": draw(st.floats(0.2, 0.8)),
        "export_supply_slope": draw(st.floats(1.3, 3.0)),
        "reciprocity": draw(kappa),
        "welfare_weight_A_before": a_before,
        "welfare_weight_A_after": a_before * draw(st.floats(1.01, 5.0)),
        "welfare_weight_B": a_before * draw(st.floats(0.8, 1.25)),
        "retention": draw(st.floats(0.3, 0.95)),
        "discount": draw(st.floats(0.8, 1.0)),
    }


def frame(point: dict) -> pd.DataFrame:
    return pd.DataFrame([point])
