"""The source registry: complete against the shared data, checksums true, schema enforced."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

from gvcneg.data.fetch import sha256_of
from gvcneg.data.registry import (
    SOURCES_DIR,
    RegistryError,
    load_source_file,
    load_sources,
    parse_source,
    registry_table,
)

SHARED = SOURCES_DIR.parents[1] / "shared" / "data"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="shared data mirror not present")

# The "not available offline" list at the bottom of ../shared/data/README.md, as registry names.
NOT_AVAILABLE = {
    "wto-ttd": "targeted-trade-deals",
    "oecd-wto-batis": "BaTiS",
    "baci-crm": "BACI",
    "cepii-gravity": "full CEPII Gravity",
    "usitc-dgd": "USITC DGD",
    "wb-dta-horizontal": "Hofmann-Osnago-Ruta",
    "taped": "TAPED",
    "wb-stri-gats": "GATS commitments",
    "gsdb-full": "full GSDB",
    "wdi-secure-servers-current": "current-basis WDI secure servers",
    "ifr-robots": "IFR robots",
}

BASE = {
    "name": "toy",
    "title": "Toy",
    "publisher": "Tests",
    "upstream_url": "https://example.org",
    "vintage": "2015",
    "license": "CC0",
    "citation": "Toy (2015)",
    "status": "available",
    "files": [{"name": "a.csv", "format": "csv", "sha256": "0" * 64}],
    "used_by": [],
}


@pytest.fixture(scope="module")
def sources():
    return load_sources()


def test_registry_loads_and_names_match_files(sources):
    assert len(sources) >= 40
    for name in sources:
        assert (SOURCES_DIR / f"{name}.yaml").is_file()


@needs_shared
def test_one_available_entry_per_shared_folder(sources):
    folders = {p.name for p in SHARED.iterdir() if p.is_dir()}
    available = {n for n, s in sources.items() if s.available}
    assert available == folders


@needs_shared
def test_registered_files_are_exactly_the_mirror_files(sources):
    for name, source in sources.items():
        if not source.available:
            continue
        on_disk = {p.name for p in (SHARED / name).iterdir() if p.name != "PROVENANCE.md"}
        assert {f.name for f in source.files} == on_disk, name


@needs_shared
def test_checksums_match_provenance_and_the_files(sources):
    for name, source in sources.items():
        if not source.available:
            continue
        provenance = set(
            re.findall(r"\b[0-9a-f]{64}\b", (SHARED / name / "PROVENANCE.md").read_text())
        )
        for spec in source.files:
            assert spec.sha256 in provenance, (name, spec.name)
            path = SHARED / name / spec.name
            assert sha256_of(path) == spec.sha256, (name, spec.name)
            assert path.stat().st_size == spec.bytes, (name, spec.name)


def test_not_available_sources_of_the_readme_are_registered(sources):
    for name in NOT_AVAILABLE:
        assert name in sources, name
        source = sources[name]
        assert source.status == "not_available_offline"
        assert "paths.user_data" in source.notes


@needs_shared
def test_readme_lists_every_not_available_source():
    readme = (SHARED / "README.md").read_text()
    tail = " ".join(readme.split("Not available offline", 1)[1].split()).lower()
    for phrase in NOT_AVAILABLE.values():
        assert phrase.lower() in tail, phrase


def test_substitutions_are_recorded_for_the_documents_sources(sources):
    for name in ("wdi-population", "wid-gini", "adb-mrio-gvcp", "desta-v203", "wto-rta"):
        assert sources[name].substitutes_for, name
    assert sources["ifr-robots"].status == "not_available_offline"


def test_download_urls_are_pinned_commits_or_releases(sources):
    for source in sources.values():
        for spec in source.files:
            if spec.url and "raw.githubusercontent.com" in spec.url:
                assert re.search(r"/([0-9a-f]{40}|v\d+(\.\d+)*)/", spec.url), spec.url


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("license"), "license"),
        (lambda d: d["files"][0].update(sha256="abc"), "sha256"),
        (lambda d: d["files"][0].update(sha256=None), "without sha256"),
        (lambda d: d.update(status="maybe"), "status"),
        (lambda d: d["files"].append(dict(d["files"][0])), "duplicate file names"),
        (lambda d: d["files"][0].update(name="dir/a.csv"), "name"),
        (lambda d: d.update(files=[]), "must list its files"),
        (lambda d: d.update(extra=1), "extra"),
    ],
)
def test_malformed_entries_are_rejected(change, message):
    data = copy.deepcopy(BASE)
    change(data)
    with pytest.raises(RegistryError, match=message):
        parse_source(data, "sources/toy.yaml")


def test_not_available_source_may_lack_checksums():
    data = copy.deepcopy(BASE)
    data["status"] = "not_available_offline"
    data["files"][0]["sha256"] = None
    assert parse_source(data).files[0].sha256 is None


def test_file_name_must_match_entry_name(tmp_path):
    path = tmp_path / "other.yaml"
    path.write_text(yaml.safe_dump(BASE))
    with pytest.raises(RegistryError, match="file name stem"):
        load_source_file(path)


def test_unknown_superseded_by_is_rejected(tmp_path):
    data = copy.deepcopy(BASE)
    data["superseded_by"] = "nowhere"
    (tmp_path / "toy.yaml").write_text(yaml.safe_dump(data))
    with pytest.raises(RegistryError, match="superseded_by"):
        load_sources(tmp_path)


def test_unknown_file_names_the_files_the_source_has(sources):
    with pytest.raises(RegistryError, match="AllRTAs.xlsx"):
        sources["wto-rta"].file("AllRTA.xlsx")


def test_registry_table_has_one_row_per_source(sources):
    table = registry_table(sources)
    assert list(table["source"]) == sorted(sources)
    assert set(table["status"]) == {"available", "not_available_offline"}
    assert Path(SOURCES_DIR).name == "sources"


def test_a_fetch_job_reads_the_same_entries_without_the_schema_check():
    # Rule fetch_source_file skips the JSON-schema check its planning process already made;
    # the entries it builds are the checked ones, and only the schema check is skipped.
    for path in sorted(SOURCES_DIR.glob("*.yaml")):
        assert load_source_file(path, schema=False) == load_source_file(path)
    data = copy.deepcopy(BASE)
    data["files"][0]["sha256"] = "abc"
    with pytest.raises(RegistryError, match="sha256"):
        parse_source(data, "sources/toy.yaml")
    assert parse_source(data, "sources/toy.yaml", schema=False).files[0].sha256 == "abc"
