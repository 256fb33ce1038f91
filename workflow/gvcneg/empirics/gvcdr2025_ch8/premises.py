"""GVC Development Report 2025, chapter 8: relations between configuration keys that the document states, checked when the
configuration is validated (gvcneg.config.document_errors): a run must not silently violate a
premise of the document."""

from __future__ import annotations

from collections.abc import Mapping

from gvcneg.config import _at, _finite


def config_errors(config: Mapping) -> list[tuple[tuple, str]]:
    """(key path, problem) for every premise the configuration violates."""
    errors: list[tuple[tuple, str]] = []
    # GVC DR 2025 ch. 8, section 8.4: the CRM window contains the digital window.
    crm = _at(config, "gvcdr2025_ch8", "years", "crm")
    digital = _at(config, "gvcdr2025_ch8", "years", "digital")
    if (
        isinstance(crm, list)
        and isinstance(digital, list)
        and len(crm) == len(digital) == 2
        and _finite(*crm, *digital)
        and not (crm[0] <= digital[0] and digital[1] <= crm[1])
    ):
        errors.append(
            (
                ("gvcdr2025_ch8", "years", "digital"),
                f"= {digital!r} must lie within the CRM window {crm!r} (section 8.4)",
            )
        )
    release = _at(config, "gvcdr2025_ch8", "sanctions", "release_last_year")
    until = _at(config, "gvcdr2025_ch8", "sanctions", "treat_ongoing_until")
    if _finite(release, until) and until < release:
        errors.append(
            (
                ("gvcdr2025_ch8", "sanctions", "treat_ongoing_until"),
                f"= {until!r} is before the release's last year {release!r}; ongoing cases "
                "cannot end before the data do",
            )
        )
    return errors
