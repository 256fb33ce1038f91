"""Rule script: equilibria, power shift and section-3.3 tables of DeRemer (2023)."""

from gvcneg.io import save_table
from gvcneg.logs import logged
from gvcneg.theory.deremer2023.tables import (
    table_equilibria,
    table_lower_tariffs,
    table_political_optimum,
    table_power_shift,
    table_remark_1_condition,
)

with logged(snakemake.log[0]) as log:
    section = snakemake.params.cfg["deremer2023"]
    out = snakemake.output
    for name, table in (
        ("equilibria", table_equilibria(section)),
        ("power", table_power_shift(section)),
        ("political_optimum", table_political_optimum(section)),
        ("remark_1_condition", table_remark_1_condition(section)),
        ("lower_tariffs", table_lower_tariffs(section)),
    ):
        save_table(table, out[f"{name}_csv"], out[f"{name}_md"], out[f"{name}_html"], ".6g")
        log.info("%s:\n%s", name, table.to_string())
