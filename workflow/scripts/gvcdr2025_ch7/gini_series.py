"""Rule script: every Gini series of chapter 7's sweep, tidy, with the data layer's clone flags
(one process for all series)."""

from gvcneg.empirics.gvcdr2025_ch7.readers import read_gini
from gvcneg.empirics.gvcdr2025_ch7.sweep import gini_with_clone_flags
from gvcneg.io import save_csv
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    for name, series in snakemake.params.cfg["gvcdr2025_ch7"]["gini_series"].items():
        gini = gini_with_clone_flags(
            read_gini(snakemake.input[name], series["source"], series.get("variable"))
        )
        save_csv(gini, snakemake.output[name])
        blocks = gini.drop_duplicates("iso3")
        blocks = blocks[blocks["cloned"]].groupby("clone_block")["iso3"].apply(", ".join)
        log.info(
            "%s %s: %d economies; blocks of identical series:\n%s",
            name,
            series,
            gini["iso3"].nunique(),
            blocks.to_string(),
        )
