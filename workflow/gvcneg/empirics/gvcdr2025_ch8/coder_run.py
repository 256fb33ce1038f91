"""Running the footnote-15 coder in the DAG: on the labelled example sentences shipped with
the package (always), and on the user's TTD texts when supplied (source ``wto-ttd-texts``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import yaml

from gvcneg.empirics.gvcdr2025_ch8.binding_coder import code_text, code_texts

EXAMPLES = Path(__file__).with_name("binding_examples.yaml")
CORPUS = Path(__file__).with_name("binding_corpus.yaml")
BLIND_ROUNDS = Path(__file__).with_name("binding_blind_rounds.yaml")
HELD_OUT_EVERY = 4  # every fourth corpus entry is held out: a quarter of the corpus
FIELDS = ("binding_language", "dispute_settlement")

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


def load_corpus(path: Path = CORPUS) -> list[dict]:
    """The labelled corpus, each entry marked ``held_out`` (every ``HELD_OUT_EVERY``-th)."""
    entries = yaml.safe_load(Path(path).read_text())["corpus"]
    return [{**entry, "held_out": (i + 1) % HELD_OUT_EVERY == 0} for i, entry in enumerate(entries)]


def load_blind_rounds(path: Path = BLIND_ROUNDS) -> list[dict]:
    """The blind rounds (clauses labelled by annotators who never saw the coder)."""
    return yaml.safe_load(Path(path).read_text())["rounds"]


def coder_accuracy(corpus: list[dict], blind_rounds: list[dict] = ()) -> pd.DataFrame:
    """Share of entries the coder codes as labelled, per part and field, with the entries it
    gets wrong, and what kind of measure each part is (``measure``).

    A blind round is scored by its first run (the coder as committed before the round was read;
    recorded in the round, never changed). Two blind summaries: the rounds the coder was never
    revised on (the coder as it is now, on wording it was not fitted to) and all first runs
    pooled (each round scored by the coder of its time). A round the coder was revised on is
    also shown after the revision, as the in-sample figure it then is. The corpus parts come
    first: the entries the rules were written against, and the held-out quarter (one of its
    labels was corrected after the coder's first run, see binding_corpus.yaml)."""
    rows = []

    def add(part: str, measure: str, field: str, entries: int, wrong: list[str]) -> None:
        rows.append(
            {
                "part": part,
                "measure": measure,
                "field": field,
                "entries": entries,
                "correct": entries - len(wrong),
                "accuracy": (entries - len(wrong)) / entries,
                "wrong": "; ".join(wrong),
            }
        )

    def scored(entries: list[dict]) -> dict[str, list[str]]:
        coded = [(e, code_text(e["text"])) for e in entries]
        return {f: [e["id"] for e, c in coded if getattr(c, f) != e["expected"][f]] for f in FIELDS}

    for part, held_out, measure in (
        ("corpus, tuned on", False, "in-sample"),
        ("corpus, held out", True, "held out (one label corrected after the first run)"),
    ):
        chosen = [e for e in corpus if e["held_out"] == held_out]
        if chosen:
            wrong = scored(chosen)
            for field in FIELDS:
                add(part, measure, field, len(chosen), wrong[field])
    for blind in blind_rounds:
        n = len(blind["clauses"])
        revised = bool(blind.get("revised_after"))
        after = "coder revised on it since" if revised else "coder not revised since"
        for field in FIELDS:
            wrong = list(blind["first_run"]["wrong"][field])
            add(f"blind round {blind['round']}, first run", f"blind ({after})", field, n, wrong)
        if revised:
            now = scored(blind["clauses"])
            for field in FIELDS:
                part = f"blind round {blind['round']}, after revision"
                add(part, "in-sample (not a blind measure)", field, n, now[field])
    # Two summaries of first runs: the rounds never revised on (their first runs are also their
    # scores now: a test holds them equal) and all rounds.
    summaries = (
        ("blind rounds never revised on", "blind (the coder as it is now)",
         [b for b in blind_rounds if not b.get("revised_after")]),
        ("blind rounds pooled, first runs", "blind (each round by the coder of its time)",
         list(blind_rounds)),
    )  # fmt: skip
    for part, measure, chosen in summaries:
        if not chosen:
            continue
        entries = sum(len(b["clauses"]) for b in chosen)
        for field in FIELDS:
            wrong = [f"r{b['round']}:{w}" for b in chosen for w in b["first_run"]["wrong"][field]]
            add(part, measure, field, entries, wrong)
    return pd.DataFrame(rows)


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


BINDING_SOURCES = ("coder", "ttd_file")


def apply_coded_codes(
    deals: pd.DataFrame, coded: pd.DataFrame | None, prefer: str = "coder"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The footnote-15 codes Table 8.A.5 and the counts use, and where each comes from.

    ``coded`` is the coder's table on the user's texts (``ttd_id``, ``binding_language``,
    ``dispute_settlement``, ``status``) or None. With ``prefer="coder"`` a deal with a coded
    text takes the coder's codes (the footnote's rule applied by this pipeline); every other
    deal keeps the codes of the TTD file. Returns (deals, comparison) where comparison lists
    per deal the file's and the coder's code, the one used and whether they agree.
    """
    if prefer not in BINDING_SOURCES:
        raise ValueError(f"binding_language_from {prefer!r} not in {BINDING_SOURCES}")
    fields = ["binding_language", "dispute_settlement"]
    usable = None
    if coded is not None and "status" in coded and (coded["status"] == "coded").any():
        usable = coded.loc[coded["status"] == "coded", ["ttd_id", *fields]].astype({"ttd_id": str})
        unknown = sorted(set(usable["ttd_id"]) - set(deals["ttd_id"]))
        if unknown:
            raise TextsError(
                f"source wto-ttd-texts: ttd_id(s) {unknown[:10]} have no deal in the TTD file "
                "(source wto-ttd, column ttd_id)"
            )
        not_mappable = sorted(
            set(usable["ttd_id"]) & set(deals.loc[~deals["text_available"].astype(bool), "ttd_id"])
        )
        if not_mappable:
            raise TextsError(
                f"source wto-ttd-texts: texts supplied for deals {not_mappable[:10]} whose "
                "text_available is false in the TTD file (source wto-ttd, column text_available)"
            )
    out = deals.copy()
    merged = out[["ttd_id", *fields]].merge(
        usable if usable is not None else pd.DataFrame(columns=["ttd_id", *fields]),
        on="ttd_id",
        how="left",
        suffixes=("_file", "_coder"),
    )
    rows = []
    for field in fields:
        file_codes, coder_codes = merged[f"{field}_file"], merged[f"{field}_coder"]
        use_coder = coder_codes.notna() & (prefer == "coder")
        out[field] = coder_codes.where(use_coder, file_codes).to_numpy()
        rows.append(
            pd.DataFrame(
                {
                    "ttd_id": merged["ttd_id"],
                    "field": field,
                    "ttd_file": file_codes,
                    "coder": coder_codes,
                    "used": out[field].to_numpy(),
                    "source_used": use_coder.map({True: "coder", False: "ttd_file"}),
                    "agrees": (file_codes == coder_codes).where(coder_codes.notna()),
                }
            )
        )
    return out, pd.concat(rows, ignore_index=True)
