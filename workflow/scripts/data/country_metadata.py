"""Rule script: results/data/country_metadata.csv from CLASS.dta and OGHIST."""

import pandas as pd

from gvcneg.data.country_metadata import build_country_metadata, tidy_oghist
from gvcneg.data.excel import read_excel
from gvcneg.data.source_schemas import check_source_frame
from gvcneg.io import save_csv
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    class_panel = pd.read_stata(snakemake.input.class_panel)
    check_source_frame(class_panel, "wb-income-class-fy26", path=snakemake.input.class_panel)
    oghist_sheet = read_excel(
        snakemake.input.oghist, sheet_name="Country Analytical History", header=None
    )
    table = build_country_metadata(class_panel, tidy_oghist(oghist_sheet))
    log.info(
        "%d economy-fiscal-years; income group source:\n%s",
        len(table),
        table["income_group_source"].value_counts(dropna=False).to_string(),
    )
    save_csv(table, snakemake.output.csv)
