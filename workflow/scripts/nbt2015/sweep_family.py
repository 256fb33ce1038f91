"""Rule script: every specification of one National Board of Trade (2015) claim family."""

import pandas as pd

from gvcneg.data.excel import read_excel
from gvcneg.data.readers import read_frame
from gvcneg.data.registry import load_source_file
from gvcneg.data.source_schemas import check_source_frame
from gvcneg.empirics.nbt2015.rta_counts import tidy_rtas
from gvcneg.empirics.nbt2015.sweep import evaluate_family
from gvcneg.io import save_csv
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    params = snakemake.params
    if hasattr(snakemake.input, "desta"):
        source = load_source_file(snakemake.input.registry)
        frame = read_frame(source, params.file_name, snakemake.input.desta)
        check_source_frame(frame, source.name, params.file_name, snakemake.input.desta)
    elif hasattr(snakemake.input, "export"):
        export = read_excel(snakemake.input.export, sheet_name=params.sheet)
        frame = tidy_rtas(check_source_frame(export, "wto-rta", path=snakemake.input.export))
    else:
        frame = pd.read_csv(snakemake.input.stri)
    out = evaluate_family(
        snakemake.wildcards.family, frame, params.cfg["nbt2015"], params.specs, params.names
    )
    save_csv(out, snakemake.output.csv)
    log.info(
        "%s: %d specifications, %d rows", snakemake.wildcards.family, len(params.specs), len(out)
    )
