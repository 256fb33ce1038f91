"""The fetch step: cache, mirrors, download (a local HTTP server), and each failure's message."""

from __future__ import annotations

import hashlib
import http.server
import os
import socket
import threading
from pathlib import Path

import pytest

from gvcneg.data.fetch import DataSourceError, check_format, data_mirrors, fetch, sha256_of
from gvcneg.data.registry import SourceFile, load_sources, parse_source

CONTENT = b"iso3,year,value\nSWE,2013,1.5\nNOR,2013,2.5\n"
SHA = hashlib.sha256(CONTENT).hexdigest()


def make_source(url="http://127.0.0.1:9/toy.csv", sha=SHA, status="available", files=None):
    files = files or [{"name": "toy.csv", "format": "csv", "sha256": sha, "url": url}]
    return parse_source(
        {
            "name": "toy-source",
            "title": "Toy source",
            "publisher": "Tests",
            "upstream_url": "https://example.org/toy",
            "vintage": "2015",
            "license": "CC0",
            "citation": "Toy (2015)",
            "status": status,
            "files": files,
            "used_by": ["tests"],
        }
    )


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens: a download attempt fails like no network."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/toy.csv"


def leftovers(directory: Path) -> list[str]:
    """Every file under ``directory`` (partial downloads/copies would show up here)."""
    if not directory.exists():
        return []
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*") if p.is_file())


def put(root: Path, content: bytes = CONTENT, name: str = "toy.csv") -> Path:
    path = root / "toy-source" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


@pytest.fixture
def http_root(tmp_path):
    """A local HTTP server on 127.0.0.1 serving a directory, in a thread."""
    root = tmp_path / "served"
    root.mkdir()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_cache_hit_needs_no_mirror_or_network(tmp_path):
    cache = tmp_path / "cache"
    put(cache)
    got = fetch(make_source(url=closed_port_url()), "toy.csv", cache, mirrors=[])
    assert got == cache / "toy-source" / "toy.csv"
    assert got.read_bytes() == CONTENT


def test_stale_cache_copy_is_replaced_from_mirror(tmp_path):
    cache, mirror = tmp_path / "cache", tmp_path / "mirror"
    put(cache, b"iso3,year\nOLD,1999\n")
    put(mirror)
    got = fetch(make_source(url=closed_port_url()), "toy.csv", cache, mirrors=[mirror])
    assert got.read_bytes() == CONTENT


def test_mirror_hit_copies_into_cache_in_mirror_order(tmp_path):
    cache, empty, mirror = tmp_path / "cache", tmp_path / "empty", tmp_path / "mirror"
    put(mirror)
    got = fetch(make_source(url=closed_port_url()), "toy.csv", cache, mirrors=[empty, mirror])
    assert got.read_bytes() == CONTENT
    assert sha256_of(got) == SHA
    assert leftovers(cache) == ["toy-source/toy.csv"]
    assert (mirror / "toy-source" / "toy.csv").read_bytes() == CONTENT  # mirror untouched


def test_checksum_mismatch_names_source_checksums_and_fix(tmp_path):
    cache, mirror = tmp_path / "cache", tmp_path / "mirror"
    bad = CONTENT.replace(b"1.5", b"9.9")
    path = put(mirror, bad)
    with pytest.raises(DataSourceError) as info:
        fetch(make_source(url=closed_port_url()), "toy.csv", cache, mirrors=[mirror])
    message = str(info.value)
    assert "toy-source" in message and "toy.csv" in message
    assert SHA in message and hashlib.sha256(bad).hexdigest() in message
    assert str(path) in message
    assert "Fix" in message and "sources/toy-source.yaml" in message
    assert leftovers(cache) == []  # nothing unverified placed, no partial file


def test_mismatch_stops_even_if_a_later_mirror_is_good(tmp_path):
    cache, bad_mirror, good_mirror = tmp_path / "cache", tmp_path / "bad", tmp_path / "good"
    put(bad_mirror, b"iso3,year\nXXX,1\n")
    put(good_mirror)
    with pytest.raises(DataSourceError, match="checksum mismatch"):
        fetch(make_source(), "toy.csv", cache, mirrors=[bad_mirror, good_mirror])


def test_missing_without_network_lists_every_place_tried(tmp_path):
    cache, mirror = tmp_path / "cache", tmp_path / "mirror"
    url = closed_port_url()
    with pytest.raises(DataSourceError) as info:
        fetch(make_source(url=url), "toy.csv", cache, mirrors=[mirror], timeout=5)
    message = str(info.value)
    assert "toy-source" in message and "not found" in message
    assert str(cache / "toy-source" / "toy.csv") in message
    assert str(mirror / "toy-source" / "toy.csv") in message
    assert url in message and "failed" in message
    assert "GVCNEG_DATA_MIRRORS" in message  # how to fix
    assert leftovers(cache) == []


def test_not_available_source_without_user_copy_says_how_to_supply_it(tmp_path):
    source = make_source(
        status="not_available_offline", files=[{"name": "toy.csv", "format": "csv", "sha256": None}]
    )
    with pytest.raises(DataSourceError) as info:
        fetch(source, "toy.csv", tmp_path / "cache", mirrors=[tmp_path / "mirror"])
    assert "paths.user_data.toy-source" in str(info.value)
    assert "https://example.org/toy" in str(info.value)


def test_unreadable_mirror_copy_is_reported(tmp_path):
    cache, mirror = tmp_path / "cache", tmp_path / "mirror"
    (mirror / "toy-source" / "toy.csv").mkdir(parents=True)  # a directory where a file should be
    with pytest.raises(DataSourceError) as info:
        fetch(make_source(), "toy.csv", cache, mirrors=[mirror])
    message = str(info.value)
    assert "cannot read" in message and "toy-source" in message
    assert str(mirror / "toy-source" / "toy.csv") in message
    assert leftovers(cache) == []


def test_malformed_user_copy_is_rejected(tmp_path, caplog):
    source = make_source(
        status="not_available_offline", files=[{"name": "toy.csv", "format": "csv", "sha256": None}]
    )
    user = tmp_path / "mine.csv"
    user.write_bytes(b"<!DOCTYPE html>\n<html><body>Sign in, to download</body></html>\n")
    with pytest.raises(DataSourceError) as info:
        fetch(source, "toy.csv", tmp_path / "cache", user_path=user)
    assert "malformed as csv" in str(info.value) and str(user) in str(info.value)
    assert leftovers(tmp_path / "cache") == []


def test_user_copy_without_registered_checksum_is_used_and_its_checksum_logged(tmp_path, caplog):
    source = make_source(
        status="not_available_offline", files=[{"name": "toy.csv", "format": "csv", "sha256": None}]
    )
    user_dir = tmp_path / "mine"
    user_dir.mkdir()
    (user_dir / "toy.csv").write_bytes(CONTENT)
    with caplog.at_level("WARNING", logger="gvcneg.data.fetch"):
        got = fetch(source, "toy.csv", tmp_path / "cache", user_path=user_dir)
    assert got.read_bytes() == CONTENT
    assert SHA in caplog.text


def test_user_copy_of_a_registered_file_is_verified(tmp_path):
    user = tmp_path / "mine.csv"
    user.write_bytes(CONTENT + b"SWE,2014,3\n")
    with pytest.raises(DataSourceError, match="checksum mismatch for the user-supplied copy"):
        fetch(make_source(), "toy.csv", tmp_path / "cache", user_path=user)


def test_http_download_from_local_server(tmp_path, http_root):
    root, base = http_root
    (root / "toy.csv").write_bytes(CONTENT)
    cache = tmp_path / "cache"
    got = fetch(make_source(url=f"{base}/toy.csv"), "toy.csv", cache, mirrors=[tmp_path / "none"])
    assert got.read_bytes() == CONTENT
    assert leftovers(cache) == ["toy-source/toy.csv"]


def test_http_download_with_wrong_content_leaves_no_file(tmp_path, http_root):
    root, base = http_root
    (root / "toy.csv").write_bytes(b"iso3,year\nSWE,2099\n")
    cache = tmp_path / "cache"
    with pytest.raises(DataSourceError) as info:
        fetch(make_source(url=f"{base}/toy.csv"), "toy.csv", cache)
    assert "downloaded copy" in str(info.value) and f"{base}/toy.csv" in str(info.value)
    assert leftovers(cache) == []


def test_http_404_is_a_failed_download(tmp_path, http_root):
    _, base = http_root
    with pytest.raises(DataSourceError, match="HTTP 404"):
        fetch(make_source(url=f"{base}/absent.csv"), "toy.csv", tmp_path / "cache")


def test_truncated_download_is_atomic(tmp_path):
    """The server promises more bytes than it sends and closes: no partial file remains,
    and an existing good cache copy of another file is untouched."""

    class Truncating(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Length", str(len(CONTENT) * 10))
            self.end_headers()
            self.wfile.write(CONTENT[:10])
            self.wfile.flush()
            self.close_connection = True

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Truncating)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    cache = tmp_path / "cache"
    put(cache, b"keep", name="other.txt")
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/toy.csv"
        with pytest.raises(DataSourceError, match="failed"):
            fetch(make_source(url=url), "toy.csv", cache, timeout=5)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert leftovers(cache) == ["toy-source/other.txt"]


def test_mirrors_from_environment_override_config():
    env = {"GVCNEG_DATA_MIRRORS": os.pathsep.join(["/a", "/b"])}
    assert data_mirrors(["../shared/data"], env) == [Path("/a"), Path("/b")]
    assert data_mirrors(["../shared/data"], {}) == [Path("../shared/data")]


@pytest.mark.parametrize(
    ("fmt", "content"),
    [
        ("xlsx", b"PK\x03\x04 not really a zip"),
        ("parquet", b"PAR1 truncated"),
        ("dta", b"<html>"),
        ("json", b'{"a": '),
        ("csv", b""),
        ("csv", b"\x00\x01\x02binary"),
        ("rda", b"plain text"),
    ],
)
def test_check_format_rejects_malformed_files(tmp_path, fmt, content):
    path = tmp_path / f"file.{fmt}"
    path.write_bytes(content)
    with pytest.raises(ValueError):
        check_format(path, SourceFile(name=path.name, format=fmt))


def test_real_registry_file_from_the_shared_mirror(tmp_path):
    mirror = Path(__file__).resolve().parents[2].parent / "shared" / "data"
    if not (mirror / "wto-rta" / "AllRTAs.xlsx").exists():
        pytest.skip("shared data mirror not present")
    sources = load_sources()
    got = fetch(sources["wto-rta"], "AllRTAs.xlsx", tmp_path / "cache", mirrors=[mirror])
    assert sha256_of(got) == sources["wto-rta"].file("AllRTAs.xlsx").sha256
