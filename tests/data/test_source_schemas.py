"""Registered files are checked at read against the schema in their registry entry: the real
files pass, and a corrupted copy fails naming source, file, column and row."""

from pathlib import Path

import pandas as pd
import pytest

from gvcneg.data.fetch import DataSourceError
from gvcneg.data.readers import read_frame
from gvcneg.data.registry import RegistryError, load_sources, parse_source
from gvcneg.data.source_schemas import (
    _spec_of,
    check_source_frame,
    read_registered,
    registered_source,
)

REPO = Path(__file__).resolve().parents[2]
MIRROR = REPO.parent / "shared" / "data"
SOURCES = load_sources(REPO / "sources")
WITH_SCHEMA = sorted(
    (source.name, spec.name)
    for source in SOURCES.values()
    for spec in source.files
    if spec.schema is not None
)
IDS = [f"{source}/{file_name}" for source, file_name in WITH_SCHEMA]
# The few files that take seconds to read and validate (large Excel sheets, the distance
# table, the R panel): `slow`, out of `make test-fast`; `make test` checks every file.
SLOW_FILES = {
    ("oecd-stri", "stri_oecdstat_2014_2024.xlsx"),
    ("wgi", "wgidataset_2023update_reshaped.xlsx"),
    ("cepii-geodist", "dist_cepii.csv"),
    ("penppml-dta-sample", "trade.rda"),
}
EVERY_SCHEMA = [
    pytest.param(*pair, id=name, marks=[pytest.mark.slow] if pair in SLOW_FILES else [])
    for pair, name in zip(WITH_SCHEMA, IDS, strict=True)
]
# Read through a schema kept in code instead (user-supplied files with their own layout
# contract) or not read as a table.
CHECKED_ELSEWHERE = {
    ("wto-ttd", "ttd_database.xlsx"): "gvcdr2025_ch8.ttd_schema (the TTD coding contract)",
    ("wto-ttd-texts", "ttd_texts.csv"): "gvcdr2025_ch8.coder_run.TTD_TEXTS",
    ("oecd-wto-batis", "batis_bpm6.csv"): "gvcdr2025_ch8.trade_flows.TRADE_SCHEMA",
    ("baci-crm", "crm_bilateral_trade.csv"): "gvcdr2025_ch8.trade_flows.TRADE_SCHEMA",
    ("wb-income-class-fy26", "OGHIST.xlsx"): "a positional sheet (header=None) parsed by "
    "gvcneg.data.country_metadata.tidy_oghist, whose output is validated",
    ("natural-earth-110m", "naturalearth_lowres.shp"): "a shapefile (geometries) read by "
    "geopandas for the Figure 8.2 map, not a table",
}


def files_the_pipeline_reads() -> set[tuple[str, str]]:
    """(source, file) of every source_file(...) in the rule files: the literal calls, and the
    tables of registry files the chapter modules give the rules."""
    import re

    from gvcneg.config import load_config
    from gvcneg.empirics.gvcdr2025_ch7 import inputs as ch7
    from gvcneg.empirics.gvcdr2025_ch8 import inputs as ch8

    literal = re.compile(r'source_file\(\s*"([^"]+)",\s*"([^"]+)"\s*\)')
    files = {
        match.groups()
        for rules in (REPO / "workflow" / "rules").glob("*.smk")
        for match in literal.finditer(rules.read_text())
    }
    config = load_config(REPO / "config.yaml", REPO / "paths.yaml")
    files |= set(ch7.POPULATION_FILES.items()) | set(ch7.GINI_FILES.items())
    files |= {pair for pairs in ch7.GVC_FILES.values() for pair in pairs} | {ch7.ROBOTS}
    files |= set(ch8.panel_files(config["gvcdr2025_ch8"]).values())
    files |= set(ch8.TRADE_FILES.values()) | {ch8.TTD_FILE}
    return files


def _mirror_frame(source: str, file_name: str) -> tuple[pd.DataFrame, Path]:
    path = MIRROR / source / file_name
    if not path.exists():
        pytest.skip(f"{source}/{file_name} is not in the data mirror {MIRROR}")
    return read_frame(SOURCES[source], file_name, path), path


def test_every_file_the_pipeline_reads_has_a_schema():
    read = files_the_pipeline_reads()
    assert len(read) > 40  # the scan found the rule files' inputs
    assert read - set(WITH_SCHEMA) - set(CHECKED_ELSEWHERE) == set()
    for source, file_name in read:
        SOURCES[source].file(file_name)  # every pair is a registered file


@pytest.mark.parametrize(("source", "file_name"), EVERY_SCHEMA)
def test_real_file_passes_its_schema(source, file_name):
    frame, path = _mirror_frame(source, file_name)
    assert check_source_frame(frame, source, file_name, path) is frame


@pytest.mark.parametrize(("source", "file_name"), EVERY_SCHEMA)
def test_corrupted_copy_fails_naming_source_file_column_and_row(source, file_name):
    """For every schema: a renamed column, a word in a numeric column and a duplicated key
    are each refused with source, file, column and row in the message."""
    frame, _ = _mirror_frame(source, file_name)
    spec = SOURCES[source].file(file_name).schema
    declared = [n for n, c in spec["columns"].items() if c.get("required", True)]
    plain = [n for n in declared if not spec["columns"][n].get("regex")]
    renamed = frame.rename(columns={plain[0]: f"{plain[0]} (renamed)"})
    assert f"column {plain[0]!r} is missing" in _failure(renamed, source, file_name)

    numeric = [c for c in frame.columns if _spec_of(c, spec).get("type") in ("int", "float")]
    if numeric:
        column = numeric[0]
        corrupt = frame.astype({column: object})
        corrupt.loc[corrupt.index[1], column] = "twelve"
        message = _failure(corrupt, source, file_name)
        assert f"column {str(column)!r}" in message and "at row 2 ('twelve')" in message

    key = spec.get("unique") or [n for n in plain if spec["columns"][n].get("unique")]
    if key:
        doubled = pd.concat([frame, frame.iloc[[0]]], ignore_index=True)
        message = _failure(doubled, source, file_name)
        assert any(str(k) in message for k in key)
        assert f", {len(frame) + 1}" in message.split("duplicated at rows", 1)[-1]


@pytest.fixture
def pwt():
    frame, _ = _mirror_frame("pwt", "pwt1001.dta")
    return frame[["countrycode", "year", "labsh"]].copy()


def _failure(frame, source="pwt", file_name="pwt1001.dta") -> str:
    with pytest.raises(DataSourceError) as err:
        check_source_frame(frame, source, file_name, f"/cache/{source}/{file_name}")
    message = str(err.value)
    assert f"source {source!r}" in message and f"file {file_name!r}" in message
    assert "Fix:" in message
    return message


def test_renamed_column_is_named_with_the_columns_found(pwt):
    message = _failure(pwt.rename(columns={"labsh": "labour_share"}))
    assert "column 'labsh' is missing" in message
    assert "'labour_share'" in message


def test_non_numeric_value_names_column_row_value_and_type(pwt):
    pwt["labsh"] = pwt["labsh"].astype(object)
    pwt.loc[7, "labsh"] = "n/a"
    message = _failure(pwt)
    assert "column 'labsh': expected float, in [0, 1]" in message
    assert "not a number at row 8 ('n/a')" in message


def test_value_out_of_range_and_fraction_year_are_both_reported(pwt):
    # lazy validation: every problem at once, not only the first
    pwt["year"] = pwt["year"].astype(float)
    pwt.loc[0, "year"] = 1990.5
    pwt.loc[9, "labsh"] = 1.5
    message = _failure(pwt)
    assert "column 'year': expected int" in message and "not an integer at row 1" in message
    assert "column 'labsh'" in message and "in_range(0, 1) at row 10 (1.5)" in message


def test_duplicated_key_names_the_key_and_both_rows(pwt):
    corrupt = pd.concat([pwt, pwt.iloc[[20]]], ignore_index=True)
    message = _failure(corrupt)
    assert f"key ['countrycode', 'year'] is not unique: duplicated at rows 21, {len(pwt) + 1}" in (
        message
    )


def test_missing_value_where_none_is_allowed(pwt):
    pwt["countrycode"] = pwt["countrycode"].astype(object)
    pwt.loc[4, "countrycode"] = None
    message = _failure(pwt)
    assert "column 'countrycode'" in message and "not_nullable at row 5" in message


def test_regex_columns_are_checked_and_their_absence_reported():
    frame, _ = _mirror_frame("wdi-internet", "API_IT.NET.USER.ZS.csv")
    bad = frame.copy()
    bad["2001"] = bad["2001"].astype(object)
    bad.loc[2, "2001"] = ".."
    assert "column '2001'" in _failure(bad, "wdi-internet", "API_IT.NET.USER.ZS.csv")
    years = [c for c in frame.columns if str(c).isdigit()]
    message = _failure(frame.drop(columns=years), "wdi-internet", "API_IT.NET.USER.ZS.csv")
    assert "no column matches" in message


def test_extra_columns_are_not_checked(pwt):
    pwt["anything"] = "text"
    check_source_frame(pwt, "pwt", "pwt1001.dta")


def test_a_file_not_in_the_registry_is_refused(pwt):
    with pytest.raises(DataSourceError, match="not a registered file"):
        check_source_frame(pwt, "pwt", path="/tmp/pwt_copy.dta")


def test_reader_reports_a_corrupted_file(tmp_path):
    """End to end through a pipeline reader: a CSV with a word in the year column."""
    from gvcneg.empirics.gvcdr2025_ch8.covariates import read_ideal_points

    frame, _ = _mirror_frame("unga-idealpoints", "IdealpointestimatesAll_Jun2024.csv")
    frame = frame.astype({"session": object})
    frame.loc[2, "session"] = "third"
    path = tmp_path / "IdealpointestimatesAll_Jun2024.csv"
    frame.to_csv(path, index=False)
    with pytest.raises(DataSourceError) as err:
        read_ideal_points(path)
    message = str(err.value)
    assert "'unga-idealpoints'" in message and "IdealpointestimatesAll_Jun2024.csv" in message
    assert "column 'session': expected int" in message and "row 3 ('third')" in message


def test_read_registered_applies_read_options_and_schema():
    path = MIRROR / "wid-gini" / "tidy_data.csv"
    if not path.exists():
        pytest.skip(f"wid-gini/tidy_data.csv is not in the data mirror {MIRROR}")
    frame = read_registered(path, "wid-gini")
    # the registry's read options keep Namibia's code "NA"
    assert "NA" in set(frame["country"])


def test_malformed_schema_block_is_refused_by_the_registry():
    entry = registered_source("pwt")
    data = {
        "name": "x",
        "title": "t",
        "publisher": "p",
        "upstream_url": "https://example.org",
        "vintage": "v",
        "license": "l",
        "citation": "c",
        "status": "not_available_offline",
        "files": [
            {"name": "a.csv", "format": "csv", "schema": {"columns": {"y": {"type": "year"}}}}
        ],
        "used_by": [],
    }
    with pytest.raises(RegistryError, match=r"files\.0\.schema"):
        parse_source(data)
    assert entry.file("pwt1001.dta").schema["unique"] == ["countrycode", "year"]
