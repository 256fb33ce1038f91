"""The rendered report in a real browser (headless Chromium): what a reviewer sees.

On the report of the end-to-end run (tests/conftest.py, the whole DAG on the small config), a
site of pages (main, ledger, provenance, code): every ledger row is in the ledger page's DOM
(in total and per document, on the chapters of the main page), no element is wider than the
viewport, every image loads, there are no console errors, the dashboard's counts match the
ledger and open it filtered, a ledger row's provenance link leads to its rule, code and input
checksums, and a figure's data downloads from its caption. Screenshots of the top and of the
ledger go to results/report/. Layout at other widths and axe-core: test_browser_layout.py.
"""

from pathlib import Path

import pandas as pd
import pytest

from gvcneg.report.provenance import anchor_id

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _opened(new_browser, path: Path):
    """A 1280 px window on one page of the report, closed when the module's tests are done."""
    browser = new_browser(1280)
    try:
        browser.open(path.as_uri(), settle=3.0)
        yield browser
    finally:
        browser.close()


@pytest.fixture(scope="module")
def page(new_browser, report_dir):
    """The main page."""
    yield from _opened(new_browser, report_dir / "gvcneg_report.html")


@pytest.fixture(scope="module")
def ledger_page(new_browser, report_dir):
    yield from _opened(new_browser, report_dir / "ledger.html")


@pytest.fixture(scope="module")
def ledger(small_dag):
    return pd.read_csv(small_dag.workdir / "results" / "ledger.csv")


def test_every_ledger_row_is_in_the_dom(page, ledger_page, ledger):
    rows = ledger_page.evaluate(
        "Array.from(document.querySelectorAll('#ledger-table tbody tr'))"
        ".map(tr => tr.querySelector('td:nth-child(5)').textContent.trim())"
    )
    assert len(rows) == len(ledger)
    counted = pd.Series(rows).value_counts().to_dict()
    assert counted == ledger["document"].value_counts().to_dict()
    # Each document's chapter table (main page) holds that document's rows.
    for document, expected in ledger["document"].value_counts().items():
        found = page.evaluate(
            f"document.querySelectorAll('table.ledger-doc tr[data-document=\"{document}\"]').length"
        )
        assert found == expected, document


def test_ledger_text_is_not_reparsed_as_markdown_or_maths(ledger_page, ledger):
    """A '$', '*' or '^' in a claim stays a character: no formula, no emphasis."""
    assert ledger_page.evaluate("document.querySelectorAll('#ledger-table math').length") == 0
    claims = ledger_page.evaluate(
        "Array.from(document.querySelectorAll('#ledger-table tbody tr'))"
        ".map(tr => tr.querySelector('td:nth-child(4)').textContent)"
    )
    assert sorted(claims) == sorted(ledger["claim"].astype(str))


def test_a_ledger_row_is_short_until_opened(ledger_page):
    """The explanation and the links sit in an expander: rows stay a few lines tall."""
    heights = ledger_page.evaluate(
        "Array.from(document.querySelectorAll('#ledger-table tbody tr'))"
        ".map(tr => tr.getBoundingClientRect().height)"
    )
    assert max(heights) < 320, max(heights)
    assert ledger_page.evaluate("document.querySelectorAll('#ledger-table details').length") > 0


def test_no_element_is_wider_than_the_viewport(page):
    scroll_width, viewport, offenders = page.sideways_overflow()
    assert offenders == []
    assert scroll_width <= viewport + 1, (scroll_width, viewport)


def test_every_image_loads(page):
    images = page.evaluate(
        """(async () => {
        const imgs = Array.from(document.images);
        imgs.forEach(i => { i.loading = 'eager'; });
        await Promise.all(imgs.map(i => i.complete ? null : new Promise(r => {
          i.addEventListener('load', r); i.addEventListener('error', r); })));
        return imgs.map(i => [i.alt.slice(0, 60), i.complete && i.naturalWidth > 0]);
      })()"""
    )
    assert images, "the report has no images"
    assert [alt for alt, ok in images if not ok] == []


def test_a_figures_data_downloads_from_its_caption(page, report_dir):
    links = page.evaluate(
        "Array.from(document.querySelectorAll('figure.exhibit figcaption a[download]'))"
        ".map(a => a.href)"
    )
    assert links, "no figure caption has a download link"
    for href in links:
        assert href.startswith("file://") and href.endswith(".csv")
        assert Path(href.removeprefix("file://")).is_file(), href


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


def test_a_dashboard_count_opens_the_ledger_filtered(new_browser, page, ledger):
    """The link of one document's total leads to the ledger showing exactly its rows."""
    document = ledger["document"].value_counts().index[0]
    href = page.evaluate(
        f'document.querySelector(\'#dashboard-counts tr[data-document="{document}"] '
        "td:last-child a').href"
    )
    browser = new_browser(1280)
    try:
        browser.open(href, settle=3.0)
        shown = browser.evaluate(
            "Array.from(document.querySelectorAll('#ledger-table tbody tr'))"
            ".map(tr => tr.querySelector('td:nth-child(5)').textContent.trim())"
        )
    finally:
        browser.close()
    assert set(shown) == {document} and len(shown) == (ledger["document"] == document).sum()


def test_a_ledger_rows_provenance_link_resolves(ledger_page, report_dir):
    """One click from a row reaches its entry: rule, code links, inputs with sha256."""
    document, href = ledger_page.evaluate(
        "(() => { const tr = document.querySelector('#ledger-table tbody tr');"
        " return [tr.querySelector('td:nth-child(5)').textContent.trim(),"
        " tr.querySelector('a.prov-link').getAttribute('href')]; })()"
    )
    assert href == "provenance.html#" + anchor_id(f"results/{document}/computed.csv")
    # The row's own code link (in its expander) lands on a def line of the code page.
    code = ledger_page.evaluate(
        "document.querySelector('#ledger-table tbody tr details a.code-link').getAttribute('href')"
    )
    assert code.startswith("code.html#code-") and "-L" in code
    assert f'id="{code.split("#")[1]}"' in (report_dir / "code.html").read_text()
    ledger_page.open(f"{(report_dir / 'provenance.html').as_uri()}#{href.split('#')[1]}", settle=1)
    entry = ledger_page.evaluate(
        f"(() => {{ const e = document.getElementById('{href.split('#')[1]}');"
        " return e && e.closest('section').textContent; })()"
    )
    assert entry, f"{href} has no target"
    for needed in (f"results/{document}/computed", "rule", "script", "functions", "sha256"):
        assert needed in entry
    top = ledger_page.evaluate(
        f"document.getElementById('{href.split('#')[1]}').getBoundingClientRect().top"
    )
    assert 0 <= top < ledger_page.height
    # Its code links land on a line of the code page that exists.
    code = ledger_page.evaluate(
        f"(() => {{ const e = document.getElementById('{href.split('#')[1]}').closest('section');"
        " return Array.from(e.querySelectorAll('a.code-link')).map(a => a.getAttribute('href')); })()"
    )
    assert code and all(link.startswith("code.html#code-") for link in code)
    text = (report_dir / "code.html").read_text()
    for link in code:
        assert f'id="{link.split("#")[1]}"' in text, link


def test_the_build_stamp_is_on_the_page(page):
    stamp = page.evaluate("document.getElementById('build-stamp').textContent")
    assert "commit" in stamp and "config" in stamp and "Python" in stamp


def test_screenshots_of_the_top_and_the_ledger(page, ledger_page, report_dir):
    out = report_dir
    page.evaluate("window.scrollTo(0, 0)")
    top = page.screenshot(out / "screenshot_top.png")
    ledger_page.open((report_dir / "ledger.html").as_uri(), settle=2.0)
    ledger_shot = ledger_page.screenshot(out / "screenshot_ledger.png")
    for shot in (top, ledger_shot):
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5_000
