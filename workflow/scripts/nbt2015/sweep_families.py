"""Rule script: every specification of every National Board of Trade (2015) claim family, in
one process (each input file is read once)."""

import pandas as pd

from gvcneg.data.excel import read_excel
from gvcneg.data.readers import read_frame
from gvcneg.data.registry import load_source_file
from gvcneg.data.source_schemas import check_source_frame
from gvcneg.empirics.nbt2015.rta_counts import tidy_rtas
from gvcneg.empirics.nbt2015.sweep import FAMILIES, evaluate_family
from gvcneg.io import save_csv
from gvcneg.logs import logged


def read_input(role: str) -> pd.DataFrame:
    """The tidy frame a family reads, by its role in gvcneg.empirics.nbt2015.sweep.FAMILIES."""
    inp, params = snakemake.input, snakemake.params
    if role == "desta":
        source = load_source_file(inp.registry)
        frame = read_frame(source, params.file_name, inp.desta)
        return check_source_frame(frame, source.name, params.file_name, inp.desta)
    if role == "rtas":
        export = read_excel(inp.export, sheet_name=params.sheet)
        return tidy_rtas(check_source_frame(export, "wto-rta", path=inp.export))
    return pd.read_csv(inp.stri)


with logged(snakemake.log[0]) as log:
    params, frames = snakemake.params, {}
    for family, specs in params.specs.items():
        role = FAMILIES[family][0]
        if role not in frames:
            frames[role] = read_input(role)
        out = evaluate_family(
            family, frames[role].copy(), params.cfg["nbt2015"], specs, params.names[family]
        )
        save_csv(out, snakemake.output[family])
        log.info("%s: %d specifications, %d rows", family, len(specs), len(out))
