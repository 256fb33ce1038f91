"""What the ledger and the report take from each document, derived from the rules themselves.

A document's rule file declares rules named ``<document>_*`` and their outputs; nothing else.
After every rule file is included, the Snakefile reads the rules back (``workflow.rules``) and
this module derives, once:

- ``computed``: each document's ``<results>/<document>/computed.csv`` (the ledger's input), which
  one of its rules must declare;
- ``robustness``: ``<results>/<document>/robustness.csv`` where a rule of the document declares it
  (documents with specification sweeps);
- ``report_inputs``: every declared output (without wildcards) of every rule of every document
  and of the data layer that can run here, so the report, the exhibit badges and provenance see
  every file the document's rules make; and the files of every exhibit of the manifest
  (documents.yaml): a rule of the document must declare each exhibit's PNG (figures) or CSV
  (tables), by name or through a wildcard pattern, so a misspelt stem or a missing rule fails
  the parse, naming the exhibit.

Which rules can run is decided here too, from the data: a rule that needs, through its inputs or
the rules that make them, a registered source that is neither offline nor supplied by the user
is left out of the report's inputs (its rows are "awaiting data" in the ledger). Rule inputs
given as functions are resolved only when the DAG is built, and are not followed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePath


@dataclass(frozen=True)
class RuleFiles:
    """One rule as plain data: its name, rule file, declared outputs and static inputs."""

    name: str
    rule_file: str
    outputs: tuple[str, ...]
    inputs: tuple[str, ...]


@dataclass(frozen=True)
class Registries:
    computed: dict[str, str]
    robustness: dict[str, str]
    report_inputs: list[str]
    # rule -> the unusable sources it needs (only rules that cannot run here)
    awaiting: dict[str, frozenset[str]] = field(default_factory=dict)
    # the declared outputs (without wildcards) of those rules
    unavailable: frozenset[str] = frozenset()


def rule_files(rules: Iterable) -> list[RuleFiles]:
    """Snakemake rules (``workflow.rules``) as :class:`RuleFiles`; inputs given as functions
    are left out (they are resolved only when the DAG is built)."""
    listed = []
    for rule in rules:
        inputs = tuple(str(f) for f in rule.input if isinstance(f, str))
        listed.append(
            RuleFiles(
                rule.name,
                os.path.basename(str(rule.snakefile)),
                tuple(str(f) for f in rule.output),
                inputs,
            )
        )
    return listed


# The files of one exhibit output (``figures/<stem>`` or ``tables/<stem>``), as figure_outputs()
# and table_outputs() in common.smk declare them.
EXTENSIONS = {"figures": (".png", ".svg", ".csv"), "tables": (".csv", ".md", ".html")}


def exhibit_files(output: str) -> list[str]:
    """``figures/fig_1`` -> ``figures/fig_1.png``, ``.svg``, ``.csv`` (relative to the
    document's results directory)."""
    return [output + ext for ext in EXTENSIONS[output.split("/", 1)[0]]]


def manifest_outputs(exhibits: Iterable[dict]) -> list[str]:
    """The outputs one document's manifest entries name: each exhibit's stem under figures/ or
    tables/ (by its kind), and its ``also:`` entries."""
    outputs = []
    for exhibit in exhibits:
        if exhibit.get("stem"):
            folder = "figures" if exhibit["kind"] == "figure" else "tables"
            outputs.append(f"{folder}/{exhibit['stem']}")
        outputs.extend(exhibit.get("also", ()))
    return outputs


def _as_list(value) -> list:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _has_wildcards(path: str) -> bool:
    return "{" in path


_WILDCARD = re.compile(r"\{(?P<name>\w+)(?:,(?P<constraint>[^{}]*))?\}")


def pattern_regex(pattern: str) -> re.Pattern:
    """A declared output with wildcards as a regular expression, honouring the constraints
    Snakemake writes into the pattern (``{stem,fig_8_1|fig_8_3}``); constraints containing
    braces are not supported (none is used)."""
    parts, last = [], 0
    for match in _WILDCARD.finditer(pattern):
        parts.append(re.escape(pattern[last : match.start()]))
        parts.append(f"(?:{match['constraint'] or '.+'})")
        last = match.end()
    parts.append(re.escape(pattern[last:]))
    return re.compile("".join(parts))


def producer(rules: list[RuleFiles], path: str) -> RuleFiles | None:
    """The rule declaring ``path``: by name first, else the first whose pattern matches."""
    for r in rules:
        if path in r.outputs:
            return r
    for r in rules:
        if any(_has_wildcards(o) and pattern_regex(o).fullmatch(path) for o in r.outputs):
            return r
    return None


def needed_sources(rules: list[RuleFiles], data_cache: str | PurePath) -> dict[str, frozenset[str]]:
    """Each rule's registered sources, through its inputs and the rules that make them
    (a source file is an input under ``<data_cache>/<source>/``)."""
    cache = PurePath(data_cache)
    producer = {out: r.name for r in rules for out in r.outputs if not _has_wildcards(out)}
    by_name = {r.name: r for r in rules}
    found: dict[str, frozenset[str]] = {}

    def visit(name: str, stack: tuple[str, ...]) -> frozenset[str]:
        if name in found:
            return found[name]
        if name in stack:  # a cycle is Snakemake's to report
            return frozenset()
        sources = set()
        for path in by_name[name].inputs:
            pure = PurePath(path)
            if pure.is_relative_to(cache) and len(pure.relative_to(cache).parts) >= 2:
                sources.add(pure.relative_to(cache).parts[0])
            elif path in producer:
                sources |= visit(producer[path], (*stack, name))
        found[name] = frozenset(sources)
        return found[name]

    for r in rules:
        visit(r.name, ())
    return found


def derive(
    rules: list[RuleFiles],
    documents: list[str],
    results: str | PurePath,
    data_cache: str | PurePath,
    usable: Callable[[str], bool],
    exhibits: dict[str, list[dict]] | None = None,
    offline: Callable[[str], bool] | None = None,
    data_rule_file: str = "data.smk",
) -> Registries:
    """The registries of one parsed workflow (see the module docstring). ``exhibits``: each
    document's manifest entries (documents.yaml); ``offline``: whether a source is available
    without the user (the registry's ``available``). Raises ValueError where a document's rules
    break the convention: a rule ``<document>_*`` outside ``<document>.smk``, no rule declaring
    the document's computed.csv, a manifest exhibit no rule declares, or an exhibit whose
    ``needs:`` name a source its rule does not need, or leave out one it needs that is neither
    offline nor supplied."""
    exhibits = exhibits or {}
    results = PurePath(results)
    sources = needed_sources(rules, data_cache)
    awaiting = {
        r.name: frozenset(s for s in sources[r.name] if not usable(s))
        for r in rules
        if any(not usable(s) for s in sources[r.name])
    }
    computed, robustness, report_inputs, exhibit_inputs = {}, {}, [], []
    problems = []
    for document in documents:
        own = [r for r in rules if r.name.startswith(f"{document}_")]
        misplaced = [r.name for r in own if r.rule_file != f"{document}.smk"]
        if misplaced:
            problems.append(f"rules {misplaced} are named for {document} outside {document}.smk")
        declared = {out for r in own for out in r.outputs}
        expected = str(results / document / "computed.csv")
        if expected not in declared:
            problems.append(f"no rule {document}_* declares {expected}")
        computed[document] = expected
        sweep = str(results / document / "robustness.csv")
        if sweep in declared:
            robustness[document] = sweep
        for exhibit in exhibits.get(document, ()):
            for output in manifest_outputs([exhibit]):
                # the first file (a figure's PNG, a table's CSV) must be declared; the others
                # count where a rule declares them
                for i, file in enumerate(exhibit_files(output)):
                    path = str(results / document / file)
                    made_by = producer(own, path)
                    if made_by is None and i == 0:
                        problems.append(
                            f"documents.yaml: {document} exhibit {output!r}: no rule "
                            f"{document}_* in {document}.smk declares {path}"
                        )
                    elif made_by is not None and made_by.name not in awaiting:
                        exhibit_inputs.append(path)
                    if made_by is not None and i == 0 and offline is not None:
                        declared_needs = set(_as_list(exhibit.get("needs")))
                        dag_needs = {s for s in sources[made_by.name] if not offline(s)}
                        # a supplied optional source (texts joining when given) is an input
                        # only when supplied: a usable source need not be declared
                        undeclared = {s for s in dag_needs - declared_needs if not usable(s)}
                        if undeclared or not declared_needs <= dag_needs:
                            problems.append(
                                f"documents.yaml: {document} exhibit {output!r} declares needs "
                                f"{sorted(declared_needs)} but its rule {made_by.name} needs "
                                f"{sorted(dag_needs)} (sources not available offline)"
                            )
    if problems:
        raise ValueError("; ".join(problems))
    prefixes = tuple(f"{d}_" for d in documents)
    for r in rules:
        if not (r.name.startswith(prefixes) or r.rule_file == data_rule_file):
            continue
        if r.name in awaiting:
            continue
        report_inputs.extend(out for out in r.outputs if not _has_wildcards(out))
    report_inputs.extend(exhibit_inputs)
    unavailable = frozenset(
        out for r in rules if r.name in awaiting for out in r.outputs if not _has_wildcards(out)
    )
    return Registries(
        computed, robustness, list(dict.fromkeys(report_inputs)), awaiting, unavailable
    )
