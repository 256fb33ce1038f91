"""Provenance you can follow: links from a number or a figure to its provenance entry, the
provenance page (one entry per output group: rule, code, direct inputs and raw sources with
sha256, the source's citation and URL) and the code page (every script and module an entry
names, line-numbered, each function a link target).

An output group is the files one job writes under one stem (a figure's csv, png and svg): they
share rule, code and inputs, so they share one entry, which lists each file's own sha256; every
member keeps its own anchor (``gvcneg.report.provenance.anchor_id``), so old links still land.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import PurePosixPath

from gvcneg.report.page import REPO, esc, href, provenance, raw_html, scroll_box_open
from gvcneg.report.provenance import anchor_id


def provenance_link(output: str, text: str = "provenance") -> str:
    """A link to ``output``'s entry on the provenance page ('' when it has none)."""
    if output not in provenance()["outputs"]:
        return ""
    return f'<a class="prov-link" href="{href("provenance", anchor_id(output))}">{esc(text)}</a>'


# Plumbing every rule script calls (reading, writing, logging, comparing): not "the function
# that computed" a number, so not offered as its code link.
PLUMBING = ("gvcneg.io.", "gvcneg.logs.", "gvcneg.ledger.")


def code_note(output: str) -> str:
    """ "code: " and links to the functions that computed ``output`` (the rule script's own
    imports from the package, less the plumbing), on the code page; '' when there are none."""
    entry = provenance()["outputs"].get(output)
    functions = [f for f in (entry or {}).get("functions", []) if not f.startswith(PLUMBING)]
    return "code: " + ", ".join(function_link(f) for f in functions) if functions else ""


# --- output groups ----------------------------------------------------------------------------


def group_key(output: str, rule: str) -> tuple[str, str]:
    """Files of one rule under one stem (``x.csv``, ``x.png``, ``x.svg``) form one group."""
    path = PurePosixPath(output)
    return rule, str(path.with_suffix("")) if path.suffix else output


def output_groups(outputs: dict) -> dict[tuple[str, str], list[str]]:
    groups: dict[tuple[str, str], list[str]] = {}
    for output, entry in sorted(outputs.items()):
        groups.setdefault(group_key(output, entry["rule"]), []).append(output)
    return groups


# --- code -------------------------------------------------------------------------------------


def code_anchor(path: str, line: int | None = None) -> str:
    """The code page's id of a file (or of one of its lines)."""
    base = "code-" + re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-").lower()
    return f"{base}-L{line}" if line else base


@cache
def definitions(path: str) -> dict[str, int]:
    """Top-level functions and classes of a repository Python file, with their line."""
    file = REPO / path
    if not file.is_file():
        return {}
    tree = ast.parse(file.read_text())
    return {
        node.name: node.lineno
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }


def module_path(module: str) -> str:
    """``gvcneg.x.y`` -> ``workflow/gvcneg/x/y.py`` (or the package's ``__init__.py``)."""
    path = PurePosixPath("workflow", *module.split("."))
    if (REPO / f"{path}.py").is_file():
        return f"{path}.py"
    return f"{path}/__init__.py"


def code_link(path: str, text: str = "", line: int | None = None) -> str:
    return (
        f'<a class="code-link" href="{href("code", code_anchor(path, line))}">'
        f"<code>{esc(text or path)}</code></a>"
    )


def function_link(function: str) -> str:
    """``gvcneg.x.y.f`` as a link to ``def f`` on the code page (or to its module)."""
    module, _, name = function.rpartition(".")
    path = module_path(module)
    return code_link(path, function, definitions(path).get(name))


def code_files() -> list[str]:
    """Every script and module a provenance entry names (what the code page shows)."""
    files: set[str] = set()
    for entry in provenance()["outputs"].values():
        files |= {entry["script"], *entry["modules"]} - {""}
        files |= {module_path(f.rpartition(".")[0]) for f in entry["functions"]}
    return sorted(f for f in files if (REPO / f).is_file())


def code_listing() -> None:
    """The code page: each file with its sha256 now, line-numbered; each line a link target."""
    from gvcneg.data.fetch import sha256_of

    recorded: dict[str, set[str]] = {}
    for entry in provenance()["outputs"].values():
        for path, sha in (entry.get("code_sha256") or {}).items():
            recorded.setdefault(path, set()).add(sha)
    files = code_files()
    toc = " · ".join(f'<a href="#{code_anchor(f)}">{esc(f)}</a>' for f in files)
    raw_html(f'<nav class="code-files" aria-label="Files on this page"><p>{toc}</p></nav>')
    for path in files:
        sha = sha256_of(REPO / path)
        seen = recorded.get(path, set())
        note = (
            " <strong>(changed since an output was built from it: the run recorded "
            + ", ".join(f"<code>{esc(s[:12])}</code>" for s in sorted(seen - {sha}))
            + ")</strong>"
            if seen - {sha}
            else ""
        )
        lines = (REPO / path).read_text().splitlines()
        body = "\n".join(
            f'<span class="ln" id="{code_anchor(path, n)}">{n:>4}</span> {esc(text)}'
            for n, text in enumerate(lines, start=1)
        )
        raw_html(
            f'<section class="code-file" id="{code_anchor(path)}">'
            f"<h2><code>{esc(path)}</code></h2>"
            f'<p class="sha">sha256 <code>{esc(sha)}</code>{note}</p>'
            f"{scroll_box_open(path, 'code-scroll')}<pre><code>{body}</code></pre></div></section>"
        )


# --- sources ----------------------------------------------------------------------------------


@cache
def source_registry() -> dict:
    from gvcneg.data.registry import load_sources

    try:
        return load_sources(REPO / "sources")
    except Exception:  # noqa: BLE001 - a broken registry has its own tests; show what we can
        return {}


def source_citation(name: str, file: str) -> str:
    """The source's citation, its upstream URL and the file's download URL (sources/*.yaml)."""
    source = source_registry().get(name)
    if source is None:
        return ""
    url = next((f.url for f in source.files if f.name == file and f.url), None)
    links = [f'<a href="{esc(source.upstream_url)}">{esc(source.upstream_url)}</a>']
    if url:
        links.append(f'file: <a href="{esc(url)}">{esc(url)}</a>')
    return (
        f'<span class="cite">{esc(source.citation.strip())} ({esc(source.publisher.strip())}; '
        f"{esc(source.vintage)}; licence: {esc(source.license)}). {' · '.join(links)}</span>"
    )


# --- the provenance page ----------------------------------------------------------------------


def _input_item(path: str, sha: str | None, outputs: dict) -> str:
    """A direct input: a link to its own entry where the pipeline made it (so the trail goes on
    down to the raw sources), with its sha256."""
    target = (
        f'<a href="#{anchor_id(path)}"><code>{esc(path)}</code></a>'
        if path in outputs
        else f"<code>{esc(path)}</code>"
    )
    checksum = f" sha256 <code>{esc(sha)}</code>" if sha else " (no checksum: not a file)"
    return f"<li>{target}{checksum}</li>"


def _entry_html(members: list[str], outputs: dict, commit: str) -> str:
    entry = outputs[members[0]]
    inputs = entry["inputs"]
    checksums = entry.get("input_sha256") or {}
    sources = (
        "".join(
            f"<li><code>{esc(s['source'])}/{esc(s['file'])}</code> sha256 "
            f"<code>{esc(s['sha256'])}</code>{'' if s['pinned_in_registry'] else ' (not pinned)'}"
            f"<br>{source_citation(s['source'], s['file'])}</li>"
            for s in entry["sources"]
        )
        or "<li>none (computed from the configuration alone)</li>"
    )
    files = "".join(
        f'<li id="{anchor_id(m)}"><code>{esc(m)}</code> sha256 '
        f"<code>{esc(outputs[m]['sha256'])}</code>{_download(m)}</li>"
        for m in members
    )
    items = [
        ("files", f"<ul>{files}</ul>"),
        ("rule", f"<code>{esc(entry['rule'])}</code>"),
        ("script", code_link(entry["script"]) if entry["script"] else ""),
        ("functions", ", ".join(function_link(f) for f in entry["functions"])),
        ("modules", ", ".join(code_link(m) for m in entry["modules"])),
        ("direct inputs", "<ul>" + "".join(
            _input_item(i, checksums.get(i), outputs) for i in inputs) + "</ul>" if inputs else ""),
        ("built", f"{esc(entry['built'])}, commit <code>{esc(commit[:12])}</code>"),
    ]  # fmt: skip
    rows = "".join(f"<tr><th scope='row'>{k}</th><td>{v}</td></tr>" for k, v in items if v)
    title = members[0] if len(members) == 1 else str(PurePosixPath(members[0]).with_suffix(""))
    exts = (
        ""
        if len(members) == 1
        else "{" + ",".join(PurePosixPath(m).suffix[1:] for m in members) + "}"
    )
    return (
        f'<section class="prov"><h2><code>{esc(title)}'
        f"{'.' + esc(exts) if exts else ''}</code></h2>"
        f'{scroll_box_open(f"provenance of {title}")}<table class="prov-table">{rows}'
        f"<tr><th scope='row'>raw sources</th><td><ul>{sources}</ul></td></tr></table></div>"
        "</section>"
    )


def _download(output: str) -> str:
    """A download link to the file itself (the report sits in results/report/)."""
    relative = PurePosixPath(output)
    if relative.parts[:1] != ("results",):
        return ""
    return f' <a href="../{esc(relative.relative_to("results").as_posix())}" download>download</a>'


def provenance_section() -> None:
    """One entry per output group: its files with sha256, rule, script, functions and modules
    (links to the code page), direct inputs with sha256 (links to their own entries), raw
    sources with the registry's sha256 and the source's citation and URL, and the commit."""
    prov = provenance()
    commit = prov.get("stamp", {}).get("commit", "unknown")
    outputs = prov["outputs"]
    groups = output_groups(outputs)
    raw_html(
        f"<p>{len(outputs)} outputs in {len(groups)} groups (the files one job writes under "
        "one name).</p>"
    )
    raw_html("\n".join(_entry_html(members, outputs, commit) for members in groups.values()))
