"""Functions the report's Python chunks call (with ``#| output: asis``) to print a page, by
what they help with: :mod:`gvcneg.report.page` (shared: results, escaping, badges, links between
the pages, the build stamp), :mod:`gvcneg.report.tables`, :mod:`gvcneg.report.figures` and
:mod:`gvcneg.report.provenance_links` (provenance and code pages). The .qmd sources call them
as ``h.<name>`` through this module.
"""

from gvcneg.report.figures import benchmark_chart, figure, pipeline_picture
from gvcneg.report.page import (
    PAGES,
    badge,
    document_name,
    document_names,
    esc,
    href,
    ledger_frame,
    provenance,
    raw_html,
    result,
    results_dir,
    row_anchor,
    stamp,
)
from gvcneg.report.provenance_links import code_listing, provenance_link, provenance_section
from gvcneg.report.tables import (
    computed_value,
    data_status,
    exhibit_table,
    falsifiability,
    findings,
    findings_links,
    frame_html,
    itables_init,
    ledger,
    ledger_summary,
    load_table,
    print_frame,
    table,
)

__all__ = [
    "PAGES", "badge", "benchmark_chart", "code_listing", "computed_value", "data_status",
    "document_name", "document_names", "esc", "exhibit_table", "falsifiability", "figure",
    "findings", "findings_links", "frame_html", "href", "itables_init", "ledger",
    "ledger_frame", "ledger_summary", "load_table", "pipeline_picture", "print_frame",
    "provenance", "provenance_link", "provenance_section", "raw_html", "result", "results_dir",
    "row_anchor", "stamp", "table",
]  # fmt: skip
