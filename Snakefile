# gvcneg: one DAG from theory-model solves and data assembly to estimation, figures/tables,
# the ledger of published targets and the rendered report.
from snakemake.utils import min_version

min_version("9.0")


# One import root: the package `gvcneg` comes from this checkout's workflow/, never from
# whichever checkout a shared virtualenv was installed from (its editable install). Jobs get the
# same directory first on PYTHONPATH (common.smk); a package already imported from another tree
# is refused rather than mixed with this one.
import sys

sys.path.insert(0, os.path.join(workflow.basedir, "workflow"))
import gvcneg

if not os.path.samefile(
    os.path.dirname(os.path.dirname(gvcneg.__file__)),
    os.path.join(workflow.basedir, "workflow"),
):
    raise ImportError(
        f"gvcneg was imported from {gvcneg.__file__}, not from this checkout's workflow/ "
        f"({workflow.basedir}): run Snakemake in a fresh process"
    )

# A YAML syntax error is reported as file:line:column before Snakemake loads the files
# (Snakemake's own message names neither file nor line).
from gvcneg.config import check_yaml_syntax

CONFIG_FILES = [
    os.path.join(workflow.basedir, f) for f in ("config.yaml", "paths.yaml")
]
check_yaml_syntax(CONFIG_FILES)


configfile: CONFIG_FILES[0]
configfile: CONFIG_FILES[1]


include: "workflow/rules/common.smk"
include: "workflow/rules/data.smk"


# One rule file per document, from the manifest (documents.yaml): the one list of documents.
for document in DOCUMENTS:

    include: document.rule_file(REPO)


# The ledger's and the report's inputs, derived from the rules just declared (gvcneg.registries):
# rule files register nothing.
REGISTRIES = derive_registries()
COMPUTED = REGISTRIES.computed
# Documents with specification sweeps: results/<document>/robustness.csv (columns id,
# robustness: "k/n <label>"); the ledger adds it as the column `robustness`.
ROBUSTNESS = REGISTRIES.robustness
REPORT_INPUTS = REGISTRIES.report_inputs


include: "workflow/rules/ledger.smk"
include: "workflow/rules/report.smk"


# Cached inputs are verified before any job is planned (gvcneg.data.cache_audit); asking for
# them here makes a deleted or corrupt cache file be re-fetched in this same run. Only the
# process that plans the run audits: a cluster job re-reads this file to run one rule, and many
# jobs auditing (and quarantining) one shared cache at once would race.
VERIFIED_CACHE_FILES = audit_data_cache() if workflow.is_main_process else []


rule all:
    default_target: True
    input:
        REPORT_HTML,
        LEDGER["csv"],
        VERIFIED_CACHE_FILES,
