"""Both report routes: the offline renderer (tested fully) and the Quarto CLI route (its
plumbing, with a stand-in ``quarto`` executable since the CLI cannot be installed here)."""

import base64
import os
import stat
from pathlib import Path

import pytest
import yaml

from gvcneg.report import offline, render
from gvcneg.report.page import PAGES

REPO = Path(__file__).resolve().parents[2]
PNG_1x1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture
def project(tmp_path):
    proj = tmp_path / "report"
    proj.mkdir()
    (proj / "plot.png").write_bytes(PNG_1x1)
    (proj / "report.qmd").write_text(
        "---\ntitle: Test report\n---\n\n"
        "```{python}\nx = 6 * 7\n```\n\n"
        "{{< include _chapter.qmd >}}\n"
    )
    (proj / "_chapter.qmd").write_text(
        "# Chapter {#sec-ch}\n\nThe answer is `{python} x`.\n\n"
        "```{python}\n#| output: asis\nprint('| a | b |\\n|---|---|\\n| 1 | 2 |')\n```\n\n"
        "![A figure](plot.png)\n"
    )
    (proj / "offline.css").write_text("body { color: black; }\n")
    return proj


def test_offline_render_is_self_contained(project, tmp_path):
    html = offline.render(
        project / "report.qmd", tmp_path / "out.html", css=project / "offline.css"
    )
    text = html.read_text()
    assert "Test report" in text
    assert "The answer is 42" in text
    assert "<table" in text and "<td>2</td>" in text
    assert "data:image/png;base64" in text  # figure embedded, no external file needed
    assert 'src="plot.png"' not in text


def test_failing_chunk_names_the_chunk_and_leaves_no_output(project, tmp_path):
    (project / "_chapter.qmd").write_text("```{python}\n#| label: broken\n1 / 0\n```\n")
    out = tmp_path / "out.html"
    with pytest.raises(offline.RenderError, match="broken"):
        offline.render(project / "report.qmd", out)
    assert not out.exists()


def test_route_choice(tmp_path):
    assert render.choose_renderer({"PATH": str(tmp_path)}) == "offline"
    fake = tmp_path / "quarto"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    assert render.choose_renderer({"PATH": str(tmp_path)}) == "quarto"
    assert render.choose_renderer({"PATH": "", "GVCNEG_REPORT_RENDERER": "offline"}) == "offline"
    with pytest.raises(ValueError, match="allowed"):
        render.choose_renderer({"GVCNEG_REPORT_RENDERER": "pdf"})


def _stand_in_quarto(tmp_path, before: str, write: str) -> dict:
    """An environment whose PATH finds a stand-in ``quarto`` shell script: it runs ``before``,
    finds the ``--output-dir`` argument as ``$out`` and runs ``write``."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "quarto"
    script.write_text(
        "#!/bin/sh\n"
        + before
        + 'out=""; prev=""\n'
        + 'for a in "$@"; do [ "$prev" = "--output-dir" ] && out="$a"; prev="$a"; done\n'
        + write
    )
    script.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def test_quarto_route_calls_quarto_render_and_collects_the_html(project, tmp_path):
    """A stand-in ``quarto`` records its arguments and writes what ``quarto render`` would."""
    calls = tmp_path / "calls.txt"
    env = _stand_in_quarto(
        tmp_path,
        f'echo "$@" > {calls}\n',
        'mkdir -p "$out" && echo "<html>quarto $GVCNEG_RESULTS</html>" > "$out/report.html"\n',
    )
    out = tmp_path / "results" / "report" / "r.html"
    route = render.render_report(project, tmp_path / "results", out, env=env)
    assert route == "quarto"
    assert calls.read_text().split()[:4] == ["render", str(project / "report.qmd"), "--to", "html"]
    assert str((tmp_path / "results").resolve()) in out.read_text()


def test_quarto_route_renders_every_page_of_the_project(project, tmp_path):
    """With _quarto.yml, `quarto render <project>` renders the render list; each page is moved
    beside the main one under its report name."""
    (project / "_quarto.yml").write_text(
        "project:\n  type: default\n  render:\n    - report.qmd\n    - ledger.qmd\n"
    )
    env = _stand_in_quarto(
        tmp_path,
        "",
        'mkdir -p "$out" && echo main > "$out/report.html" && echo ledger > "$out/ledger.html"\n',
    )
    out = tmp_path / "results" / "report" / "gvcneg_report.html"
    assert render.render_report(project, tmp_path / "results", out, env=env) == "quarto"
    assert out.read_text() == "main\n"
    assert (out.parent / PAGES["ledger"]).read_text() == "ledger\n"
    assert not (out.parent / "_quarto").exists()


def test_report_project_is_valid_quarto():
    """The project renders one page per report page (gvcneg.report.page.PAGES), each with the
    shared navigation; every chapter file is included by exactly one page, once."""
    config = yaml.safe_load((REPO / "report" / "_quarto.yml").read_text())
    pages = render.page_sources(REPO / "report")
    assert config["project"]["render"][0] == "report.qmd"
    assert sorted(pages.values()) == sorted(PAGES.values())
    assert config["format"]["html"]["embed-resources"] is True
    assert config["lang"] == "en"
    assert (REPO / "report" / config["format"]["html"]["include-before-body"]).exists()
    for lua in config["filters"]:
        assert (REPO / "report" / lua).exists(), lua
    included = []
    for qmd in pages:
        text = (REPO / "report" / qmd).read_text()
        for include in offline.INCLUDE.findall(text):
            assert (REPO / "report" / include).exists(), include
        included += offline.INCLUDE.findall(text)
    chapters = {p.name for p in (REPO / "report").glob("_*.qmd")}
    assert sorted(included) == sorted(chapters)


def test_every_page_links_to_every_other(tmp_path):
    nav = (REPO / "report" / "nav.html").read_text()
    for name in PAGES.values():
        assert f'href="{name}"' in nav
    assert 'role="search"' in nav and 'action="ledger.html"' in nav


def test_wide_tables_and_formulas_get_a_focusable_scroll_box(tmp_path):
    proj = tmp_path / "p"
    proj.mkdir()
    (proj / "report.qmd").write_text("# A\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n$$x^2$$\n")
    html = offline.render(
        proj / "report.qmd",
        tmp_path / "out.html",
        filters=(REPO / "report" / "scroll-boxes.lua",),
    ).read_text()
    assert '<div class="table-scroll" tabindex="0" role="region" aria-label="text table 1">' in html
    assert '<span class="math-scroll" tabindex="0" role="region" aria-label="formula 1">' in html
    assert '<html xmlns="http://www.w3.org/1999/xhtml" lang="en"' in html
    assert html.count("<main") == 1 and "</main>" in html


def test_table_text_is_not_reparsed_as_markdown_or_maths(tmp_path, monkeypatch):
    """A '$', '*' or '^' in a cell stays a character (pandoc would make maths, emphasis and
    superscripts of a pipe table's text)."""
    import pandas as pd

    from gvcneg.report import helpers

    frame = pd.DataFrame(
        {"claim": ["2021 PPP $ vs $41 billion", "4*(2*g + 1)/(59 - 9*g)", "(gM^G - gM^W) < x"]}
    )
    proj = tmp_path / "p"
    proj.mkdir()
    (proj / "report.qmd").write_text(
        "---\ntitle: T\n---\n\n```{python}\n#| output: asis\nimport pandas as pd\n"
        "from gvcneg.report import helpers as h\n"
        f"h.print_frame(pd.DataFrame({frame.to_dict('list')!r}), 'a $ caption')\n```\n"
    )
    html = offline.render(proj / "report.qmd", tmp_path / "out.html").read_text()
    assert "<math" not in html and "<em>" not in html and "<sup>" not in html
    for text in ("2021 PPP $ vs $41 billion", "4*(2*g + 1)/(59 - 9*g)", "(gM^G - gM^W) &lt; x"):
        assert text in html
    assert helpers.esc("<b>") == "&lt;b&gt;"


def test_crossreferences_resolve_to_the_section(tmp_path):
    proj = tmp_path / "p"
    proj.mkdir()
    (proj / "report.qmd").write_text(
        "# Data sources {#sec-data-sources}\n\nText.\n\n# Other\n\nSee @sec-data-sources.\n"
    )
    html = offline.render(proj / "report.qmd", tmp_path / "out.html").read_text()
    assert "@sec-data-sources" not in html
    assert 'href="#sec-data-sources"' in html and "Data sources" in html
    (proj / "report.qmd").write_text("# A {#sec-a}\n\nSee @sec-missing.\n")
    with pytest.raises(offline.RenderError, match="sec-missing"):
        offline.render(proj / "report.qmd", tmp_path / "out2.html")


def test_the_report_sources_resolve_every_crossreference():
    text = offline.resolve_includes((REPO / "report" / "report.qmd").read_text(), REPO / "report")
    ids = set(offline.HEADING.findall(text) and [m["id"] for m in offline.HEADING.finditer(text)])
    refs = {m["id"] for m in offline.CROSSREF.finditer(text)}
    assert refs <= ids, refs - ids


def test_quarto_project_keeps_toc_and_the_offline_extras():
    config = yaml.safe_load((REPO / "report" / "_quarto.yml").read_text())
    html = config["format"]["html"]
    assert html["toc"] and html["toc-location"] == "left"
    assert (REPO / "report" / html["include-after-body"]).exists()
    assert (REPO / "report" / html["css"]).exists()
