"""The table of contents is made from data: Markdown's headings and the headings each view recorded."""

from __future__ import annotations

import re

from mkdocs.structure.toc import get_toc

from conftest import ROOT
from macros.engine import toc
from macros.engine.slots import Placed
from macros.render import Heading

COMPONENTS = ROOT / "overrides" / "components"


def titles(table) -> list[tuple[int, str]]:
    out = []
    for link in table:
        out.append((link.level, link.id))
        out.extend(titles(link.children))
    return out


def test_view_headings_go_where_their_block_sat_between_markdown_headings():
    markdown = get_toc(
        [
            {
                "level": 1,
                "id": "titel",
                "name": "Titel",
                "children": [
                    {"level": 2, "id": "foer", "name": "Før", "children": []},
                    {"level": 2, "id": "efter", "name": "Efter", "children": []},
                ],
            },
        ]
    )
    html = '<h1 id="titel">Titel</h1><h2 id="foer">Før</h2>SLOT<h2 id="efter">Efter</h2>'
    placed = [
        Placed(
            html.index("SLOT"), (Heading(2, "blok", "Blok"), Heading(3, "under", "Under"), Heading(4, "dybt", "Dybt"))
        )
    ]
    table = toc.build(markdown, placed, html)
    assert titles(table) == [(1, "titel"), (2, "foer"), (2, "blok"), (3, "under"), (2, "efter")]
    assert [link.id for link in list(table)[0].children[1].children] == ["under"]


def test_heading_text_stays_escaped_in_the_table_of_contents():
    table = toc.build(get_toc([]), [Placed(0, (Heading(2, "x", "&lt;b&gt;fed&lt;/b&gt;"),))], "")
    assert list(table)[0].title == "&lt;b&gt;fed&lt;/b&gt;"


def test_templates_write_headings_with_an_id_only_through_heading():
    """A raw <hN id=…> would be missing from the table of contents: the TOC knows only recorded headings."""
    raw = re.compile(r"<h(?:[1-6]|\{\{[^}]*\}\})\b[^>]*\bid=")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in COMPONENTS.rglob("*.html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if raw.search(line)
    ]
    assert list(COMPONENTS.rglob("*.html")) and offenders == []
