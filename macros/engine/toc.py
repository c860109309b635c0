"""A page's table of contents from data: the Markdown's own headings and the headings the views recorded.

Python-Markdown reports the headings it wrote (MkDocs keeps them as ``page.toc``); a view's HTML goes in
after Markdown, behind a placeholder (``engine/slots.py``), and brings the headings its templates wrote
through ``heading()`` (``macros/render.py``). The two lists are merged in page order: a Markdown heading
sits where its id is written, a view's headings where its placeholder was. Nothing is read back from the
finished HTML.

Heading text stays HTML-escaped: Material prints TOC titles as HTML, so a '<' written in data is shown
as '<' and never becomes markup. Levels 1–3 are listed; the h1 comes first (Material's skip link points
to the first entry, and its sidebar hides a level-1 root).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc

from ..render import Heading
from .slots import Placed

DEPTH = 3


def _flatten(links: Iterable[AnchorLink]) -> Iterator[Heading]:
    for link in links:
        yield Heading(link.level, link.id, link.title)
        yield from _flatten(link.children)


def _in_page_order(markdown_toc: TableOfContents, placed: list[Placed], markdown_html: str) -> list[Heading]:
    """Markdown headings at the offset of their id in Markdown's output, view headings at their placeholder."""
    entries: list[tuple[int, int, Heading]] = []
    last = 0
    for heading in _flatten(markdown_toc):
        found = markdown_html.find(f'id="{heading.id}"')
        last = found if found >= 0 else last  # an id Markdown wrote differently keeps its Markdown order
        entries.append((last, 0, heading))
    for block in placed:
        entries.extend((block.offset, 1, heading) for heading in block.headings)
    return [heading for _, _, heading in sorted(entries, key=lambda entry: (entry[0], entry[1]))]


def build(markdown_toc: TableOfContents, placed: list[Placed], markdown_html: str) -> TableOfContents:
    """The nested table of contents of h1–h3, in page order."""
    tokens: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for heading in _in_page_order(markdown_toc, placed, markdown_html):
        if heading.level > DEPTH:
            continue
        token: dict[str, Any] = {"level": heading.level, "id": heading.id, "name": heading.name, "children": []}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else tokens).append(token)
        stack.append(token)
    return get_toc(tokens)  # type: ignore[arg-type]
