"""A page's table of contents from the headings in its final HTML.

Headings rendered from data are HTML the Markdown toc extension never sees, so the plugin reads the
h1–h3 that carry an id (as our templates and Python-Markdown write them) once the page is complete.
The heading text stays HTML-escaped: Material prints TOC titles as HTML, so a '<' written in data is
shown as '<' and never becomes markup.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.structure.toc import TableOfContents, get_toc

# h1-h3 with an id: no nested headings, ids without entities.
_HEADING = re.compile(r"<h([1-3])\b([^>]*)>(.*?)</h\1\s*>", re.S | re.I)
_ID = re.compile(r'\bid="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")


def headings(html: str) -> list[dict[str, Any]]:
    """(level, id, escaped text) of every h1-h3 heading that has an id, in document order."""
    found: list[dict[str, Any]] = []
    for match in _HEADING.finditer(html):
        ident = _ID.search(match.group(2))
        if ident:
            name = " ".join(_TAG.sub("", match.group(3)).split())
            found.append({"level": int(match.group(1)), "id": ident.group(1), "name": name, "children": []})
    return found


def toc_from_html(html: str) -> TableOfContents:
    """The nested table of contents; the h1 comes first.

    Material's skip link points to the first entry, and its sidebar hides a level-1 root.
    """
    tokens: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for heading in headings(html):
        while stack and stack[-1]["level"] >= heading["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else tokens).append(heading)
        stack.append(heading)
    return get_toc(tokens)  # type: ignore[arg-type]
