"""Figures of the report: a document's figure with its caption (label, status, plotted data,
provenance, ledger rows), the pipeline's rule graph and the jobs' run time and memory."""

from __future__ import annotations

import re

from gvcneg.report import exhibits as ex
from gvcneg.report.page import (
    REPO,
    badge,
    document_name,
    esc,
    exhibit_rows,
    ledger_rows_for,
    provenance,
    raw_html,
    result,
    results_dir,
    row_link,
    scroll_box_open,
)
from gvcneg.report.provenance_links import code_note, provenance_link


def _exhibit_for(document: str, stem: str) -> dict | None:
    for row in exhibit_rows():
        if row["document"] == document and any(o.endswith("/" + stem) for o in row["outputs"]):
            return row
    return None


def figure(document: str, stem: str, caption: str, label: str = "") -> None:
    """A figure (SVG, legible at any width) with document name, label, status badge, the
    plotted data, its provenance and its ledger rows. The document's own figure number is
    only shown for the document's own figure: a simulated check carries its own label."""
    svg = result(document, "figures", f"{stem}.svg")
    # The picture is a file beside the page (results/<document>/figures/), not embedded: the
    # page stays light (pandoc leaves data-external images alone) and the browser draws
    # each figure as it comes into view.
    image = f"../{document}/figures/{stem}.{'svg' if svg.exists() else 'png'}"
    data = f"results/{document}/figures/{stem}.csv"
    exhibit = _exhibit_for(document, stem)
    label_text = exhibit["exhibit"] if exhibit else ""
    status = exhibit["status"] if exhibit else "supplementary"
    caption = _strip_own_label(caption, label_text)
    rows = (
        ledger_rows_for(document, label_text)
        if exhibit and not exhibit["exhibit"].startswith(("(pipeline)", "Estimator check"))
        else []
    )
    row_links = ", ".join(row_link(r, r.split(".", 1)[-1]) for r in rows)
    parts = [
        f'<span class="doc-name">{esc(document_name(document))}</span>',
        f"<strong>{esc(label_text)}</strong>" if label_text else "",
        badge(status),
        f"— {esc(caption)}",
    ]
    meta = [
        f'Plotted data: <a href="../{esc(document)}/figures/{esc(stem)}.csv" download>'
        f"<code>{esc(data)}</code></a>" if result(document, "figures", f"{stem}.csv").exists()
        else "",
        provenance_link(f"results/{document}/figures/{stem}.png") or provenance_link(data),
        code_note(f"results/{document}/figures/{stem}.png"),
    ]  # fmt: skip
    if row_links:
        meta.append(f"Ledger rows: {row_links}")
    raw_html(
        f'<figure class="exhibit" id="{ex.anchor(document, f"figures/{stem}")}">'
        f'<img src="{esc(image)}" data-external="1" loading="lazy" '
        f'alt="{esc(label_text or stem)}: {esc(caption)}" />'
        f"<figcaption>{' '.join(p for p in parts if p)}"
        f'<span class="fig-meta">{"; ".join(m for m in meta if m)}</span></figcaption></figure>'
    )


def _strip_own_label(caption: str, label: str) -> str:
    """Drop a leading "Figure 7.4 — " from a chapter's caption: the label is shown once."""
    caption = re.sub(r"^(Figure|Table)\s+[0-9][0-9.A-Za-z]*(\s*\([^)]*\))?\s*[—:-]\s*", "", caption)
    return caption


def pipeline_picture() -> None:
    """The rule graph of this run (from provenance.json), coloured by document and status."""
    from gvcneg.report import pipeline

    info = provenance().get("pipeline")
    if not info:
        raw_html("<p>The rule graph is not available (no provenance.json).</p>")
        return
    graph = {"nodes": info["graph"]["nodes"], "edges": [tuple(e) for e in info["graph"]["edges"]]}
    awaiting: dict[str, list[str]] = {}
    for row in exhibit_rows():
        if row["status"].startswith("awaiting data: "):
            for source in row["status"].removeprefix("awaiting data: ").split(", "):
                awaiting.setdefault(source, []).append(f"{row['document_name']}: {row['exhibit']}")
    colours = pipeline.document_colours(REPO)
    svg = pipeline.to_svg(pipeline.to_dot(graph, info["status"], awaiting, colours))
    legend = " ".join(
        f'<span class="badge" style="background:{c}">{esc(d)}</span>' for d, c in colours.items()
    )
    borders = "green border: up to date; red: would re-run; dashed grey: awaiting data"
    if svg is None:
        edges = "".join(f"<li><code>{esc(a)}</code> → <code>{esc(b)}</code></li>"
                        for a, b in graph["edges"])  # fmt: skip
        raw_html(
            "<p>No dot renderer could draw the rule graph (<code>graphviz-pure</code> from the "
            f"lock is missing or failed), so it is listed as edges.</p><ul>{edges}</ul>"
        )
        return
    raw_html(
        f'<figure class="exhibit pipeline" id="fig-pipeline">'
        f"{scroll_box_open('The pipeline: rule graph', 'graph-scroll')}{svg}</div>"
        f"<figcaption><strong>The pipeline</strong> — Snakemake's rule graph of this run "
        f"(<code>snakemake --rulegraph</code>), fill by document: {legend}; {borders}."
        "</figcaption></figure>"
    )


def benchmark_chart() -> None:
    from gvcneg.report import pipeline

    frame = pipeline.benchmarks(results_dir())
    if frame.empty:
        raw_html("<p>No benchmark files yet.</p>")
        return
    raw_html(
        f'<figure class="exhibit" id="fig-benchmarks">{scroll_box_open("Run time and memory")}'
        f"{pipeline.benchmark_chart(frame)}</div><figcaption><strong>Run time and peak memory"
        f"</strong> of the {min(25, len(frame))} slowest of {len(frame)} jobs of the runs that "
        "built these results (<code>results/benchmarks/</code>; Snakemake's "
        "<code>benchmark:</code> files). Total wall time of the jobs: "
        f"{frame['seconds'].sum():.0f} s; largest peak memory: "
        f"{frame['max_rss_mb'].max():.0f} MB.</figcaption></figure>"
    )
