"""``make data-status``: one line per source that is not here, with what it is needed for."""

from gvcneg.data.registry import load_sources
from gvcneg.devtools.data_status import data_status, main, status_lines


def test_one_line_per_missing_source_and_supplied_paths_checked(tmp_path):
    sources = load_sources()
    supplied = tmp_path / "ttd.xlsx"
    supplied.write_text("x")
    status = data_status(
        sources, {"wto-ttd": str(supplied), "oecd-wto-batis": str(tmp_path / "absent.csv")}
    ).set_index("source")
    assert status.loc["wto-ttd", "state"] == "supplied"
    assert status.loc["oecd-wto-batis", "state"] == "supplied path missing"
    assert status.loc["baci-crm", "state"] == "missing"
    offline = [n for n, s in sources.items() if s.available]
    assert (status.loc[offline, "state"] == "available offline").all()
    lines = status_lines(status.reset_index())
    not_here = [n for n, s in sources.items() if not s.available and n != "wto-ttd"]
    assert len(lines) == len(not_here)
    baci = next(line for line in lines if " baci-crm:" in line)
    assert "gvcdr2025_ch8.table_8_3" in baci and "paths.user_data.baci-crm" in baci
    assert any(line.startswith("PATH NOT FOUND oecd-wto-batis") for line in lines)


def test_command_reads_a_paths_file(tmp_path, capsys):
    paths = tmp_path / "paths.yaml"
    paths.write_text("paths:\n  user_data:\n    wto-ttd: /nonexistent/ttd.xlsx\n")
    assert main([str(paths)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("data sources:") and "PATH NOT FOUND wto-ttd" in out
