"""Functions the report's Python chunks call (with ``#| output: asis``) to print the page.

Every table and figure reaches the page as HTML inside a raw ``{=html}`` block, with all text
escaped, so pandoc (or Quarto) never re-parses it as Markdown: a ``$`` in a cell stays a dollar
sign, ``*`` and ``^`` stay characters. Wide tables scroll inside their own box.

The results directory comes from the environment variable ``GVCNEG_RESULTS`` (set by the
report rule); without it, ``../results`` relative to the report project.
"""

from __future__ import annotations

import html
import json
import os
import re
from functools import cache
from pathlib import Path

import pandas as pd

from gvcneg.ledger import summaries
from gvcneg.report import exhibits as ex
from gvcneg.report.provenance import anchor_id
from gvcneg.report.stamp import stamp_text

REPO = Path(__file__).resolve().parents[3]
BADGE_CLASS = {
    "reproduced": "ok",
    "transcription checked": "ok",
    "premise met": "neutral",
    "premise violated": "bad",
    "construction broken": "bad",
    "transcription differs": "bad",
    "partial data": "warn",
    "true by construction": "neutral",
    "extension: holds": "neutral",
    "redrawn diagram": "neutral",
    "supplementary": "neutral",
    "differs": "bad",
    "extension: fails": "bad",
    "stand-in": "warn",
    "substitute": "warn",
    "simulated check": "sim",
    "untestable": "warn",
    "not reproducible": "grey",
    "awaiting data": "grey",
    "flagged": "warn",
}


def results_dir() -> Path:
    return Path(os.environ.get("GVCNEG_RESULTS", Path.cwd().parent / "results")).resolve()


def result(document: str, *parts: str) -> Path:
    return results_dir().joinpath(document, *parts)


def raw_html(text: str) -> None:
    """Print HTML that pandoc and Quarto pass through untouched."""
    print(f"\n```{{=html}}\n{text}\n```\n")


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def badge(status: str) -> str:
    key = next((k for k in BADGE_CLASS if str(status).startswith(k)), "")
    return f'<span class="badge badge-{BADGE_CLASS.get(key, "neutral")}">{esc(status)}</span>'


def _format(value, floatfmt: str) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return format(value, floatfmt)
    return str(value)


def frame_html(
    frame: pd.DataFrame,
    caption: str = "",
    floatfmt: str = ".4g",
    table_id: str = "",
    html_columns: tuple = (),
    row_attrs=None,
    classes: str = "",
) -> str:
    """An escaped HTML table in a scrolling box. ``html_columns`` hold trusted HTML (links,
    badges) built by this module; every other cell is escaped. ``row_attrs(row) -> dict``."""
    head = "".join(f"<th>{esc(c)}</th>" for c in frame.columns)
    body = []
    for _, row in frame.iterrows():
        cells = "".join(
            f"<td>{row[c] if c in html_columns else esc(_format(row[c], floatfmt))}</td>"
            for c in frame.columns
        )
        attrs = "".join(
            f' {k}="{esc(v)}"' for k, v in (row_attrs(row) if row_attrs else {}).items()
        )
        body.append(f"<tr{attrs}>{cells}</tr>")
    ident = f' id="{esc(table_id)}"' if table_id else ""
    cap = f'<p class="table-caption">{esc(caption)}</p>' if caption else ""
    return (
        f'{cap}<div class="table-scroll"><table{ident} class="data {classes}">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def print_frame(
    frame: pd.DataFrame, caption: str = "", floatfmt: str = ".4g", source: tuple = ()
) -> None:
    """A data frame as an escaped HTML table. ``source=(document, stem)`` names the results
    table it shows (a selection of its columns): the table then carries the document's name,
    the anchor the exhibit table links to, and a link to its provenance."""
    if not source:
        raw_html(frame_html(frame, caption, floatfmt))
        return
    document, stem = source
    text = f"{document_name(document)}: {caption}" if caption else document_name(document)
    body = frame_html(frame, text, floatfmt, table_id=ex.anchor(document, f"tables/{stem}"))
    link = _provenance_link(f"results/{document}/tables/{stem}.csv")
    raw_html(f'{body}<p class="table-note">{link}</p>')


def table(document: str, stem: str, caption: str = "", floatfmt: str = ".4g") -> None:
    """A results table (from its CSV), with document name and a link to its provenance."""
    path = result(document, "tables", f"{stem}.csv")
    frame = pd.read_csv(path)
    output = f"results/{document}/tables/{stem}.csv"
    links = _provenance_link(output)
    text = f"{document_name(document)}: {caption}" if caption else document_name(document)
    body = frame_html(frame, text, floatfmt, table_id=ex.anchor(document, f"tables/{stem}"))
    raw_html(f'{body}<p class="table-note">{links}</p>')


def load_table(document: str, stem: str) -> pd.DataFrame:
    """A results table as a data frame (for chunks that select or reshape before printing)."""
    return pd.read_csv(result(document, "tables", f"{stem}.csv"))


def computed_value(document: str, quantity: str) -> float:
    frame = pd.read_csv(result(document, "computed.csv")).set_index("quantity")
    return float(frame.loc[quantity, "value"])


# --- registries -----------------------------------------------------------------------------


@cache
def document_names() -> dict[str, str]:
    return ex.document_names(REPO)


def document_name(document: str) -> str:
    return document_names().get(document, document)


@cache
def provenance() -> dict:
    path = results_dir() / "provenance.json"
    return json.loads(path.read_text()) if path.exists() else {"outputs": {}, "stamp": {}}


def _provenance_link(output: str) -> str:
    if output not in provenance()["outputs"]:
        return ""
    return f'<a class="prov-link" href="#{anchor_id(output)}">provenance</a>'


@cache
def ledger_frame() -> pd.DataFrame:
    return pd.read_csv(results_dir() / "ledger.csv")


def _built() -> set[str]:
    root = results_dir()
    return ex.built_stems(p.relative_to(root).as_posix() for p in root.glob("*/*/*") if p.is_file())


@cache
def exhibit_rows() -> list[dict]:
    """The exhibit list with each badge from results/exhibits.csv (the worst status among the
    exhibit's ledger rows, gvcneg.ledger.summaries), never kinder than its rows."""
    registry = ex.load_registry(REPO)
    built = _built()
    rows = ex.exhibit_rows(ex.with_supplementary(registry, built, document_names()), built)
    path = results_dir() / "exhibits.csv"
    if path.exists():
        badges = pd.read_csv(path, keep_default_na=False)
        keys = zip(badges["document"], badges["exhibit"], strict=True)
        worst = dict(zip(keys, badges["status"], strict=True))
        for row in rows:
            row["status"] = worst.get((row["document"], row["exhibit"]), row["status"])
    return rows


def _exhibit_for(document: str, stem: str) -> dict | None:
    for row in exhibit_rows():
        if row["document"] == document and any(o.endswith("/" + stem) for o in row["outputs"]):
            return row
    return None


LABEL_IN_LOCATION = summaries.LABEL_IN_LOCATION


def ledger_rows_for(document: str, label: str) -> list[str]:
    """Ids of the ledger rows whose location names this exhibit label (e.g. "Figure 7.4")."""
    return summaries.rows_naming(ledger_frame(), document, label)


def row_anchor(target_id: str) -> str:
    return "row-" + re.sub(r"[^A-Za-z0-9]+", "-", target_id).strip("-").lower()


# --- figures ----------------------------------------------------------------------------------


def figure(document: str, stem: str, caption: str, label: str = "") -> None:
    """A figure (SVG, legible at any width) with document name, label, status badge, the
    plotted data, its provenance and its ledger rows. The document's own figure number is
    only shown for the document's own figure: a simulated check carries its own label."""
    svg = result(document, "figures", f"{stem}.svg")
    png = result(document, "figures", f"{stem}.png")
    image = svg if svg.exists() else png
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
    row_links = ", ".join(
        f'<a href="#{row_anchor(r)}">{esc(r.split(".", 1)[-1])}</a>' for r in rows
    )
    parts = [
        f'<span class="doc-name">{esc(document_name(document))}</span>',
        f"<strong>{esc(label_text)}</strong>" if label_text else "",
        badge(status),
        f"— {esc(caption)}",
    ]
    meta = [f"Plotted data: <code>{esc(data)}</code>", _provenance_link(f"results/{document}/figures/{stem}.png")
            or _provenance_link(data)]  # fmt: skip
    if row_links:
        meta.append(f"Ledger rows: {row_links}")
    raw_html(
        f'<figure class="exhibit" id="{ex.anchor(document, f"figures/{stem}")}">'
        f'<img src="{esc(image)}" alt="{esc(label_text or stem)}: {esc(caption)}" />'
        f"<figcaption>{' '.join(p for p in parts if p)}"
        f'<span class="fig-meta">{"; ".join(m for m in meta if m)}</span></figcaption></figure>'
    )


def _strip_own_label(caption: str, label: str) -> str:
    """Drop a leading "Figure 7.4 — " from a chapter's caption: the label is shown once."""
    caption = re.sub(r"^(Figure|Table)\s+[0-9][0-9.A-Za-z]*(\s*\([^)]*\))?\s*[—:-]\s*", "", caption)
    return caption


# --- ledger -----------------------------------------------------------------------------------


def _ledger_display(frame: pd.DataFrame, with_document: bool) -> pd.DataFrame:
    shown = pd.DataFrame()
    shown["id"] = [
        f'<a id="{row_anchor(i)}" href="#{row_anchor(i)}">{esc(i)}</a>' if with_document else esc(i)
        for i in frame["id"]
    ]
    if with_document:
        shown["document"] = frame["document"].to_numpy()
    for column in ("location", "claim", "published"):
        shown[column] = frame[column].fillna("").astype(str).to_numpy()
    shown["computed"] = frame["computed"].map(lambda v: "" if pd.isna(v) else f"{v:.4g}").to_numpy()
    shown["difference"] = (
        frame["difference"].map(lambda v: "" if pd.isna(v) else f"{v:.3g}").to_numpy()
    )
    shown["status"] = frame["status"].map(badge).to_numpy()
    shown["agrees"] = (
        frame["agrees"]
        .map(
            lambda v: (
                "" if pd.isna(v) else ("yes" if str(v).lower() in ("true", "1", "1.0") else "no")
            )
        )
        .to_numpy()
    )
    shown["robustness"] = frame["robustness"].fillna("").astype(str).to_numpy()
    shown["explanation"] = frame["explanation"].fillna("").astype(str).to_numpy()
    shown["provenance"] = [_provenance_link(f"results/{d}/computed.csv") for d in frame["document"]]
    shown["exhibit"] = [
        exhibit_links(d, loc) for d, loc in zip(frame["document"], frame["location"], strict=True)
    ]
    return shown


def exhibit_links(document: str, location) -> str:
    """Links from a ledger row to the figures and tables its location names."""
    anchors = {(r["document"], r["exhibit"]): r["anchor"] for r in exhibit_rows() if r["anchor"]}
    links = []
    for kind, number in LABEL_IN_LOCATION.findall(str(location)):
        target = anchors.get((document, f"{kind} {number}"))
        if target:
            links.append(f'<a href="#{target}">{esc(kind)} {esc(number)}</a>')
    return ", ".join(dict.fromkeys(links))


def ledger(document: str | None = None) -> None:
    """The ledger rows of one document (static table), or all rows as a sortable, filterable
    table (itables/DataTables, offline) with one anchor per row."""
    frame = ledger_frame()
    if document is not None:
        frame = frame[frame["document"] == document]
        shown = _ledger_display(frame, with_document=False)
        shown["id"] = [f'<a href="#{row_anchor(i)}">{esc(i)}</a>' for i in frame["id"]]
        raw_html(
            frame_html(
                shown,
                f"Ledger rows of {document_name(document)} (the full, filterable ledger is in "
                "the Ledger section)",
                html_columns=("id", "status", "provenance", "exhibit"),
                classes="ledger-doc",
                row_attrs=lambda r: {"data-document": document},
            )
        )
        return
    shown = _ledger_display(frame, with_document=True)
    for column in ("location", "claim", "published", "robustness", "explanation"):
        shown[column] = shown[column].map(esc)
    raw_html(interactive_table(shown, "ledger-table"))


def interactive_table(frame: pd.DataFrame, table_id: str) -> str:
    """A DataTables table (itables, offline bundle) with per-column sorting and filters. The
    cells are HTML that the caller escaped."""
    from itables import to_html_datatable

    table = to_html_datatable(
        frame,
        connected=False,
        paging=False,
        allow_html=True,
        showIndex=False,
        table_id=table_id,
        classes="display compact",
        columnControl=["order", ["searchList"]],
        ordering={"indicators": False, "handler": False},
        layout={"topStart": "info", "topEnd": "search", "bottomStart": None, "bottomEnd": None},
        scrollX=True,
        autoWidth=False,
        display_logo_when_loading=False,
        maxBytes=0,
        maxColumns=0,
    )
    return f'<div class="ledger-wrap">{table}</div>'


def itables_init() -> None:
    """The DataTables bundle (inline, offline); once, before the first interactive table."""
    import itables.options as opt
    from itables.javascript import generate_init_offline_itables_html

    raw_html(generate_init_offline_itables_html(opt.dt_bundle))


def ledger_summary() -> None:
    frame = ledger_frame()
    counts = frame.groupby(["document", "status"]).size().unstack(fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts.loc["all documents"] = counts.sum()
    counts = counts.reset_index()
    counts.insert(0, "name", counts["document"].map(lambda d: document_names().get(d, d)))
    raw_html(
        frame_html(
            counts, "Ledger rows by document and status", ".0f", table_id="dashboard-counts",
            row_attrs=lambda r: {"data-document": r["document"]},
        )
    )  # fmt: skip


# --- findings first ---------------------------------------------------------------------------


def findings_anchor(document: str) -> str:
    return f"findings-{document}"


def findings(document: str) -> None:
    """The chapter's opening list (results/<document>/findings.csv, from the ledger): every
    row that differs, violates a premise, or is a fragile result, one line each with its
    reason, linked to its ledger row."""
    path = result(document, "findings.csv")
    listed = pd.read_csv(path, keep_default_na=False) if path.exists() else pd.DataFrame()
    head = f'<div class="findings" id="{findings_anchor(document)}"><strong>Findings first</strong>'
    if listed.empty:
        raw_html(
            f"{head}: no ledger row of this document differs, violates a premise or is "
            "fragile.</div>"
        )
        return
    items = []
    for row in listed.itertuples():
        label = badge(row.status) + (f" <em>{esc(row.robustness)}</em>" if row.robustness else "")
        items.append(
            f'<li>{label} <a href="#{row_anchor(row.id)}">{esc(row.id.split(".", 1)[-1])}</a>'
            f" ({esc(row.claim_type)}): {esc(row.reason)}</li>"
        )
    raw_html(f"{head} (from the ledger):<ul>{''.join(items)}</ul></div>")


def findings_links() -> None:
    """The report's top: one link per document to its findings list, with the count."""
    items = []
    for document, name in document_names().items():
        path = result(document, "findings.csv")
        n = len(pd.read_csv(path)) if path.exists() else 0
        items.append(
            f'<li><a href="#{findings_anchor(document)}">{esc(name)}</a>: {n} finding'
            f"{'' if n == 1 else 's'}</li>"
        )
    raw_html(f'<ul class="findings-links">{"".join(items)}</ul>')


def falsifiability(document: str, caption: str) -> None:
    """The falsifiability table, split: perturbations that violate a quoted premise of the
    document (falsification, robustness, can hold), then the sanity checks (changed rules,
    checks or calibration), which falsify nothing."""
    table = pd.read_csv(result(document, "claim_falsifiability.csv"), keep_default_na=False)
    table["claim_id"] = table["claim_id"].str.removeprefix(f"{document}.")
    premised = table[table["kind"] != "sanity check"]
    sanity = table[table["kind"] == "sanity check"]
    counts = premised.groupby("claim_id")["can_fail"].any()
    print(
        f"{int(counts.sum())} of {len(counts)} claims fail under a violated premise of the "
        f"document; {len(sanity)} further rows are sanity checks.\n"
    )
    if not premised.empty:
        shown = premised[premised["kind"] != "robustness"]
        print_frame(
            shown.drop(columns=["can_fail"]),
            f"{caption}: falsifications (a quoted premise violated, the claim fails) and claims "
            f"that can hold; {int((premised['kind'] == 'robustness').sum())} robustness rows "
            f"(verdict unchanged) are in results/{document}/claim_falsifiability.csv.",
        )
    if not sanity.empty:
        print_frame(
            sanity.drop(columns=["violates", "premise_quote", "can_fail"]),
            f"{caption}: sanity checks (no premise of the document violated; they test our "
            "code, not the claim).",
        )


# --- dashboard, exhibits, provenance, stamp ---------------------------------------------------


def stamp() -> None:
    path = results_dir() / "stamp.json"
    info = provenance().get("stamp") or (json.loads(path.read_text()) if path.exists() else {})
    if not info:
        raw_html('<p class="stamp">Build stamp: not available</p>')
        return
    dirty = info.get("dirty")
    warn = " <strong>(built from a working tree with uncommitted changes)</strong>" if dirty else ""
    raw_html(
        f'<div class="stamp" id="build-stamp"><strong>Build</strong>: {esc(stamp_text(info))}'
        f"{warn}</div>"
    )


@cache
def _shown_stems() -> str:
    """The report's sources: an output whose stem they never name is not shown."""
    from gvcneg.empirics.gvcdr2025_ch8.reporting import ITEMS

    # Chapter 8 shows its figures and tables in a loop over its availability table.
    looped = "\n".join(f'"{stem}"' for stem, *_ in ITEMS)
    return "\n".join(p.read_text() for p in (REPO / "report").glob("*.qmd")) + looped


def exhibit_table() -> None:
    rows = []
    for row in exhibit_rows():
        stems = [o.split("/", 1)[1] for o in row["outputs"]]
        shown = row["anchor"] and any(f'"{s}"' in _shown_stems() for s in stems)
        if shown:
            where = f'<a href="#{row["anchor"]}">shown</a>'
        elif row["outputs"]:
            where = "file only: " + ", ".join(
                f"<code>results/{esc(row['document'])}/{esc(o)}.csv</code>" for o in row["outputs"]
            )
        else:
            where = esc(row["note"] or "—")
        rows.append(
            {
                "document": esc(row["document_name"]),
                "exhibit": esc(row["exhibit"]),
                "title": esc(row["title"]),
                "status": badge(row["status"]),
                "where": where,
            }
        )
    frame = pd.DataFrame(rows)
    raw_html(
        frame_html(
            frame,
            "Every figure and table of the documents (and the pipeline's own), with status",
            table_id="exhibit-table",
            html_columns=tuple(frame.columns),
        )
    )


def provenance_section() -> None:
    """One entry per output: rule, script, functions, modules, inputs, raw sources with
    sha256, output sha256 and the commit. Ledger rows and figures link here."""
    prov = provenance()
    commit = prov.get("stamp", {}).get("commit", "unknown")
    parts = []
    for output, entry in sorted(prov["outputs"].items()):
        sources = (
            "".join(
                f"<li><code>{esc(s['source'])}/{esc(s['file'])}</code> sha256 "
                f"<code>{esc(s['sha256'])}</code>{'' if s['pinned_in_registry'] else ' (not pinned)'}</li>"
                for s in entry["sources"]
            )
            or "<li>none (computed from the configuration alone)</li>"
        )
        items = [
            ("rule", f"<code>{esc(entry['rule'])}</code>"),
            ("script", f"<code>{esc(entry['script'])}</code>"),
            ("functions", ", ".join(f"<code>{esc(f)}</code>" for f in entry["functions"])),
            ("modules", ", ".join(f"<code>{esc(m)}</code>" for m in entry["modules"])),
            ("inputs", ", ".join(f"<code>{esc(i)}</code>" for i in entry["inputs"][:12])
             + (f" and {len(entry['inputs']) - 12} more" if len(entry["inputs"]) > 12 else "")),
            ("output sha256", f"<code>{esc(entry['sha256'])}</code>"),
            ("built", f"{esc(entry['built'])}, commit <code>{esc(commit[:12])}</code>"),
        ]  # fmt: skip
        rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in items if v)
        parts.append(
            f'<div class="prov" id="{entry["id"]}"><h4><code>{esc(output)}</code></h4>'
            f'<div class="table-scroll"><table class="prov-table">{rows}'
            f"<tr><th>raw sources</th><td><ul>{sources}</ul></td></tr></table></div></div>"
        )
    raw_html("\n".join(parts))


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
    svg = pipeline.to_svg(pipeline.to_dot(graph, info["status"], awaiting))
    legend = " ".join(
        f'<span class="badge" style="background:{c}">{esc(d)}</span>'
        for d, c in pipeline.DOCUMENT_COLOURS.items()
    )
    borders = "green border: up to date; red: would re-run; dashed grey: awaiting data"
    if svg is None:
        edges = "".join(f"<li><code>{esc(a)}</code> → <code>{esc(b)}</code></li>"
                        for a, b in graph["edges"])  # fmt: skip
        raw_html(
            "<p>Graphviz (<code>dot</code>) is not installed, so the rule graph is listed as "
            f"edges (install Debian's <code>graphviz</code> to draw it).</p><ul>{edges}</ul>"
        )
        return
    raw_html(
        f'<figure class="exhibit pipeline" id="fig-pipeline"><div class="graph-scroll">{svg}</div>'
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
        f'<figure class="exhibit" id="fig-benchmarks"><div class="table-scroll">'
        f"{pipeline.benchmark_chart(frame)}</div><figcaption><strong>Run time and peak memory"
        f"</strong> of the {min(25, len(frame))} slowest of {len(frame)} jobs of the runs that "
        "built these results (<code>results/benchmarks/</code>; Snakemake's "
        "<code>benchmark:</code> files). Total wall time of the jobs: "
        f"{frame['seconds'].sum():.0f} s; largest peak memory: "
        f"{frame['max_rss_mb'].max():.0f} MB.</figcaption></figure>"
    )


def data_status() -> None:
    """Every registered input file and whether it could be had for this run (the table of
    ``make data-status``), with what to supply for the missing ones."""
    import yaml

    from gvcneg.data.registry import load_sources
    from gvcneg.data.status import status_table

    workdir = results_dir().parent
    paths = yaml.safe_load((REPO / "paths.yaml").read_text())
    for key in ("data_cache",):
        path = Path(paths["paths"][key])
        paths["paths"][key] = str(path if path.is_absolute() else workdir / path)
    paths["paths"]["data_mirrors"] = [
        str(p if Path(p).is_absolute() else workdir / p) for p in paths["paths"]["data_mirrors"]
    ]
    table = status_table(load_sources(REPO / "sources"), paths)
    counts = table["state"].value_counts()
    print(
        "Input files at the time of rendering: "
        + ", ".join(f"{v} {k}" for k, v in counts.items())
        + " (`make data-status` prints this list with what to supply for each missing file).\n"
    )
    print_frame(
        table[["source", "file", "format", "state", "used_by", "where to put it"]],
        "Every registered input file and its state",
    )
