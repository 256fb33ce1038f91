"""Rule script: equilibria and power-shift tables of DeRemer (2023)."""

from gvcneg.io import save_table
from gvcneg.logs import logged
from gvcneg.theory.deremer2023.tables import table_equilibria, table_power_shift

with logged(snakemake.log[0]) as log:
    section = snakemake.params.section
    equilibria = table_equilibria(section)
    power = table_power_shift(section)
    out = snakemake.output
    save_table(equilibria, out.equilibria_csv, out.equilibria_md, out.equilibria_html, ".5f")
    save_table(power, out.power_csv, out.power_md, out.power_html, ".5f")
    log.info("equilibria:\n%s", equilibria.to_string())
