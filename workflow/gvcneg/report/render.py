"""Choose the report route: ``quarto render`` where the CLI exists, else the offline renderer."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from gvcneg.report import offline

MAIN = "report.qmd"


def choose_renderer(env: dict | None = None) -> str:
    env = os.environ if env is None else env
    forced = env.get("GVCNEG_REPORT_RENDERER", "").strip().lower()
    if forced in ("quarto", "offline"):
        return forced
    if forced:
        raise ValueError(f"GVCNEG_REPORT_RENDERER={forced!r}; allowed: quarto, offline")
    return "quarto" if shutil.which("quarto", path=env.get("PATH")) else "offline"


def render_with_quarto(project: Path, output_html: Path, env: dict) -> Path:
    """``quarto render`` of the project; the single embedded HTML is moved to ``output_html``."""
    out_dir = Path(output_html).parent / "_quarto"
    subprocess.run(
        ["quarto", "render", str(project / MAIN), "--to", "html", "--output-dir", str(out_dir)],
        check=True,
        env=env,
        cwd=project,
    )
    produced = out_dir / Path(MAIN).with_suffix(".html").name
    if not produced.exists():
        raise FileNotFoundError(f"quarto render did not produce {produced}")
    shutil.move(str(produced), output_html)
    shutil.rmtree(out_dir, ignore_errors=True)
    return Path(output_html)


def render_report(project, results, output_html, env: dict | None = None) -> str:
    """Render ``project``/report.qmd against ``results`` into ``output_html``; returns the route."""
    env = dict(os.environ if env is None else env)
    env["GVCNEG_RESULTS"] = str(Path(results).resolve())
    project = Path(project).resolve()
    output_html = Path(output_html).resolve()
    route = choose_renderer(env)
    if route == "quarto":
        render_with_quarto(project, output_html, env)
    else:
        os.environ["GVCNEG_RESULTS"] = env["GVCNEG_RESULTS"]
        cwd = Path.cwd()
        os.chdir(project)  # chunks run where Quarto runs them: the project directory
        try:
            offline.render(
                project / MAIN,
                output_html,
                css=project / "offline.css",
                script=project / "after-body.html",
            )
        finally:
            os.chdir(cwd)
    return route
