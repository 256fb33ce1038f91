"""Rule script: the chapter 8 dyad-year panel from the registry's real covariates."""

from gvcneg.empirics.gvcdr2025_ch8.panel import PANEL_SCHEMA, build_dyad_panel, coverage_by_year
from gvcneg.empirics.gvcdr2025_ch8.panel_inputs import load_panel_inputs
from gvcneg.io import atomic_path, save_csv
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    cfg = snakemake.params.cfg["gvcdr2025_ch8"]
    files = {role: snakemake.input[role] for role in snakemake.input.keys() if role != "code"}
    inputs = load_panel_inputs(files, cfg)
    first, last = cfg["years"]["crm"]
    panel = PANEL_SCHEMA.validate(build_dyad_panel(inputs, range(first, last + 1)), lazy=True)
    coverage = coverage_by_year(panel)
    log.info("panel: %d rows, %d economies", len(panel), panel["exporter"].nunique())
    log.info("coverage by year:\n%s", coverage.T.to_string())
    with atomic_path(snakemake.output.panel) as tmp:
        panel.to_parquet(tmp, index=False)
    save_csv(coverage, snakemake.output.coverage)
    save_csv(inputs.bloc_members, snakemake.output.blocs)
    save_csv(inputs.dci_components, snakemake.output.dci_components)
