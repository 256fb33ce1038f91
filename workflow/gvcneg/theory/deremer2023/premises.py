"""DeRemer (2023): relations between configuration keys that the document states, checked when the
configuration is validated (gvcneg.config.document_errors): a run must not silently violate a
premise of the document."""

from __future__ import annotations

from collections.abc import Mapping

from gvcneg.config import _at, _finite


def config_errors(config: Mapping) -> list[tuple[tuple, str]]:
    """(key path, problem) for every premise the configuration violates."""
    errors: list[tuple[tuple, str]] = []
    # DeRemer (2023): "All public export industry parameters are strictly less than those for
    # the government" (gamma_E^W < gamma_E^G); import weights are equal, or relaxed to
    # gamma_M^G > gamma_M^W, so gamma_M^W <= gamma_M^G.
    for scenario in ((), ("asymmetric_example",)):
        for country in ("home", "foreign"):
            base = ("deremer2023", *scenario)
            gov = _at(config, *base, "government", country) or {}
            pub = _at(config, *base, "public", country) or {}
            for weight, strict in (("gamma_E", True), ("gamma_M", False)):
                g, w = gov.get(weight), pub.get(weight)
                if _finite(g, w) and (w >= g if strict else w > g):
                    relation = "<" if strict else "<="
                    errors.append(
                        (
                            (*base, "public", country, weight),
                            f"the public's {weight} = {w!r} must be {relation} the government's "
                            f"({g!r}): DeRemer (2023)'s premise for the public's weights",
                        )
                    )
    gap = _at(config, "deremer2023", "remark_grid", "public_gamma_E_gap", "min")
    if _finite(gap) and gap <= 0:
        errors.append(
            (
                ("deremer2023", "remark_grid", "public_gamma_E_gap", "min"),
                f"= {gap!r}: the public's export weight must be strictly below the "
                "government's (gap > 0)",
            )
        )
    return errors
