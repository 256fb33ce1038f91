"""The coder as the DAG runs it: shipped examples and the user's texts file."""

import pandas as pd
import pytest

from gvcneg.empirics.gvcdr2025_ch8.coder_run import (
    TextsError,
    code_examples,
    code_ttd_texts,
    load_examples,
    read_ttd_texts,
)


def test_shipped_examples_are_coded_as_footnote_15_reads():
    table = code_examples(load_examples())
    assert table["agrees"].all(), table[~table["agrees"]]
    assert table.iloc[0]["id"].startswith("chapter_quotation")
    assert set(table["dispute_settlement"]) >= {"consultative", "adjudicative", "not_specified"}


def test_user_texts_are_coded_and_validated(tmp_path):
    path = tmp_path / "ttd_texts.csv"
    pd.DataFrame(
        {
            "ttd_id": ["D1", "D2"],
            "text": [
                "Each Party shall ensure open access to the internet.",
                "This arrangement is not legally binding.",
            ],
        }
    ).to_csv(path, index=False)
    coded = code_ttd_texts(read_ttd_texts(path)).set_index("ttd_id")
    assert coded.loc["D1", "binding_language"] == "binding"
    assert coded.loc["D2", "binding_language"] == "non_binding"
    pd.DataFrame({"ttd_id": ["D1", "D1"], "text": ["a", "b"]}).to_csv(path, index=False)
    with pytest.raises(TextsError, match="wto-ttd-texts"):
        read_ttd_texts(path)


def test_without_texts_the_table_says_what_is_awaited():
    assert code_ttd_texts(None)["status"].tolist() == ["awaiting data: wto-ttd-texts"]
