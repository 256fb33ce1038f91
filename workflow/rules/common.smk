# Shared set-up: config validation at start-up, result paths, helpers for the rule files, and
# the registries read back from the rules once every rule file is included.
import atexit
import gc
import os
import sys
from pathlib import Path

from gvcneg.config import check_config_files, select_config
from gvcneg.documents import load_documents
from gvcneg.import_graph import DependencyCache, code_files
from gvcneg.registries import derive, rule_files
from gvcneg.workflow_env import put_package_on_pythonpath, refuse_whitespace

# The files in the order their values take effect (--configfile last); keys set with
# --config are reported as such. Errors name file, line and dotted key.
_CLI_CONFIGFILES = [str(f) for f in workflow.overwrite_configfiles]
check_config_files(
    config,
    [str(f) for f in workflow.configfiles if str(f) not in _CLI_CONFIGFILES]
    + _CLI_CONFIGFILES,
    workflow.config_settings.config,
)

REPO = Path(workflow.basedir)
refuse_whitespace(
    {
        "repository": str(REPO),
        "working directory": os.getcwd(),
        "Python": sys.executable,
    }
)

DOCUMENTS = load_documents(REPO)

# Rule scripts import the package `gvcneg` from workflow/: put it on PYTHONPATH so that works in
# any environment (the project venv, --use-conda envs, cluster jobs).
put_package_on_pythonpath(REPO / "workflow")

# Conda environments per rule group (for --use-conda), generated from requirements.lock.
ENVS = {
    group: str(
        REPO / "envs" / f"{group}.yaml"
    )  # conda: paths resolve from the rule file
    for group in ("theory", "empirics", "report")
}
RESULTS = Path(config["paths"]["results"])
SEED = config["reproducibility"]["seed"]
# Python salts string hashes per process, so the order of a set of strings (and with it the
# order of a floating-point sum) changed between identical runs: the chapter-8 placebo moved in
# its 9th digit (found by tests/faults). Jobs inherit this, so every run hashes alike.
# Set here, not required from the user (so no envvars: directive); cluster jobs re-read this.
os.environ.update(PYTHONHASHSEED=str(SEED % 2**32))

# At exit, Python's collector walks every object of the parsed workflow and its DAG once more
# before freeing them: 0.4 s of a 1.7 s no-op re-run (measured, bench/README.md). Frozen
# objects are skipped by those walks and still freed. Runs after Snakemake has released its
# lock and written its log (atexit handlers run after main() returns); jobs are not affected.
atexit.register(gc.freeze)


# Each package file's direct imports, kept between starts (keyed by file version and by the
# set of package files, so an edit is always seen); see gvcneg.import_graph.DependencyCache.
_IMPORT_GRAPH = DependencyCache(
    Path(".snakemake", "gvcneg", "import_graph.json"), REPO / "workflow"
)


def code_inputs(script, also=()):
    """The script itself and the package files it runs (transitive gvcneg imports, from the
    import graph), as inputs: an edit to any of them re-runs the rule. As inputs their
    content counts, not their mtime (Snakemake's code trigger compares a script's mtime:
    a checkout re-ran jobs; the profiles leave it out). ``script`` is relative to
    workflow/scripts/, as in the rule's ``script:`` directive; tests/workflow checks that
    every script-running job has this input. ``also``: other files whose Python runs in
    the job (the report's .qmd chunks)."""
    script = REPO / "workflow" / "scripts" / script
    files = code_files(script, REPO / "workflow", also, _IMPORT_GRAPH)
    _IMPORT_GRAPH.save()
    return [os.path.relpath(f) for f in [script, *files]]


def repo_file(*parts):
    """A repository file as an input, relative to the working directory: Snakemake records
    input paths as given, so absolute ones would make a moved or re-cloned checkout re-run
    every job; relative ones keep an unchanged run up to date wherever it lives."""
    return os.path.relpath(REPO.joinpath(*parts))


def config_keys(*dotted):
    """The config values a rule reads, and no others, as the one mapping its script gets
    (``params: cfg=config_keys("deremer2023.figure_1", ...)``): Snakemake re-runs a job when
    a params value changes, so passing a whole section would re-run it for keys it never
    reads. The mapping keeps the nesting from the top: the script reads
    ``snakemake.params.cfg["deremer2023"]["figure_1"]``."""
    return select_config(config, dotted)


def res(document, *parts):
    """Path of a result file of one document: <results>/<document>/<parts...>."""
    return str(RESULTS.joinpath(document, *parts))


def logfile(document, name):
    return str(RESULTS.joinpath("logs", document, f"{name}.log"))


def benchfile(document, name):
    return str(RESULTS.joinpath("benchmarks", document, f"{name}.tsv"))


def figure_outputs(document, stem):
    """The three files of one figure: PNG, SVG and the CSV of exactly the plotted data."""
    return {
        "png": res(document, "figures", f"{stem}.png"),
        "svg": res(document, "figures", f"{stem}.svg"),
        "csv": res(document, "figures", f"{stem}.csv"),
    }


def table_outputs(document, stem):
    """The three files of one table: CSV, Markdown and HTML."""
    return {
        "csv": res(document, "tables", f"{stem}.csv"),
        "md": res(document, "tables", f"{stem}.md"),
        "html": res(document, "tables", f"{stem}.html"),
    }


def multiext_output(files, name=""):
    """One figure's or table's three files (:func:`figure_outputs`, :func:`table_outputs`) as
    one ``multiext`` output, declared once; the outputs are named ``<name>_<ext>`` (``<ext>``
    without a name), as the rule's script reads them (``snakemake.output.<name>_csv``).
    """
    extensions = {ext: f".{ext}" for ext in files}
    prefix = files[next(iter(files))].removesuffix(next(iter(extensions.values())))
    assert all(path == prefix + extensions[ext] for ext, path in files.items()), files
    return multiext(
        prefix, **{f"{name}_{ext}" if name else ext: e for ext, e in extensions.items()}
    )


def rule_scripts():
    """Each rule's script, relative to the repository (for provenance.json)."""
    return {
        r.name: os.path.relpath(
            os.path.normpath(os.path.join(os.path.dirname(r.snakefile), r.script)), REPO
        )
        for r in workflow.rules
        if r.script
    }


def derive_registries():
    """What the ledger and the report take from each document, read back from the rules
    (``<document>_*`` in ``<document>.smk``, and data.smk) once all are included: each
    document's computed.csv, its robustness.csv where it declares one, and every output of
    every rule that can run with the data here (gvcneg.registries)."""
    return derive(
        rule_files(workflow.rules),
        [d.id for d in DOCUMENTS],
        RESULTS,
        DATA_CACHE,
        source_usable,
        {d.id: list(d.exhibits) for d in DOCUMENTS},
        offline=lambda source: SOURCES[source].available,
    )


def can_make(path):
    """Whether ``path`` can be had with the data here: a registered source file if its source
    is usable, a rule's output unless that rule needs (through its inputs) a source that is not
    (REGISTRIES, derived once from the DAG after the includes). Call it only when jobs are
    planned (in input and params functions)."""
    cache = os.path.join(str(DATA_CACHE), "")
    if str(path).startswith(cache):
        return source_usable(os.path.relpath(path, cache).split(os.sep)[0])
    return str(path) not in REGISTRIES.unavailable


def inputs_that_can_be_made(candidates, when=None):
    """An input function: the named ``candidates`` that can be made here (:func:`can_make`),
    or, for a role listed in ``when``, whose ``when`` file can be."""
    when = when or {}

    def inputs(wildcards):
        return {
            role: path
            for role, path in candidates.items()
            if can_make(when.get(role, path))
        }

    return inputs
