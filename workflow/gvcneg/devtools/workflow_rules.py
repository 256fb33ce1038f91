"""The workflow's rules as plain data (name, script, named inputs), read through Snakemake's API.

Snakemake's public API parses a workflow but exposes its rules only through the private
``_workflow`` attribute; this module is the one place that touches it (the adapter is pinned
by tests/devtools/test_workflow_rules.py to the installed Snakemake major version), so a
Snakemake upgrade breaks one test, not every tool that inspects rules.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class RuleInfo:
    name: str
    script: str | None  # relative to workflow/scripts/, as given to code_inputs()
    rule_file: str
    inputs: dict[str, list[str]] = field(default_factory=dict)  # static named inputs only
    params: dict[str, object] = field(default_factory=dict)  # static params only
    has_log: bool = False
    has_benchmark: bool = False
    has_conda: bool = False
    outputs: tuple[str, ...] = ()  # as declared (relative to the working directory)


@contextlib.contextmanager
def import_root(repo: Path):
    """Parse or run another checkout's workflow in this process with that checkout's package.

    The Snakefile refuses a ``gvcneg`` imported from another tree (one import root); a tool that
    parses a copy of the repository in-process (the fault tests edit a module in a copy, the
    standalone runner) must therefore see the copy's package while it works, and the caller's
    own package again afterwards."""
    root = str(Path(repo).resolve() / "workflow")
    mine = sys.modules.get("gvcneg")
    if mine is not None and Path(mine.__file__).resolve().parents[1] == Path(root):
        yield
        return
    saved = {k: m for k, m in sys.modules.items() if k == "gvcneg" or k.startswith("gvcneg.")}
    for name in saved:
        del sys.modules[name]
    sys.path.insert(0, root)
    try:
        yield
    finally:
        sys.path.remove(root)
        for name in [k for k in sys.modules if k == "gvcneg" or k.startswith("gvcneg.")]:
            del sys.modules[name]
        sys.modules.update(saved)


def _script_relative(script: str | None) -> str | None:
    if not script:
        return None
    marker = "../scripts/"
    return script[len(marker) :] if script.startswith(marker) else script


def load_rules(repo: Path, workdir: Path | None = None) -> list[RuleInfo]:
    """Every rule of ``repo/Snakefile``; inputs given as functions are left out."""
    from snakemake.api import SnakemakeApi
    from snakemake.settings.types import OutputSettings, ResourceSettings

    repo = Path(repo).resolve()
    with import_root(repo), SnakemakeApi(OutputSettings()) as api:
        workflow_api = api.workflow(
            resource_settings=ResourceSettings(cores=1),
            snakefile=repo / "Snakefile",
            workdir=Path(workdir or repo),
        )
        rules = []
        for rule in workflow_api._workflow.rules:
            inputs = {}
            for key, value in rule.input.items():
                values = value if isinstance(value, list) else [value]
                if all(isinstance(v, str) for v in values):
                    # relative inputs are relative to the working directory
                    inputs[key] = [os.path.normpath(Path(workdir or repo) / v) for v in values]
            params = {k: v for k, v in rule.params.items() if not callable(v)}
            rules.append(
                RuleInfo(
                    name=rule.name,
                    script=_script_relative(rule.script),
                    rule_file=str(rule.snakefile),
                    inputs=inputs,
                    params=params,
                    has_log=bool(rule.log),
                    has_benchmark=bool(rule.benchmark),
                    has_conda=bool(rule.conda_env),
                    outputs=tuple(str(f) for f in rule.output),
                )
            )
    return sorted(rules, key=lambda r: r.name)


@dataclass(frozen=True)
class ScriptJob:
    """One job of a script rule, resolved as Snakemake would run it."""

    rule: str
    script: Path  # absolute
    snakemake: object  # a snakemake.script.Snakemake, the object the script sees


def script_job(
    repo: Path, rule_name: str, wildcards: dict | None = None, configfiles=(), workdir=None
) -> ScriptJob:
    """The ``snakemake`` object a rule's script would receive for the given wildcards, built
    without running Snakemake (the way pypsa-eur's ``mock_snakemake`` does), so the script can
    be run, debugged or profiled on its own. Paths are made absolute."""

    from snakemake.api import SnakemakeApi
    from snakemake.dag import DAG
    from snakemake.jobs import Job
    from snakemake.script import Snakemake
    from snakemake.settings.types import (
        ConfigSettings,
        DAGSettings,
        OutputSettings,
        ResourceSettings,
    )

    repo = Path(repo).resolve()
    workdir = Path(workdir or repo).resolve()
    with import_root(repo), SnakemakeApi(OutputSettings()) as api:
        workflow_api = api.workflow(
            resource_settings=ResourceSettings(cores=1),
            config_settings=ConfigSettings(configfiles=[Path(f).resolve() for f in configfiles]),
            snakefile=repo / "Snakefile",
            workdir=workdir,
        )
        workflow = workflow_api._workflow
        workflow.rules  # noqa: B018 -- parses the Snakefile
        workflow.global_resources = {}
        workflow.dag_settings = DAGSettings(rerun_triggers=[])
        rule = workflow.get_rule(rule_name)
        if not rule.script:
            raise ValueError(f"rule {rule_name} runs no script")
        job = Job(rule, DAG(workflow, rules=[rule]), dict(wildcards or {}))
        for files in (job.input, job.output, job.log):
            for i, path in enumerate(files):
                files[i] = os.path.abspath(path)
        snakemake = Snakemake(
            job.input,
            job.output,
            job.params,
            job.wildcards,
            job.threads,
            job.resources,
            job.log,
            workflow.config,
            rule.name,
            None,
        )
        script = (Path(rule.snakefile).parent / rule.script).resolve()
    return ScriptJob(rule_name, script, snakemake)


@dataclass(frozen=True)
class StaleOutput:
    """A declared output of a job the run would not re-run, although the output breaks the
    invariant "exists and was produced by the current code, parameters and inputs"."""

    path: str  # as the rule declares it (relative to the working directory)
    rule: str
    problem: str  # for the user: why the job is forced

    def message(self) -> str:
        return f"{self.path} (rule {self.rule}): {self.problem}"


def _snakemake_args(argv: list[str]):
    """Snakemake's own command-line parser (profiles included) applied to ``argv``."""
    from snakemake.cli import parse_args, parse_config, parse_rerun_triggers

    _, args = parse_args(list(argv))
    triggers = args.rerun_triggers
    if triggers and not all(hasattr(t, "name") for t in triggers):
        triggers = parse_rerun_triggers(triggers)
    return args, parse_config(args.config), triggers


def stale_outputs(argv: list[str]) -> list[StaleOutput]:
    """The outputs a run started with the Snakemake command line ``argv`` (without the program
    name, run in the current directory) must rebuild but would not plan by itself.

    Snakemake re-runs a job whose output is missing only when a consumer re-runs, compares a
    script's modification time (not its content) and trusts any existing file. Read from its
    own DAG and metadata (``.snakemake/metadata``), for every job the run would *not* execute,
    an output is stale when it is
      * missing (deleted by an interrupted run, by hand, or never written),
      * empty, or no longer the file its job wrote (its modification time differs from the
        end time Snakemake recorded: overwritten, truncated or edited outside the pipeline),
      * without any record of the job that wrote it,
      * marked incomplete (its job was killed while writing), or
      * written by other code or parameters than today's (Snakemake's own comparison; code
        only for rules whose code Snakemake records, i.e. shell and run rules -- a script's
        content is tracked as an input, see ``code_inputs`` in workflow/rules/common.smk).
    Temporary outputs (``temp()``) are expected to be gone and are left out.
    """
    from snakemake.api import SnakemakeApi
    from snakemake.io import is_flagged
    from snakemake.settings.types import (
        ConfigSettings,
        DAGSettings,
        OutputSettings,
        Quietness,
        ResourceSettings,
    )

    args, config, triggers = _snakemake_args(argv)
    if args.forceall:  # every job runs anyway
        return []
    snakefile = Path(args.snakefile).resolve() if args.snakefile else Path("Snakefile").resolve()
    with SnakemakeApi(OutputSettings(quiet={Quietness.ALL})) as api:
        workflow_api = api.workflow(
            resource_settings=ResourceSettings(cores=1),
            config_settings=ConfigSettings(
                config=config, configfiles=args.configfile or [], config_args=args.config
            ),
            snakefile=snakefile,
            workdir=Path(args.directory) if args.directory else None,
        )
        dag_api = workflow_api.dag(
            DAGSettings(
                targets=args.targets or frozenset(),
                forcerun=args.forcerun or frozenset(),
                rerun_triggers=triggers,
                force_incomplete=True,
            )
        )
        workflow = dag_api.workflow_api._workflow
        workflow._prepare_dag(forceall=False, ignore_incomplete=True, lock_warn_only=True)
        workflow._build_dag()
        dag, persistence = workflow.dag, workflow.persistence
        stale = []
        for job in dag.jobs:
            if dag.needrun(job):
                continue
            incomplete = {str(f) for f in workflow.async_run(persistence.incomplete(job))}
            for output in job.output:
                if is_flagged(output, "temp"):
                    continue
                problem = _output_problem(output, job, persistence, incomplete)
                if problem:
                    stale.append(StaleOutput(str(output), job.rule.name, problem))
    return stale


def _output_problem(output, job, persistence, incomplete: set[str]) -> str | None:
    """``output``: Snakemake's file object (its persistence API is keyed by it)."""
    path = str(output)
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return "missing, while the jobs that read it look up to date"
    if path in incomplete:
        return "left incomplete by a job that was interrupted while writing it"
    if stat.st_size == 0:
        return "empty"
    record = persistence.metadata(output)
    if record is None:
        return "no record of the job that wrote it (.snakemake/metadata)"
    if record.endtime is not None and stat.st_mtime != record.endtime:
        return "changed after its job wrote it (modification time differs from Snakemake's record)"
    if persistence.code_changed(job, file=output):
        return "written by other code (the rule's recorded code differs)"
    if persistence.params_changed(job, file=output):
        return "written with other parameters (the recorded params differ)"
    return None


def missing_declared_outputs(workflow) -> list[str]:
    """Declared outputs (temporary ones left out) of every job in the DAG of a finished run
    that do not exist: called by the Snakefile's ``onsuccess`` with its ``workflow`` object,
    so that no run reports success with one of them missing."""
    from snakemake.io import is_flagged

    dag = workflow.dag
    if dag is None:
        return []
    return sorted(
        str(f)
        for job in dag.jobs
        for f in job.output
        if not is_flagged(f, "temp") and not os.path.exists(f)
    )
