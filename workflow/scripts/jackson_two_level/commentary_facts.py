"""Rule script: the commentary's sourced facts table and the numbers derived from it."""

from gvcneg.io import save_table
from gvcneg.logs import logged
from gvcneg.theory.jackson_two_level.facts import (
    derive_illustration,
    load_commentary_facts,
    table_commentary_facts,
)

with logged(snakemake.log[0]) as log:
    facts = load_commentary_facts(snakemake.input.facts)
    out = snakemake.output
    save_table(table_commentary_facts(facts), out.facts_csv, out.facts_md, out.facts_html, ".4g")
    illustration = derive_illustration(facts)
    save_table(illustration, out.derived_csv, out.derived_md, out.derived_html, ".4g")
    log.info("%d facts; derived:\n%s", len(facts), illustration.to_string())
