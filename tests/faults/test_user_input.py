"""Faults in what a user writes: a config integer given as a float, a target expression that
is code. Each is refused before anything runs, with an error naming the key or the target."""

import textwrap
from pathlib import Path

import pytest
import yaml

from gvcneg.config import ConfigError, validate_config
from gvcneg.ledger.compare import evaluate_expression
from gvcneg.ledger.expression import ExpressionError, evaluate
from gvcneg.ledger.targets import TargetsError, load_registry

REPO = Path(__file__).resolve().parents[2]


def repo_config() -> dict:
    config = yaml.safe_load((REPO / "config.yaml").read_text())
    config.update(yaml.safe_load((REPO / "paths.yaml").read_text()))
    return config


def test_the_repository_config_is_valid_with_strict_integers():
    validate_config(repo_config())


@pytest.mark.parametrize("value", [20251123.0, 7.5, True, "20251123"])
def test_a_seed_that_is_not_an_integer_is_refused_naming_the_key(value):
    """YAML reads ``seed: 20251123.0`` as a float; JSON Schema would count it as an integer,
    and every seeded job then died on PYTHONHASHSEED without naming the key."""
    config = repo_config()
    config["reproducibility"]["seed"] = value
    with pytest.raises(ConfigError, match=r"reproducibility\.seed") as err:
        validate_config(config)
    assert "integer" in str(err.value)


def test_every_integer_key_refuses_a_float(tmp_path):
    """Not only the seed: any key the schema types as integer (here the grid chunk count)."""
    config = repo_config()
    config["deremer2023"]["remark_grid"]["chunks"] = float(
        config["deremer2023"]["remark_grid"]["chunks"]
    )
    with pytest.raises(ConfigError, match=r"deremer2023\.remark_grid\.chunks"):
        validate_config(config)


def targets_file(tmp_path: Path, expression: str, at: str = "{}") -> Path:
    path = tmp_path / "evil.yaml"
    path.write_text(
        textwrap.dedent(
            f"""\
            document: evil
            citation: "a test"
            targets:
              - id: evil.payload
                location: "nowhere"
                claim: "a formula"
                claim_type: result
                published: {{kind: expression, expression: {expression!r}, at: {at}}}
                quantity: q
            """
        )
    )
    return path


MALICIOUS = [
    "__import__('pathlib').Path('{marker}').touch()",
    "[c for c in ().__class__.__base__.__subclasses__()]",
    "(lambda: open('{marker}', 'w'))()",
    "exp.__globals__",
    "open('{marker}', 'w')",
]


@pytest.mark.parametrize("template", MALICIOUS)
def test_a_malicious_target_expression_is_refused_naming_the_target(tmp_path, template):
    marker = tmp_path / "created-by-the-expression"
    path = targets_file(tmp_path, template.format(marker=marker))
    with pytest.raises(TargetsError, match=r"evil\.payload") as err:
        load_registry([path])
    assert "refused" in str(err.value)
    with pytest.raises(ExpressionError):
        evaluate_expression(template.format(marker=marker), {})
    assert not marker.exists(), "the expression ran"


def test_an_expression_naming_a_value_it_is_not_given_is_refused(tmp_path):
    path = targets_file(tmp_path, "s/(1 - s) + t", at="{s: 0.3}")
    with pytest.raises(TargetsError, match=r"evil\.payload.*\['t'\]"):
        load_registry([path])


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("4*(2*g + 1 - 3*e)/(59 - 9*e - 8*g)", {"g": 0.5, "e": 0.25}, 4 * 1.25 / 52.75),
        ("(exp(0.117) - 1) * 100", {}, 12.411942969053686),
        ("55 - 49", {}, 6.0),
        ("s/(1 - s)", {"s": 0.3}, 0.3 / 0.7),
        ("2^3 + 2**-1", {}, 8.5),
        ("-sqrt(x) + log(E) + max(1, 2, 3)", {"x": 4.0}, 2.0),
    ],
)
def test_the_grammar_evaluates_the_published_formulas(text, at, expected):
    assert evaluate(text, at) == pytest.approx(expected, rel=1e-12)


def test_every_expression_in_the_targets_registry_is_inside_the_grammar():
    rows = load_registry(sorted((REPO / "targets").glob("*.yaml")))
    expressions = [r for r in rows if r["published"]["kind"] == "expression"]
    assert expressions
    for row in expressions:
        published = row["published"]
        assert isinstance(evaluate(published["expression"], published.get("at", {})), float)


def test_a_huge_power_fails_at_once_instead_of_running_on():
    with pytest.raises(OverflowError):
        evaluate("9**9**9", {})
