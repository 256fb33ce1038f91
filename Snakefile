# gvcneg: one DAG from theory-model solves and data assembly to estimation, figures/tables,
# the ledger of published targets and the rendered report.
from snakemake.utils import min_version

min_version("9.0")


configfile: os.path.join(workflow.basedir, "config.yaml")
configfile: os.path.join(workflow.basedir, "paths.yaml")


include: "workflow/rules/common.smk"
include: "workflow/rules/data.smk"
include: "workflow/rules/deremer2023.smk"
include: "workflow/rules/mattoo_olarreaga2000.smk"
include: "workflow/rules/jackson_two_level.smk"
include: "workflow/rules/gvcdr2025_ch7.smk"
include: "workflow/rules/gvcdr2025_ch8.smk"
include: "workflow/rules/nbt2015.smk"
include: "workflow/rules/ledger.smk"
include: "workflow/rules/report.smk"


rule all:
    default_target: True
    input:
        REPORT_HTML,
        LEDGER["csv"],
