"""HACK, written down in one place: finished HTML kept away from Markdown behind placeholders.

Why: a view's HTML is final. Given to Python-Markdown it would be parsed once more (``md_in_html``),
which was the largest cost of our build over plain Material, and could be altered.

Contract:

- ``on_page_markdown`` (generated pages) and the docs/ macros call :meth:`Slots.put`, which keeps the
  HTML and returns a placeholder ``<div data-ks-slot="<nonce>-<n>"></div>`` for the Markdown;
- ``on_page_content`` calls :meth:`Slots.restore` with the converted HTML of the same page, which puts
  every kept HTML back and fails loudly if a placeholder did not survive Markdown or is left over. It
  also says where each block sat among the Markdown's own headings, with the headings the block's view
  recorded, so the page's table of contents is made from data (``engine/toc.py``).

The nonce is drawn per build, so text in a page that looks like a placeholder is never mistaken for one.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from markupsafe import Markup

from ..render import Heading, Rendered


class SlotError(RuntimeError):
    """A placeholder was lost or left over: the page would silently miss a block."""


@dataclass(frozen=True)
class Placed:
    """A restored block: the offset of its placeholder in the page's Markdown output, and its headings."""

    offset: int
    headings: tuple[Heading, ...]


class Slots:
    """The kept HTML of every page being built, by source path."""

    def __init__(self) -> None:
        self.nonce = secrets.token_hex(8)
        self._pattern = re.compile(rf'<div data-ks-slot="{self.nonce}-(\d+)"></div>')
        self._kept: dict[str, list[Rendered]] = {}

    def put(self, src: str, block: Rendered) -> Markup:
        """Keep a view's output for the page at ``src``; the placeholder to put in its Markdown instead."""
        kept = self._kept.setdefault(src, [])
        kept.append(block)
        return Markup(f'<div data-ks-slot="{self.nonce}-{len(kept) - 1}"></div>')

    def restore(self, src: str, html: str) -> tuple[str, list[Placed]]:
        """The page's HTML with every placeholder replaced by what was kept for it, and where each sat."""
        kept = self._kept.pop(src, [])
        placed: dict[int, Placed] = {}

        def back(match: re.Match[str]) -> str:
            number = int(match.group(1))
            if number >= len(kept) or number in placed:
                raise SlotError(f"{src}: placeholder {number} does not belong to this page")
            placed[number] = Placed(match.start(), kept[number].headings)
            return str(kept[number].html)

        html = self._pattern.sub(back, html)
        if len(placed) != len(kept):
            missing = sorted(set(range(len(kept))) - set(placed))
            raise SlotError(f"{src}: the HTML of block(s) {missing} did not survive Markdown (placeholder lost)")
        return html, sorted(placed.values(), key=lambda p: p.offset)
