"""`make data-status`: each registered file's state, and for a missing one where to put it."""

from gvcneg.data.registry import parse_source
from gvcneg.data.status import file_state, status_table


def _source(name, status="available"):
    return parse_source(
        {
            "name": name,
            "title": f"{name} title",
            "publisher": "p",
            "upstream_url": "https://example.org",
            "vintage": "v",
            "license": "l",
            "citation": "c",
            "status": status,
            "files": [
                {
                    "name": "f.csv",
                    "format": "csv",
                    "sha256": None if status != "available" else "0" * 64,
                }
            ],
            "used_by": ["doc.fig_1"],
            "notes": "supply the file",
        }
    )


def test_states_in_order_of_precedence(tmp_path):
    cache, mirror, user = tmp_path / "cache", tmp_path / "mirror", tmp_path / "user.csv"
    source = _source("s", status="not_available_offline")
    assert file_state(source, "f.csv", cache, [mirror], None) == "missing"
    (mirror / "s").mkdir(parents=True)
    (mirror / "s" / "f.csv").write_text("x")
    assert file_state(source, "f.csv", cache, [mirror], None) == "in mirror"
    (cache / "s").mkdir(parents=True)
    (cache / "s" / "f.csv").write_text("x")
    assert file_state(source, "f.csv", cache, [mirror], None) == "cached"
    user.write_text("x")
    assert file_state(source, "f.csv", cache, [mirror], str(user)) == "user copy"
    assert file_state(_source("t"), "f.csv", cache, [], None) == "downloadable"


def test_a_missing_file_says_where_to_put_it(tmp_path, monkeypatch):
    monkeypatch.delenv("GVCNEG_DATA_MIRRORS", raising=False)
    paths = {"paths": {"data_cache": str(tmp_path / "c"), "data_mirrors": [], "user_data": {}}}
    table = status_table({"s": _source("s", status="not_available_offline")}, paths)
    row = table.iloc[0]
    assert row["state"] == "missing" and row["format"] == "csv"
    assert "paths.user_data.s" in row["where to put it"]
