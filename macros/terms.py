"""Mark the first use of each defined term in rendered HTML, so readers can reach its explanation in place.

Without JavaScript the mark is a link to the glossary; terms.js turns it into a
button that shows the definition right after the word (keyboard, touch and
screen readers alike; no hover needed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

from .model import Term
from .text import prose

_TOKEN = re.compile(r"(<[^>]+>)")
_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "dt", "figcaption", "time"}


def _pattern(term: Term) -> re.Pattern[str]:
    forms = sorted({term.term, *term.forms}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(f) for f in forms) + r")(?!\w)", re.IGNORECASE)


def _definition_text(term: Term) -> str:
    text = " ".join(re.sub(r"<[^>]+>", " ", str(prose(term.definition))).split())
    source = f" (Kilde: {term.source})" if term.source else ""
    return f"{term.term}: {text}{source}"


def mark_terms(html: str, terms: Iterable[Term], glossary_url: str) -> Markup:
    """Wrap the first occurrence of each term in running text; headings and links are left alone."""
    pending = [(term, _pattern(term)) for term in terms]
    if not pending:
        return Markup(html)
    out: list[str] = []
    open_tags: list[str] = []
    for token in _TOKEN.split(html):
        if token.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", token)
            tag = name.group(1).lower() if name else ""
            if token.startswith("</"):
                if tag in open_tags:
                    del open_tags[len(open_tags) - 1 - open_tags[::-1].index(tag):]
            elif not token.endswith("/>") and tag in _SKIP:
                open_tags.append(tag)
            out.append(token)
            continue
        if open_tags or not token.strip():
            out.append(token)
            continue
        out.append(_mark_text(token, pending, glossary_url))
    return Markup("".join(out))


def _mark_text(text: str, pending: list[tuple[Term, re.Pattern[str]]], glossary_url: str) -> str:
    """Mark every pending term whose first occurrence is in this text segment (earliest first)."""
    result = ""
    while True:
        hits = [(m.start(), m, term, pat) for term, pat in pending if (m := pat.search(text))]
        if not hits:
            return result + text
        _, match, term, pat = min(hits, key=lambda h: h[0])
        pending.remove((term, pat))
        word = match.group(1)
        result += text[: match.start()] + (
            f'<a class="ks-term" href="{escape(glossary_url)}#{escape(term.id)}" '
            f'data-ks-term="{escape(term.id)}">{word}</a>'
            f'<span class="ks-term__definition" id="ks-def-{escape(term.id)}" hidden>'
            f"{escape(_definition_text(term))}</span>"
        )
        text = text[match.end():]
