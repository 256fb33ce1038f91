"""The workflow's rules as plain data (name, script, named inputs), read through Snakemake's API.

Snakemake's public API parses a workflow but exposes its rules only through the private
``_workflow`` attribute; this module is the one place that touches it (the adapter is pinned
by tests/devtools/test_workflow_rules.py to the installed Snakemake major version), so a
Snakemake upgrade breaks one test, not every tool that inspects rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class RuleInfo:
    name: str
    script: str | None  # relative to workflow/scripts/, as given to code_inputs()
    rule_file: str
    inputs: dict[str, list[str]] = field(default_factory=dict)  # static named inputs only


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
                    inputs[key] = [str(v) for v in values]
            rules.append(
                RuleInfo(
                    name=rule.name,
                    script=_script_relative(rule.script),
                    rule_file=str(rule.snakefile),
                    inputs=inputs,
                )
            )
    return sorted(rules, key=lambda r: r.name)
