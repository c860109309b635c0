"""Mark the first use of each defined term in rendered HTML, so readers can reach its explanation in place.

The mark is a link to the term in the glossary, and that is all a reader without JavaScript gets. A term
with a short definition (``kort_definition``) also gets its explanation in a ``<template>`` after the
block: terms.js turns the link into a disclosure button and shows the explanation after the paragraph,
so the sentence is never split. The explanation text is not part of the page's visible text, and the
template carries ``data-search-exclude`` (honoured by Material's search indexer), so search snippets never
run a definition into the sentence it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

from . import urls
from .model import Term

_TOKEN = re.compile(r"(<[^>]+>)")
_SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "dt", "figcaption", "time", "template"}
EXPLANATIONS_TEMPLATE = "glossary/term-explanations.html"


def _pattern(term: Term) -> re.Pattern[str]:
    forms = sorted({term.term, *term.forms}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(f) for f in forms) + r")(?!\w)", re.IGNORECASE)


def mark_terms(html: str, terms: Iterable[Term], glossary_url: str) -> Markup:
    """Link the first occurrence of each term in running text; headings and links are left alone.

    The short definitions of the terms that were marked follow the HTML in one template element.
    """
    pending = [(term, _pattern(term)) for term in terms]
    if not pending:
        return Markup(html)
    marked: list[Term] = []
    out: list[str] = []
    open_tags: list[str] = []
    for token in _TOKEN.split(html):
        if token.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", token)
            tag = name.group(1).lower() if name else ""
            if token.startswith("</"):
                if tag in open_tags:
                    del open_tags[len(open_tags) - 1 - open_tags[::-1].index(tag) :]
            elif not token.endswith("/>") and tag in _SKIP:
                open_tags.append(tag)
            out.append(token)
            continue
        if open_tags or not token.strip():
            out.append(token)
            continue
        out.append(_mark_text(token, pending, glossary_url, marked))
    return Markup("".join(out)) + explanations(marked, glossary_url)


def _mark_text(text: str, pending: list[tuple[Term, re.Pattern[str]]], glossary_url: str, marked: list[Term]) -> str:
    """Mark every pending term whose first occurrence is in this text segment (earliest first)."""
    result = ""
    while True:
        hits = [(m.start(), m, term, pat) for term, pat in pending if (m := pat.search(text))]
        if not hits:
            return result + text
        _, match, term, pat = min(hits, key=lambda h: h[0])
        pending.remove((term, pat))
        marked.append(term)
        result += text[: match.start()] + (
            f'<a class="ks-term" href="{escape(urls.with_fragment(glossary_url, term.id))}" '
            f'data-ks-term="{escape(term.id)}">{match.group(1)}</a>'
        )
        text = text[match.end() :]


def explanations(marked: list[Term], glossary_url: str) -> Markup:
    """The short definitions of the marked terms, for terms.js; nothing if none of them has one."""
    explained = [t for t in marked if t.short_definition]
    if not explained:
        return Markup("")
    from .render import environment  # render imports this module; the environment is only needed here

    links = {t.id: urls.with_fragment(glossary_url, t.id) for t in explained}
    html = environment().get_template(EXPLANATIONS_TEMPLATE).render(terms=explained, links=links)
    return Markup("".join(line.strip() for line in html.splitlines()))
