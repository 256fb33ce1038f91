"""Render the Quarto project's sources to one self-contained HTML file without the Quarto CLI.

Supports the subset of Quarto the report uses: YAML front matter, ``{{< include file >}}``
shortcodes, ```` ```{python} ```` chunks with ``#| echo``/``#| output`` options (``asis``
output is spliced in as Markdown), and inline `` `{python} expr` `` code. Chunks run in one
namespace in this process, in document order. Pandoc (bundled by ``pypandoc-binary``) turns
the Markdown into standalone HTML with images embedded.
"""

from __future__ import annotations

import contextlib
import io
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from gvcneg.io import atomic_path

INCLUDE = re.compile(r"^\{\{<\s*include\s+(\S+)\s*>\}\}\s*$", re.MULTILINE)
CHUNK = re.compile(r"^```\{python\}[^\n]*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
INLINE = re.compile(r"`\{python\}\s+([^`]+)`")
HEADING = re.compile(
    r"^#{1,6}\s+(?P<title>.+?)\s*\{#(?P<id>(?:sec|fig|tbl)-[\w-]+)[^}]*\}\s*$", re.MULTILINE
)
# A Quarto cross-reference: @sec-x, @fig-x, @tbl-x (not part of an e-mail address or a word).
CROSSREF = re.compile(r"(?<![\w@/])@(?P<id>(?:sec|fig|tbl)-[\w-]*\w)")
OPTION = re.compile(r"^#\|\s*([\w-]+)\s*:\s*(.*)$")


class RenderError(RuntimeError):
    """A chunk failed or the sources are malformed."""


@dataclass
class Chunk:
    code: str
    options: dict = field(default_factory=dict)


def resolve_includes(text: str, base_dir: Path, depth: int = 0) -> str:
    """Replace ``{{< include file >}}`` shortcodes by the file's text (recursively)."""
    if depth > 10:
        raise RenderError("include nesting deeper than 10")

    def _sub(match):
        path = base_dir / match.group(1)
        if not path.exists():
            raise RenderError(f"included file not found: {path}")
        return resolve_includes(path.read_text(), path.parent, depth + 1)

    return INCLUDE.sub(_sub, text)


def split_front_matter(text: str) -> tuple[dict, str]:
    if text.startswith("---\n"):
        end = text.index("\n---", 4)
        return yaml.safe_load(text[4:end]) or {}, text[end + 4 :].lstrip("\n")
    return {}, text


def parse_blocks(body: str) -> list:
    """Alternating Markdown strings and :class:`Chunk` objects."""
    blocks, pos = [], 0
    for match in CHUNK.finditer(body):
        blocks.append(body[pos : match.start()])
        options, lines = {}, []
        for line in match.group(1).splitlines():
            opt = OPTION.match(line)
            if opt and not lines:
                options[opt.group(1)] = yaml.safe_load(opt.group(2))
            else:
                lines.append(line)
        blocks.append(Chunk("\n".join(lines), options))
        pos = match.end()
    blocks.append(body[pos:])
    return blocks


def _run(code: str, namespace: dict, where: str) -> str:
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            exec(compile(code, where, "exec"), namespace)
    except Exception as err:
        raise RenderError(f"{where} failed:\n{traceback.format_exc()}") from err
    return buffer.getvalue()


def execute(blocks: list, echo_default: bool = False) -> str:
    """Run the chunks in order and return the resulting Markdown."""
    namespace: dict = {"__name__": "__report__"}
    out = []
    for number, block in enumerate(blocks):
        if isinstance(block, str):
            out.append(
                INLINE.sub(
                    lambda m: str(eval(m.group(1), namespace)),  # noqa: S307
                    block,
                )
            )
            continue
        label = block.options.get("label", f"chunk {number // 2 + 1}")
        text = _run(block.code, namespace, f"<report {label}>")
        if block.options.get("echo", echo_default):
            out.append(f"```python\n{block.code}\n```\n")
        if block.options.get("output") == "asis":
            out.append(text)
        elif text.strip():
            out.append(f"```\n{text}\n```\n")
    return "\n".join(out)


def resolve_crossrefs(markdown: str) -> str:
    """Quarto's ``@sec-x`` as a link to the section, named by its title (Quarto writes
    "Section n"); an unknown id is an error, as in Quarto."""
    titles = {m["id"]: m["title"].strip() for m in HEADING.finditer(markdown)}
    titles.update({i: i for i in re.findall(r'id="((?:fig|tbl)-[\w-]+)"', markdown)})

    def _sub(match):
        ref = match["id"]
        if ref not in titles:
            raise RenderError(f"unresolved cross-reference @{ref}")
        kind = {"sec": "section", "fig": "figure", "tbl": "table"}[ref.split("-", 1)[0]]
        text = titles[ref] if ref.startswith("sec") else ref
        return f"[{kind} “{text}”](#{ref})"

    out, pos = [], 0
    # Leave code and raw blocks alone.
    for block in re.finditer(r"^```.*?^```\s*$", markdown, re.MULTILINE | re.DOTALL):
        out.append(CROSSREF.sub(_sub, markdown[pos : block.start()]))
        out.append(block.group(0))
        pos = block.end()
    out.append(CROSSREF.sub(_sub, markdown[pos:]))
    return "".join(out)


def to_markdown(qmd: Path) -> tuple[dict, str]:
    text = resolve_includes(Path(qmd).read_text(), Path(qmd).parent)
    meta, body = split_front_matter(text)
    echo = (meta.get("execute") or {}).get("echo", False)
    return meta, resolve_crossrefs(execute(parse_blocks(body), echo_default=echo))


def landmarks(markdown: str) -> str:
    """The body inside a ``main`` landmark (Quarto writes one; pandoc's template does not), so
    that a screen reader can jump past the table of contents."""
    return f'```{{=html}}\n<main id="content">\n```\n\n{markdown}\n\n```{{=html}}\n</main>\n```\n'


def render(
    qmd: Path,
    output_html: Path,
    css: Path | None = None,
    script: Path | None = None,
    filters: tuple = (),
    before: Path | None = None,
) -> Path:
    """Render one .qmd (with its includes) to a self-contained HTML file. ``filters``: pandoc
    Lua filters (the project's own, also listed in _quarto.yml)."""
    import pypandoc

    meta, markdown = to_markdown(Path(qmd))
    output_html = Path(output_html)
    output_html.parent.mkdir(parents=True, exist_ok=True)
    args = ["--standalone", "--embed-resources", "--toc", "--mathml", "--number-sections"]
    for key in ("title", "subtitle", "date"):
        if key in meta:
            args.append(f"--metadata={key}:{meta[key]}")
    args.append(f"--metadata=lang:{meta.get('lang', 'en')}")
    for lua in filters:
        args.append(f"--lua-filter={Path(lua).resolve()}")
    if css is not None:
        args.append(f"--css={Path(css).resolve()}")
    if script is not None:
        args.append(f"--include-after-body={Path(script).resolve()}")
    if before is not None:
        args.append(f"--include-before-body={Path(before).resolve()}")
    args.append(f"--resource-path={Path(qmd).parent.resolve()}")
    with atomic_path(output_html) as tmp:
        pypandoc.convert_text(
            landmarks(markdown), "html5", format="markdown", outputfile=str(tmp), extra_args=args
        )
    return output_html
