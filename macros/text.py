"""Prose from data -> safe HTML; heading anchors that keep æ, ø and å.

Text in data/ is content, never code: raw HTML is shown as text, links may
only use http(s), mailto or relative targets, and nothing is passed to Jinja.
"""

from __future__ import annotations

import functools
import html as html_lib
import re
import unicodedata
import xml.etree.ElementTree as etree

import markdown
import markdown.util
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_C0_OR_SPACE = "".join(chr(c) for c in range(0x21))


def safe_href(href: str) -> str | None:
    """The link target a browser would follow, if it is allowed; else None.

    Judged as a browser reads it: character references decoded (``javascript&#58;``), tabs and
    newlines removed anywhere and control characters and spaces trimmed at the ends (the URL parser's
    rules). Allowed: http, https, mailto and tel, fragments, and paths on this site. Not allowed: any
    other scheme, and ``//host`` or ``/\\host``, which lead to another host.
    """
    decoded = html_lib.unescape(href.replace(markdown.util.AMP_SUBSTITUTE, "&"))
    target = _TAB_OR_NEWLINE.sub("", decoded).strip(_C0_OR_SPACE)
    if target[:2].replace("\\", "/") == "//":
        return None
    scheme = _SCHEME.match(target)
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return None
    return target


def anchor_slug(text: str, sep: str = "-") -> str:
    """Heading id: lower case, Danish letters kept, other punctuation dropped.

    Used both for the Markdown toc extension (see mkdocs.yml) and for headings
    rendered from data, so the two always agree.
    """
    text = unicodedata.normalize("NFC", re.sub(r"<[^>]+>", "", text)).lower()
    text = re.sub(r"[^\w\s-]", "", text, flags=re.UNICODE)
    return re.sub(r"[\s_-]+", sep, text).strip(sep)


class _SafeLinks(Treeprocessor):
    """Drop link targets that could run code, and images (prose has none)."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    parent.remove(child)
                elif child.tag == "a":
                    target = safe_href(child.get("href", ""))
                    if target is None:
                        child.attrib.pop("href", None)
                    else:
                        # Written so the browser reads exactly the target judged above, not a decoded variant.
                        child.set("href", target.replace("&", "&amp;"))


class _ForeignLanguage(InlineProcessor):
    """``[Housing First]{sprog=en}`` -> ``<span lang="en">Housing First</span>`` (WCAG 3.1.2, language of parts)."""

    PATTERN = r"\[([^\]\n]+)\]\{sprog=([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\}"

    def handleMatch(  # type: ignore[override]  # noqa: N802 - Markdown's InlineProcessor API
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        span = etree.Element("span", {"lang": m.group(2)})
        span.text = m.group(1)
        return span, m.start(0), m.end(0)


@functools.cache
def _converter() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    # Raw HTML in data is shown as text, not passed through.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)
    md.inlinePatterns.register(_ForeignLanguage(_ForeignLanguage.PATTERN, md), "foreign_language", 165)
    return md


def prose(text: str | None) -> Markup:
    """Markdown prose from data as safe HTML."""
    if not text:
        return Markup("")
    return Markup(_convert(text))


@functools.lru_cache(maxsize=8192)
def _convert(text: str) -> str:
    """The same text converts to the same HTML: guides and theme pages repeat texts, so convert each once."""
    md = _converter()
    md.reset()
    return md.convert(text)


def inline(text: str | None) -> Markup:
    """One line of Markdown (emphasis, links) without a surrounding paragraph."""
    html = str(prose(text))
    return Markup(re.sub(r"^<p>(.*)</p>$", r"\1", html, flags=re.DOTALL))
