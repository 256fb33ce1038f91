"""Rule script: the footnote-15 coder on the example sentences and on the user's TTD texts."""

from gvcneg.empirics.gvcdr2025_ch8.coder_run import (
    code_examples,
    code_ttd_texts,
    coder_accuracy,
    load_blind_rounds,
    load_corpus,
    load_examples,
    read_ttd_texts,
)
from gvcneg.io import save_table
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    out = snakemake.output
    examples = code_examples(load_examples(snakemake.input.examples))
    save_table(examples, out.examples_csv, out.examples_md, out.examples_html)
    accuracy = coder_accuracy(
        load_corpus(snakemake.input.corpus), load_blind_rounds(snakemake.input.blind_rounds)
    )
    save_table(accuracy, out.accuracy_csv, out.accuracy_md, out.accuracy_html)
    log.info("coder accuracy on the labelled corpus:\n%s", accuracy.to_string())
    texts = read_ttd_texts(snakemake.input.texts) if "texts" in snakemake.input.keys() else None
    coded = code_ttd_texts(texts)
    save_table(coded, out.texts_csv, out.texts_md, out.texts_html)
    log.info(
        "examples agreeing with footnote 15: %d of %d", examples["agrees"].sum(), len(examples)
    )
    log.info("texts coded: %s", "none (awaiting wto-ttd-texts)" if texts is None else len(coded))
