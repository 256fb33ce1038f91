"""Every rule that runs a script lists, as inputs, exactly the package files that script runs.

This is what makes an edit to any module under workflow/gvcneg/ re-run the jobs that use it
(and only those): Snakemake re-runs a job when an input's content changes.
"""

from pathlib import Path

import pytest
import yaml

from gvcneg.config import premise_modules
from gvcneg.devtools.workflow_rules import load_rules
from gvcneg.import_graph import code_files

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / "workflow"


@pytest.fixture(scope="module")
def rules():
    return load_rules(REPO)


def test_every_script_rule_tracks_its_code(rules):
    script_rules = [r for r in rules if r.script]
    assert len(script_rules) > 40
    missing = [r.name for r in script_rules if "code" not in r.inputs]
    assert not missing, f"rules without code=code_inputs(<script>): {missing}"
    for rule in script_rules:
        quarto = [p for files in rule.inputs.values() for p in files if p.endswith(".qmd")]
        script = WORKFLOW / "scripts" / rule.script
        # the script itself, by content (the profiles leave out Snakemake's mtime code trigger)
        expected = {str(script)} | {str(p) for p in code_files(script, WORKFLOW, also=quarto)}
        listed = {str(Path(p).resolve()) for p in rule.inputs["code"]}
        assert expected <= listed, f"{rule.name}: code input lacks {sorted(expected - listed)}"
        extra = {p for p in listed - expected if p.endswith(".py")}
        assert not extra, f"{rule.name}: code input names files its script never runs: {extra}"


def _parse_time_modules(tmp_path) -> set[str]:
    """Modules the Snakefile and rule files import themselves (they run when it is parsed)."""
    lines = [
        line
        for smk in [REPO / "Snakefile", *sorted((WORKFLOW / "rules").glob("*.smk"))]
        for line in smk.read_text().splitlines()
        if line.startswith(("from gvcneg", "import gvcneg"))
    ]
    probe = tmp_path / "parse_time.py"
    probe.write_text("\n".join(lines) + "\n")
    # each document's premises, found by gvcneg.config while it validates the configuration
    config = yaml.safe_load((REPO / "config.yaml").read_text())
    premises = [Path(m.__file__) for m in premise_modules(config)]
    assert premises, "no document states premises: gvcneg.config.premise_modules finds none"
    return {str(p) for f in premises for p in [f.resolve(), *code_files(f, WORKFLOW)]} | {
        str(p) for p in code_files(probe, WORKFLOW)
    }


def test_every_module_is_run_by_some_rule_or_by_the_snakefile(rules, tmp_path):
    """A module that neither a job nor the Snakefile runs is dead code in the pipeline (or a
    test-only helper that belongs under tests/)."""
    tracked = {str(Path(p).resolve()) for r in rules for p in r.inputs.get("code", [])}
    tracked |= _parse_time_modules(tmp_path)
    untracked = [
        str(p.relative_to(WORKFLOW))
        for p in sorted((WORKFLOW / "gvcneg").rglob("*.py"))
        if str(p.resolve()) not in tracked and "devtools" not in p.parts
    ]
    assert not untracked, untracked


def test_the_adapter_is_pinned_to_the_snakemake_it_was_written_for():
    """load_rules reads Snakemake's private ``_workflow``; re-check it on a major upgrade."""
    import snakemake

    assert snakemake.__version__.split(".")[0] == "9"
