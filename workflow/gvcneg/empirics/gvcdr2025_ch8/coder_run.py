"""Running the footnote-15 coder in the DAG: on the labelled example sentences shipped with
the package (always), and on the user's TTD texts when supplied (source ``wto-ttd-texts``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import yaml

from gvcneg.empirics.gvcdr2025_ch8.binding_coder import code_text, code_texts

EXAMPLES = Path(__file__).with_name("binding_examples.yaml")

TTD_TEXTS = pa.DataFrameSchema(
    {
        "ttd_id": pa.Column(str, unique=True),
        "text": pa.Column(str, pa.Check.str_length(min_value=1)),
    },
    strict=False,
    coerce=True,
)


class TextsError(ValueError):
    """The user's TTD texts file does not follow the layout of the registry entry."""


def code_examples(examples: list[dict]) -> pd.DataFrame:
    """Each example coded, next to the code expected under footnote 15 as written."""
    rows = []
    for example in examples:
        coded = code_text(example["text"])
        expected = example["expected"]
        rows.append(
            {
                "id": example["id"],
                "text": " ".join(example["text"].split()),
                "binding_language": coded.binding_language,
                "expected_binding_language": expected["binding_language"],
                "dispute_settlement": coded.dispute_settlement,
                "expected_dispute_settlement": expected["dispute_settlement"],
                "agrees": coded.binding_language == expected["binding_language"]
                and coded.dispute_settlement == expected["dispute_settlement"],
            }
        )
    return pd.DataFrame(rows)


def load_examples(path: Path = EXAMPLES) -> list[dict]:
    return yaml.safe_load(Path(path).read_text())["examples"]


def read_ttd_texts(path: Path) -> dict[str, str]:
    """The user's texts file (``ttd_id``, ``text``), validated."""
    try:
        frame = TTD_TEXTS.validate(pd.read_csv(path, dtype=str), lazy=True)
    except (pa.errors.SchemaErrors, pa.errors.SchemaError) as err:
        raise TextsError(
            f"source wto-ttd-texts, file {path}: does not follow the layout "
            f"(columns ttd_id unique, text non-empty; see sources/wto-ttd-texts.yaml):\n{err}"
        ) from err
    return dict(zip(frame["ttd_id"], frame["text"], strict=True))


def code_ttd_texts(texts: dict[str, str] | None) -> pd.DataFrame:
    """Codes of every supplied text, or one row saying which source is awaited."""
    if texts is None:
        return pd.DataFrame(
            [
                {
                    "ttd_id": "",
                    "binding_language": "",
                    "dispute_settlement": "",
                    "status": "awaiting data: wto-ttd-texts",
                }
            ]  # fmt: skip
        )
    return code_texts(texts).assign(status="coded")
