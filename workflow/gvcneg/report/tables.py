"""Tables of the report: results tables, the ledger (static per document, interactive in
full), the dashboard's counts, the findings lists, the exhibit list and the data status."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from gvcneg.report import exhibits as ex
from gvcneg.report.page import (
    LABEL_IN_LOCATION,
    REPO,
    badge,
    document_name,
    document_names,
    esc,
    exhibit_rows,
    findings_anchor,
    href,
    ledger_frame,
    raw_html,
    result,
    results_dir,
    row_anchor,
    row_link,
    scroll_box_open,
)
from gvcneg.report.provenance_links import code_note, provenance_link


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
        f"{cap}{scroll_box_open(caption or table_id or 'table')}"
        f'<table{ident} class="data {classes}">'
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
    raw_html(f'{body}<p class="table-note">{_table_links(document, stem)}</p>')


def table(document: str, stem: str, caption: str = "", floatfmt: str = ".4g") -> None:
    """A results table (from its CSV), with document name and a link to its provenance."""
    path = result(document, "tables", f"{stem}.csv")
    frame = pd.read_csv(path)
    text = f"{document_name(document)}: {caption}" if caption else document_name(document)
    body = frame_html(frame, text, floatfmt, table_id=ex.anchor(document, f"tables/{stem}"))
    raw_html(f'{body}<p class="table-note">{_table_links(document, stem)}</p>')


def _table_links(document: str, stem: str) -> str:
    """The table's CSV (a download) and its provenance entry."""
    output = f"results/{document}/tables/{stem}.csv"
    download = (
        f'<a href="../{esc(document)}/tables/{esc(stem)}.csv" download>data (csv)</a>'
        if result(document, "tables", f"{stem}.csv").exists()
        else ""
    )
    return " · ".join(link for link in (download, provenance_link(output)) if link)


def load_table(document: str, stem: str) -> pd.DataFrame:
    """A results table as a data frame (for chunks that select or reshape before printing)."""
    return pd.read_csv(result(document, "tables", f"{stem}.csv"))


def computed_value(document: str, quantity: str) -> float:
    frame = pd.read_csv(result(document, "computed.csv")).set_index("quantity")
    return float(frame.loc[quantity, "value"])


def _agrees(value) -> str:
    if pd.isna(value):
        return ""
    return "yes" if str(value).lower() in ("true", "1", "1.0") else "no"


def _ledger_details(explanation: str, links: list[str]) -> str:
    """The row's long text in an expander: the row stays a few lines tall until opened."""
    parts = []
    if explanation:
        parts.append(f'<p class="why">{esc(explanation)}</p>')
    shown = [link for link in links if link]
    if shown:
        parts.append(f'<p class="row-links">{" · ".join(shown)}</p>')
    if not parts:
        return ""
    return f"<details><summary>why, code, inputs</summary>{''.join(parts)}</details>"


def _ledger_display(frame: pd.DataFrame, with_document: bool) -> pd.DataFrame:
    """The ledger for reading: id, status, agrees and claim first (what a referee scans),
    the numbers next, and the explanation with the provenance and exhibit links in an
    expander (``details``) so that a row stays short."""
    shown = pd.DataFrame()
    shown["id"] = [
        f'<a id="{row_anchor(i)}" href="{href("ledger", row_anchor(i))}">{esc(i)}</a>'
        if with_document
        else esc(i)
        for i in frame["id"]
    ]
    shown["status"] = frame["status"].map(badge).to_numpy()
    shown["agrees"] = frame["agrees"].map(_agrees).to_numpy()
    shown["claim"] = frame["claim"].fillna("").astype(str).map(esc).to_numpy()
    if with_document:
        shown["document"] = frame["document"].to_numpy()
    for column in ("location", "published"):
        shown[column] = frame[column].fillna("").astype(str).map(esc).to_numpy()
    shown["computed"] = frame["computed"].map(lambda v: "" if pd.isna(v) else f"{v:.4g}").to_numpy()
    shown["difference"] = (
        frame["difference"].map(lambda v: "" if pd.isna(v) else f"{v:.3g}").to_numpy()
    )
    shown["robustness"] = frame["robustness"].fillna("").astype(str).map(esc).to_numpy()
    shown["details"] = [
        _ledger_details(
            str(explanation) if pd.notna(explanation) else "",
            [
                code_note(f"results/{document}/computed.csv"),
                provenance_link(
                    f"results/{document}/computed.csv", text="provenance: inputs with sha256"
                ),
                exhibit_links(document, location),
            ],
        )
        for explanation, document, location in zip(
            frame["explanation"], frame["document"], frame["location"], strict=True
        )
    ]
    return shown


def exhibit_links(document: str, location) -> str:
    """Links from a ledger row to the figures and tables its location names."""
    anchors = {(r["document"], r["exhibit"]): r["anchor"] for r in exhibit_rows() if r["anchor"]}
    links = []
    for kind, number in LABEL_IN_LOCATION.findall(str(location)):
        target = anchors.get((document, f"{kind} {number}"))
        if target:
            links.append(f'<a href="{href("main", target)}">{esc(kind)} {esc(number)}</a>')
    return ", ".join(dict.fromkeys(links))


def ledger(document: str | None = None) -> None:
    """The ledger rows of one document (static table), or all rows as a sortable, filterable
    table (itables/DataTables, offline) with one anchor per row."""
    frame = ledger_frame()
    if document is not None:
        frame = frame[frame["document"] == document]
        shown = _ledger_display(frame, with_document=False)
        shown["id"] = [row_link(i) for i in frame["id"]]
        raw_html(
            frame_html(
                shown,
                f"Ledger rows of {document_name(document)} (the full, filterable ledger is in "
                "the Ledger section)",
                html_columns=tuple(shown.columns),
                classes="ledger ledger-doc",
                row_attrs=lambda r: {"data-document": document},
            )
        )
        return
    shown = _ledger_display(frame, with_document=True)
    raw_html(interactive_table(shown, "ledger-table", "The ledger: every published target"))


def interactive_table(frame: pd.DataFrame, table_id: str, label: str) -> str:
    """A DataTables table (itables, offline bundle) with per-column sorting and filters. The
    cells are HTML that the caller escaped. It scrolls inside its own keyboard-focusable
    region (not the page), under a sticky header (offline.css)."""
    from itables import to_html_datatable

    table = to_html_datatable(
        frame,
        connected=False,
        paging=False,
        allow_html=True,
        showIndex=False,
        table_id=table_id,
        classes="display compact ledger",
        # The sort and filter buttons in a second header row: the titles stay one line.
        columnControl=[{"target": 1, "content": ["order", ["searchList"]]}],
        ordering={"indicators": False, "handler": False},
        layout={"topStart": "info", "topEnd": "search", "bottomStart": None, "bottomEnd": None},
        autoWidth=False,
        display_logo_when_loading=False,
        maxBytes=0,
        maxColumns=0,
    )
    return (
        f'<div class="ledger-wrap" tabindex="0" role="region" aria-label="{esc(label)}">'
        f"{table}</div>"
    )


def itables_init() -> None:
    """The DataTables bundle (inline, offline); once, before the first interactive table."""
    import itables.options as opt
    from itables.javascript import generate_init_offline_itables_html

    raw_html(generate_init_offline_itables_html(opt.dt_bundle))


def ledger_filter(document: str = "", status: str = "") -> str:
    """The ledger page filtered (its search box, filled from ``?q=``) to one document's rows,
    one status's, or both."""
    from urllib.parse import quote

    words = " ".join(f'"{w}"' for w in (document, status) if w)
    return href("ledger") + "?q=" + quote(words)


def ledger_summary() -> None:
    """Counts of ledger rows by document and status; each count opens the ledger filtered to
    those rows."""
    frame = ledger_frame()
    counts = frame.groupby(["document", "status"]).size().unstack(fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts.loc["all documents"] = counts.sum()
    counts = counts.reset_index()
    shown = counts.copy()
    for column in counts.columns[1:]:
        status = "" if column == "total" else column
        shown[column] = [
            f'<a href="{esc(ledger_filter("" if d == "all documents" else d, status))}">{n}</a>'
            if n
            else "0"
            for d, n in zip(counts["document"], counts[column], strict=True)
        ]
    shown["document"] = counts["document"].map(esc)
    shown.insert(0, "name", counts["document"].map(lambda d: esc(document_names().get(d, d))))
    raw_html(
        frame_html(
            shown, "Ledger rows by document and status", ".0f", table_id="dashboard-counts",
            html_columns=tuple(shown.columns),
            row_attrs=lambda r: {"data-document": counts.loc[r.name, "document"]},
        )
    )  # fmt: skip


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
            f"<li>{label} {row_link(row.id, row.id.split('.', 1)[-1])}"
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


LOOPED_ITEMS = "availability.csv"


@cache
def _shown_stems() -> str:
    """The report's sources: an output whose stem they never name is not shown. A chapter that
    shows its exhibits in a loop over its own item table (``results/<document>/availability.csv``,
    one ``stem`` per row) names them there."""
    looped = []
    for document in ex.document_names(REPO):
        items = result(document, LOOPED_ITEMS)
        if items.exists():
            looped += [f'"{stem}"' for stem in pd.read_csv(items)["stem"]]
    sources = [p.read_text() for p in (REPO / "report").glob("*.qmd")]
    return "\n".join(sources + looped)


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
