"""Readability (LIX) of the plain-language summaries ("Kort fortalt").

LIX = words / sentences + 100 × long words / words, where a long word has more than six letters.
Danish readers know the scale: below 25 is very easy, 25–34 easy, 35–44 medium, 45–54 hard.
The site promises summaries of LIX 30 or less with no sentence over 20 words, so editors get a
warning with file and line when one is above. Pure functions: no MkDocs, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .model import Loc, Site

MAX_LIX = 30
MAX_SENTENCE_WORDS = 20

# A word is a run of letters (digits and signs are not words); hyphenated parts count as one word.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# A sentence ends at . ! ? or : followed by space and a capital letter or digit, or at the end.
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[\"”»(]?[A-ZÆØÅ0-9])")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """The sentences of a text (abbreviations such as 'fx' are written without a full stop in Danish)."""
    return [s for s in (part.strip() for part in _SENTENCE_END.split(text.strip())) if words(s)]


def is_long(word: str) -> bool:
    return sum(ch.isalpha() for ch in word) > 6


def lix(text: str) -> float:
    """The LIX of a text; 0 for a text without words."""
    all_words = words(text)
    if not all_words:
        return 0.0
    count = max(len(sentences(text)), 1)
    long_words = sum(is_long(w) for w in all_words)
    return len(all_words) / count + 100 * long_words / len(all_words)


@dataclass(frozen=True)
class Readability:
    """The LIX of one summary and its sentences that are too long."""

    where: str  # e.g. "kalundborg-børn-og-unge, tema forbedring-af-den-mentale-sundhed"
    loc: Loc | None
    value: float
    long_sentences: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.value <= MAX_LIX and not self.long_sentences

    def warnings(self) -> list[str]:
        """Danish warnings for editors, with file and line and what to do."""
        place = f"{self.loc}: " if self.loc else ""
        out = []
        if self.value > MAX_LIX:
            out.append(
                f"{place}'Kort fortalt' ({self.where}) har LIX {self.value:.0f}, men skal højst have "
                f"{MAX_LIX}. Skriv kortere sætninger og brug færre lange ord (over seks bogstaver)."
            )
        for sentence in self.long_sentences:
            out.append(
                f"{place}'Kort fortalt' ({self.where}) har en sætning på {len(words(sentence))} ord "
                f"(højst {MAX_SENTENCE_WORDS}): »{sentence}« Del den i to."
            )
        return out


def readability(where: str, loc: Loc | None, text: str) -> Readability:
    long_sentences = tuple(s for s in sentences(text) if len(words(s)) > MAX_SENTENCE_WORDS)
    return Readability(where, loc, lix(text), long_sentences)


def summary_text(items: Iterable[str]) -> str:
    """A summary written as one sentence per item, as one text."""
    return " ".join(item.strip() for item in items)


def site_summaries(site: Site) -> Iterator[Readability]:
    """The readability of every 'Kort fortalt' on the site: each strategy's and each theme's."""
    for strategy in site.strategies:
        if strategy.plain_summary:
            loc = strategy.loc.at("plain_summary") if strategy.loc else None
            yield readability(strategy.id, loc, summary_text(strategy.plain_summary))
        for theme in strategy.themes:
            if theme.plain_summary:
                loc = theme.loc.at("plain_summary") if theme.loc else None
                yield readability(f"{strategy.id}, {theme.id}", loc, summary_text(theme.plain_summary))


def missing_summaries(site: Site) -> Iterator[str]:
    """Danish warnings for each strategy and each theme with a page of its own that has no 'Kort fortalt'."""
    from .shaping import has_own_text  # imported here to keep this module's imports light

    for strategy in site.strategies:
        if not strategy.plain_summary:
            place = f"{strategy.loc}: " if strategy.loc else ""
            yield (
                f"{place}Strategien {strategy.id} har intet 'Kort fortalt'. Skriv 3–6 korte sætninger i "
                "feltet 'sammenfatning'."
            )
        for theme in strategy.themes:
            if has_own_text(theme) and not theme.plain_summary:
                place = f"{theme.loc}: " if theme.loc else ""
                yield (
                    f"{place}Temaet {theme.id} har intet 'Kort fortalt'. Skriv 3–6 korte sætninger i "
                    "feltet 'sammenfatning'."
                )


def report(site: Site) -> list[str]:
    """Lines for `make validate`: the LIX of every summary, then warnings (which do not fail)."""
    results = list(site_summaries(site))
    lines = [f"LIX i 'Kort fortalt': {r.where}: {r.value:.0f}" for r in results]
    for r in results:
        lines += [f"Advarsel: {w}" for w in r.warnings()]
    lines += [f"Advarsel: {w}" for w in missing_summaries(site)]
    return lines
