"""Excel sources are read with calamine (gvcneg.data.excel) for speed; the frames must be the
ones openpyxl gives, value for value and dtype for dtype, so no result moves."""

import os
from pathlib import Path

import pandas as pd
import pytest

from gvcneg.data.excel import read_excel
from gvcneg.data.registry import load_sources

REPO = Path(__file__).resolve().parents[2]


def _mirror() -> Path | None:
    for candidate in [
        *os.environ.get("GVCNEG_DATA_MIRRORS", "").split(os.pathsep),
        str(REPO.parent / "shared" / "data"),
    ]:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


WORKBOOKS = sorted(
    (name, spec.name)
    for name, source in load_sources(REPO / "sources").items()
    for spec in source.files
    if spec.format == "xlsx"
)


@pytest.mark.parametrize(("source", "file_name"), WORKBOOKS)
def test_calamine_reads_every_sheet_as_openpyxl_does(source, file_name):
    mirror = _mirror()
    path = mirror / source / file_name if mirror else None
    if path is None or not path.is_file():
        pytest.skip(f"{source}/{file_name} not in the data mirror")
    expected = pd.read_excel(path, sheet_name=None, engine="openpyxl")
    got = read_excel(path, sheet_name=None)
    assert list(got) == list(expected)
    for sheet, frame in expected.items():
        pd.testing.assert_frame_equal(got[sheet], frame, check_exact=True)
        assert list(got[sheet].dtypes) == list(frame.dtypes), sheet


def test_a_changed_cell_is_seen(tmp_path):
    # The comparison above can fail: a workbook differing in one cell reads differently.
    path = tmp_path / "book.xlsx"
    pd.DataFrame({"iso3": ["AUT", "BEL"], "value": [1.5, 2.0]}).to_excel(path, index=False)
    before = read_excel(path)
    pd.DataFrame({"iso3": ["AUT", "BEL"], "value": [1.5, 2.5]}).to_excel(path, index=False)
    with pytest.raises(AssertionError):
        pd.testing.assert_frame_equal(read_excel(path), before, check_exact=True)
