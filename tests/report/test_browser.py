"""The rendered report in a real browser (headless Chromium): what a reviewer sees.

On the report of the end-to-end run (tests/conftest.py, the whole DAG on the small config):
every ledger row is in the DOM (in total and per document), no element is wider than the
viewport, every image loads, there are no console errors, the dashboard's counts match the
ledger, and a ledger row's provenance link leads to its rule, code and input checksums.
Screenshots of the top and of the ledger go to results/report/.
"""

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from gvcneg.report.provenance import anchor_id

pytestmark = [pytest.mark.slow, pytest.mark.browser]

_spec = importlib.util.spec_from_file_location("browser", Path(__file__).with_name("browser.py"))
browser_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(browser_mod)


@pytest.fixture(scope="module")
def chromium():
    path, reason = browser_mod.ensure_chromium()
    if path is None:
        pytest.skip(reason)
    return path


@pytest.fixture(scope="module")
def page(chromium, small_dag):
    report = small_dag.workdir / "results" / "report" / "gvcneg_report.html"
    browser = browser_mod.Browser(chromium, width=1280, height=900)
    try:
        browser.open(report.as_uri(), settle=3.0)
        yield browser
    finally:
        browser.close()


@pytest.fixture(scope="module")
def ledger(small_dag):
    return pd.read_csv(small_dag.workdir / "results" / "ledger.csv")


def test_every_ledger_row_is_in_the_dom(page, ledger):
    rows = page.evaluate(
        "Array.from(document.querySelectorAll('#ledger-table tbody tr'))"
        ".map(tr => tr.querySelector('td:nth-child(2)').textContent.trim())"
    )
    assert len(rows) == len(ledger)
    counted = pd.Series(rows).value_counts().to_dict()
    assert counted == ledger["document"].value_counts().to_dict()
    # Each document's chapter table holds that document's rows.
    for document, expected in ledger["document"].value_counts().items():
        found = page.evaluate(
            f"document.querySelectorAll('table.ledger-doc tr[data-document=\"{document}\"]').length"
        )
        assert found == expected, document


def test_ledger_text_is_not_reparsed_as_markdown_or_maths(page, ledger):
    """A '$', '*' or '^' in a claim stays a character: no formula, no emphasis."""
    assert page.evaluate("document.querySelectorAll('#ledger-table math').length") == 0
    claims = page.evaluate(
        "Array.from(document.querySelectorAll('#ledger-table tbody tr'))"
        ".map(tr => tr.querySelector('td:nth-child(4)').textContent)"
    )
    assert sorted(claims) == sorted(ledger["claim"].astype(str))


def test_no_element_is_wider_than_the_viewport(page):
    offenders = page.evaluate(
        """(() => {
        const vw = document.documentElement.clientWidth;
        const clipped = el => {
          for (let p = el.parentElement; p; p = p.parentElement) {
            const o = getComputedStyle(p).overflowX;
            if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
          }
          return false;
        };
        const bad = [];
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || getComputedStyle(el).position === 'fixed') continue;
          if ((r.right > vw + 1 || r.left < -1) && !clipped(el))
            bad.push(el.tagName + '#' + el.id + '.' + el.className + ' ' + Math.round(r.width));
        }
        return bad.slice(0, 20);
      })()"""
    )
    assert offenders == []
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
    )


def test_every_image_loads(page):
    images = page.evaluate(
        "Array.from(document.images).map(i => [i.alt.slice(0, 60), i.complete && "
        "i.naturalWidth > 0])"
    )
    assert images, "the report has no images"
    assert [alt for alt, ok in images if not ok] == []


def test_no_console_errors(page):
    assert page.console_errors() == []


def test_dashboard_counts_match_the_ledger(page, ledger):
    header = page.evaluate(
        "Array.from(document.querySelectorAll('#dashboard-counts thead th')).map(t => t.textContent)"
    )
    rows = page.evaluate(
        "Array.from(document.querySelectorAll('#dashboard-counts tbody tr'))"
        ".map(tr => [tr.dataset.document, Array.from(tr.cells).map(c => c.textContent)])"
    )
    expected = ledger.groupby(["document", "status"]).size()
    for document, cells in rows:
        if document == "all documents":
            assert int(cells[header.index("total")]) == len(ledger)
            continue
        for status in ledger["status"].unique():
            shown = int(cells[header.index(status)])
            assert shown == expected.get((document, status), 0), (document, status)


def test_a_ledger_rows_provenance_link_resolves(page):
    document, href = page.evaluate(
        "(() => { const tr = document.querySelector('#ledger-table tbody tr');"
        " return [tr.querySelector('td:nth-child(2)').textContent.trim(),"
        " tr.querySelector('a.prov-link').getAttribute('href')]; })()"
    )
    assert href == "#" + anchor_id(f"results/{document}/computed.csv")
    entry = page.evaluate(
        f"(() => {{ const e = document.getElementById('{href[1:]}'); return e && e.textContent; }})()"
    )
    assert entry, f"{href} has no target"
    for needed in (f"results/{document}/computed.csv", "rule", "script", "functions", "sha256"):
        assert needed in entry
    # Clicking it brings the entry into view.
    page.evaluate(f"document.querySelector('#ledger-table a[href=\"{href}\"]').click()")
    top = page.evaluate(f"document.getElementById('{href[1:]}').getBoundingClientRect().top")
    assert 0 <= top < page.height


def test_the_build_stamp_is_on_the_page(page):
    stamp = page.evaluate("document.getElementById('build-stamp').textContent")
    assert "commit" in stamp and "config" in stamp and "Python" in stamp


def test_screenshots_of_the_top_and_the_ledger(page, small_dag):
    out = small_dag.workdir / "results" / "report"
    page.evaluate("window.scrollTo(0, 0)")
    top = page.screenshot(out / "screenshot_top.png")
    page.evaluate("document.getElementById('sec-ledger').scrollIntoView()")
    ledger_shot = page.screenshot(out / "screenshot_ledger.png")
    for shot in (top, ledger_shot):
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5_000
