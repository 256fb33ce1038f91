"""The workflow's rules as plain data (name, script, named inputs), read through Snakemake's API.

Snakemake's public API parses a workflow but exposes its rules only through the private
``_workflow`` attribute; this module is the one place that touches it (the adapter is pinned
by tests/devtools/test_workflow_rules.py to the installed Snakemake major version), so a
Snakemake upgrade breaks one test, not every tool that inspects rules.
"""

from __future__ import annotations

import os
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
    with SnakemakeApi(OutputSettings()) as api:
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
    with SnakemakeApi(OutputSettings()) as api:
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
