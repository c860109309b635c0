"""Danish sentences for the synthetic sites, so the benchmark builds text shaped like the real strategies.

The sentences come from the source documents in ``../shared/seeds`` and from the real ``data/``; ``Writer``
hands them out in order from a per-strategy starting point, so strategies differ but every run (and every
size) gets the same text for the same strategy.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

import yaml

from bench import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
# Characters that occur in ordinary Danish prose; anything else (bullets, tables, OCR debris) is skipped.
_PROSE = re.compile(r"[0-9A-Za-zÆØÅæøåÉéÜüÖö ,.\-–:;()%&/’'”“\"?!]+")


def _is_prose(sentence: str) -> bool:
    """A whole sentence of ordinary prose: not a heading, list item or numbering run into the text."""
    return (
        50 <= len(sentence) <= 260
        and sentence.endswith(".")
        and sentence[0].isupper()
        and _PROSE.fullmatch(sentence) is not None
        and not re.search(r"\s[IVX]+\)|\.\.|\s\d+\.$", sentence)
        and not re.search(r"[A-ZÆØÅ]{3,} [A-ZÆØÅ]{2,}|\w: [A-ZÆØÅ]", sentence)  # run-in headings
    )


def _sentences_in(text: str) -> list[str]:
    """Whole prose sentences of 50-260 characters, in the order they appear."""
    text = re.sub(r"(?<=[a-zæøå])-[ \t]*\n\s*(?=[a-zæøå])", "", text)  # words hyphenated at line ends
    text = re.sub(r"\s+", " ", text)
    sentences = (s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", text))
    return [s for s in sentences if _is_prose(s)]


def _strings(value: object) -> list[str]:
    """Every string in a parsed YAML document, depth first."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@functools.cache
def danish_sentences(seeds: Path = SEEDS, data: Path = ROOT / "data") -> tuple[str, ...]:
    """Sentences from the source documents (the OCR-garbled 001 left out) and from the real data/.

    ../shared/seeds is beside the repository on the team's machines; a clone elsewhere uses data/ alone.
    Cached: the tests ask for the same corpus for every site they generate.
    """
    found: list[str] = []
    for path in sorted(seeds.glob("*.txt")):
        if not path.name.startswith("001_"):
            found += _sentences_in(path.read_text(encoding="utf-8"))
    for path in sorted((data / "strategier").glob("*.yml")):
        found += _sentences_in("\n\n".join(_strings(yaml.safe_load(path.read_text(encoding="utf-8")))))
    unique = tuple(dict.fromkeys(found))
    if len(unique) < 50:
        raise SystemExit(f"Fandt kun {len(unique)} sætninger i {seeds} og data/; benchmarken skal bruge dansk tekst.")
    return unique


class Writer:
    """Hands out the sentences in order, from a per-strategy starting point, so strategies differ."""

    def __init__(self, sentences: Sequence[str], start: int) -> None:
        self._sentences = sentences
        self._next = start

    def sentence(self) -> str:
        text = self._sentences[self._next % len(self._sentences)]
        self._next += 1
        return text

    def paragraph(self, sentences: int = 3) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def prose(self, paragraphs: int = 2, sentences: int = 3) -> str:
        return "\n\n".join(self.paragraph(sentences) for _ in range(paragraphs)) + "\n"

    def short(self, words: int = 6) -> str:
        """A heading-like phrase: the first words of a sentence."""
        phrase = " ".join(self.sentence().split()[:words]).rstrip(",.:;–-( ")
        return phrase[:1].upper() + phrase[1:]
