"""The specification curve labels every specification's choices and titles each panel with the
claim's words and its count over the document's readings; its data are the verdicts."""

import matplotlib

matplotlib.use("Agg")
import pandas as pd  # noqa: E402

from gvcneg.figures.specification_curve import specification_curve  # noqa: E402
from gvcneg.ledger.sweep import verdict_sweep  # noqa: E402

TARGETS = [
    {
        "id": "doc.negative",
        "claim": "The slope is negative",
        "quantity": "slope",
        "published": {"kind": "sign", "sign": "negative"},
    }
]


def test_panels_label_the_choices_and_print_the_document_count():
    names = [f"fy~{fy};g~{g}" for fy in (2025, 2024) for g in ("wid", "swiid")]
    sweep = pd.DataFrame(
        {"family": "f", "specification": names, "quantity": "slope", "value": [-1, 2, 1, 3]}
    )
    verdicts = verdict_sweep(sweep, TARGETS, {"f": names[0]}, {"f": {"g": ["swiid"]}})
    fig, data = specification_curve(verdicts, TARGETS, "title")
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert any(
        "The slope is negative" in t and "holds 1/2 (document's readings)" in t for t in texts
    )
    assert any("0/2 beyond" in t for t in texts)
    labels = {t.get_text() for ax in fig.axes for t in ax.get_yticklabels()}
    assert {"fy=2025", "fy=2024", "g=wid", "g=swiid"} <= labels
    assert sorted(data["value"]) == [-1, 1, 2, 3]
    assert set(data["basis"]) == {"document", "beyond the document"}
