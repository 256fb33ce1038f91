"""'Tariffs below tau^W are strictly worse for the public': holds where the public's problem
is concave and the same check fails where it is not."""

import sympy as sp

from gvcneg.theory.deremer2023 import model
from gvcneg.theory.deremer2023.model import CountryPair
from gvcneg.theory.deremer2023.public_path import lower_tariffs_strictly_worse


def test_curvature_of_welfare_on_the_diagonal_is_minus_the_denominator_of_equation_7():
    gm, ge = sp.symbols("gm ge")
    welfare = model.importer_objective_expr(model.TAU, gm) + model.exporter_objective_expr(
        model.TAU, ge
    )
    assert sp.simplify(sp.diff(welfare, model.TAU, 2) + (59 - 9 * ge - 8 * gm) / 49) == 0


def test_holds_for_figure_1_public_and_fails_where_welfare_is_convex():
    assert lower_tariffs_strictly_worse(CountryPair.symmetric(1.2, 1.0), -0.5, 201)
    convex = CountryPair.symmetric(4.5, 10 / 3)  # 8 gM + 9 gE = 66 > 59
    assert not lower_tariffs_strictly_worse(convex, -0.5, 201)
