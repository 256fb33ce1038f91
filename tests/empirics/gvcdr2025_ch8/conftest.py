"""Shared fixtures: the real-data mirror (skip tests needing it where it is absent)."""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def mirror_dir() -> Path | None:
    candidates = [
        *os.environ.get("GVCNEG_DATA_MIRRORS", "").split(os.pathsep),
        str(REPO.parent / "shared" / "data"),
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "cepii-geodist").is_dir():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def mirror() -> Path:
    found = mirror_dir()
    if found is None:
        pytest.skip("real-data mirror (../shared/data or GVCNEG_DATA_MIRRORS) not available")
    return found
