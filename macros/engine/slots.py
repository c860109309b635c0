"""HACK, written down in one place: finished HTML kept away from Markdown behind placeholders.

Why: a view's HTML is final. Given to Python-Markdown it would be parsed once more (``md_in_html``),
which was the largest cost of our build over plain Material, and could be altered.

Contract:

- ``on_page_markdown`` (generated pages) and the docs/ macros call :meth:`Slots.put`, which keeps the
  HTML and returns a placeholder ``<div data-ks-slot="<nonce>-<n>"></div>`` for the Markdown;
- ``on_page_content`` calls :meth:`Slots.restore` with the converted HTML of the same page, which puts
  every kept HTML back and fails loudly if a placeholder did not survive Markdown or is left over.

The nonce is drawn per build, so text in a page that looks like a placeholder is never mistaken for one.
"""

from __future__ import annotations

import re
import secrets

from markupsafe import Markup


class SlotError(RuntimeError):
    """A placeholder was lost or left over: the page would silently miss a block."""


class Slots:
    """The kept HTML of every page being built, by source path."""

    def __init__(self) -> None:
        self.nonce = secrets.token_hex(8)
        self._pattern = re.compile(rf'<div data-ks-slot="{self.nonce}-(\d+)"></div>')
        self._kept: dict[str, list[str]] = {}

    def put(self, src: str, html: str) -> Markup:
        """Keep ``html`` for the page at ``src``; the placeholder to put in its Markdown instead."""
        kept = self._kept.setdefault(src, [])
        kept.append(str(html))
        return Markup(f'<div data-ks-slot="{self.nonce}-{len(kept) - 1}"></div>')

    def restore(self, src: str, html: str) -> str:
        """The page's HTML with every placeholder replaced by what was kept for it."""
        kept = self._kept.pop(src, [])
        used: set[int] = set()

        def back(match: re.Match[str]) -> str:
            number = int(match.group(1))
            if number >= len(kept) or number in used:
                raise SlotError(f"{src}: placeholder {number} does not belong to this page")
            used.add(number)
            return kept[number]

        html = self._pattern.sub(back, html)
        if len(used) != len(kept):
            missing = sorted(set(range(len(kept))) - used)
            raise SlotError(f"{src}: the HTML of block(s) {missing} did not survive Markdown (placeholder lost)")
        return html
