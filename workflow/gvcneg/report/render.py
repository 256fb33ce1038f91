"""Choose the report route: ``quarto render`` where the CLI exists, else the offline renderer.

The report is a small site of self-contained pages (``report/<page>.qmd``, listed in
``_quarto.yml``) that link to each other and share one navigation bar (``nav.html``): the
main page (summary, chapters, data), the ledger, the provenance of every output and the code.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import yaml

from gvcneg.report import offline
from gvcneg.report.page import PAGES

MAIN = "report.qmd"


def page_sources(project: Path) -> dict[str, str]:
    """Each page's .qmd (from _quarto.yml's render list) -> the HTML file it becomes."""
    config = yaml.safe_load((Path(project) / "_quarto.yml").read_text())
    names = {f"{key}.qmd": file for key, file in PAGES.items()} | {MAIN: PAGES["main"]}
    return {qmd: names[qmd] for qmd in config["project"]["render"]}


def choose_renderer(env: dict | None = None) -> str:
    env = os.environ if env is None else env
    forced = env.get("GVCNEG_REPORT_RENDERER", "").strip().lower()
    if forced in ("quarto", "offline"):
        return forced
    if forced:
        raise ValueError(f"GVCNEG_REPORT_RENDERER={forced!r}; allowed: quarto, offline")
    return "quarto" if shutil.which("quarto", path=env.get("PATH")) else "offline"


def render_with_quarto(project: Path, output_html: Path, env: dict) -> Path:
    """``quarto render`` of the project; each page's embedded HTML is moved beside
    ``output_html`` under its report name (the main page to ``output_html``)."""
    out_dir = Path(output_html).parent / "_quarto"
    site = (project / "_quarto.yml").exists()
    # A project renders every page of its render list; a lone file renders itself.
    target = project if site else project / MAIN
    subprocess.run(
        ["quarto", "render", str(target), "--to", "html", "--output-dir", str(out_dir)],
        check=True,
        env=env,
        cwd=project,
    )
    pages = page_sources(project) if site else {MAIN: ""}
    for qmd, name in pages.items():
        produced = out_dir / Path(qmd).with_suffix(".html").name
        if not produced.exists():
            raise FileNotFoundError(f"quarto render did not produce {produced}")
        target = output_html if qmd == MAIN else Path(output_html).parent / name
        shutil.move(str(produced), target)
    shutil.rmtree(out_dir, ignore_errors=True)
    return Path(output_html)


def render_report(project, results, output_html, env: dict | None = None) -> str:
    """Render the project's pages against ``results``: report.qmd into ``output_html``, the
    other pages beside it; returns the route."""
    env = dict(os.environ if env is None else env)
    env["GVCNEG_RESULTS"] = str(Path(results).resolve())
    project = Path(project).resolve()
    output_html = Path(output_html).resolve()
    route = choose_renderer(env)
    if route == "quarto":
        render_with_quarto(project, output_html, env)
        return route
    os.environ["GVCNEG_RESULTS"] = env["GVCNEG_RESULTS"]
    cwd = Path.cwd()
    os.chdir(project)  # chunks run where Quarto runs them: the project directory
    try:
        for qmd, name in page_sources(project).items():
            offline.render(
                project / qmd,
                output_html if qmd == MAIN else output_html.parent / name,
                css=project / "offline.css",
                script=project / "after-body.html",
                filters=(project / "scroll-boxes.lua",),
                before=project / "nav.html",
            )
    finally:
        os.chdir(cwd)
    return route
