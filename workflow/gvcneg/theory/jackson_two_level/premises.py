"""Jackson (commentary on two-level games): relations between configuration keys that the document states, checked when the
configuration is validated (gvcneg.config.document_errors): a run must not silently violate a
premise of the document."""

from __future__ import annotations

from collections.abc import Mapping

from gvcneg.config import _at, _finite


def config_errors(config: Mapping) -> list[tuple[tuple, str]]:
    """(key path, problem) for every premise the configuration violates."""
    errors: list[tuple[tuple, str]] = []
    # Jackson: Home is the reluctant liberalizer, Foreign the demandeur.
    home = _at(config, "jackson_two_level", "negotiators", "home", "ideal_depth")
    foreign = _at(config, "jackson_two_level", "negotiators", "foreign", "ideal_depth")
    if _finite(home, foreign) and home >= foreign:
        errors.append(
            (
                ("jackson_two_level", "negotiators", "home", "ideal_depth"),
                f"= {home!r} must be below Foreign's ideal depth {foreign!r} (Home is the "
                "reluctant liberalizer)",
            )
        )
    return errors
