"""Read YAML into nodes that remember their line, with Danish syntax errors and hard bounds.

PyYAML's ``safe_load`` forgets line numbers and silently keeps the last of two
equal keys; editors need both reported. We compose the node tree instead and
let the validator build values from it.

Data files come from many hands (and, through a pipeline, from proposed
changes), so reading one must never hang, crash or eat memory. Before the
composer runs, the file's size, bytes and parse events are checked:

- anchors and aliases (``&a`` / ``*a``) are refused: data files have no use for
  them, and they are how "billion laughs" files and self-referencing lists
  blow up memory or loop forever;
- nesting deeper than ``MAX_DEPTH`` collections is refused: libyaml's composer
  recurses in C, so tens of thousands of ``[`` would crash the process;
- files larger than ``MAX_BYTES`` are refused.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MappingNode",
    "Node",
    "ScalarNode",
    "SequenceNode",
    "duplicate_keys",
    "line_of",
    "parse",
]

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 30

TAB_HINT = "Linjen er rykket ind med tabulator (Tab). Brug mellemrum til indrykning i stedet."
BRACE_HINT = (
    "Teksten starter med '{' eller '[', som YAML læser som en gruppe af felter eller en liste. "
    'Sæt teksten i anførselstegn, fx titel: "{{ tekst }}".'
)
ALIAS_HINT = "Teksten indeholder '*' først på linjen, som YAML læser som en henvisning. Sæt teksten i anførselstegn."
ANCHOR_HINT = (
    "Teksten starter med '&', som YAML læser som et anker (en henvisning til senere brug). "
    "Henvisninger bruges ikke i datafilerne. Sæt teksten i anførselstegn, hvis '&' er en del af teksten."
)

# PyYAML's own wording -> what an editor should do about it.
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("'\\t'", TAB_HINT),
    ("found character '\\t'", TAB_HINT),
    (
        "mapping values are not allowed here",
        "Der står et kolon (:) et sted, hvor det ikke må stå. Sæt teksten i anførselstegn, "
        "fx titel: \"Mål: mere trivsel\", eller brug '|' for længere tekst.",
    ),
    ("could not find expected ':'", "Der mangler et kolon (:) efter et feltnavn, eller linjen er rykket forkert ind."),
    (
        "did not find expected key",
        "Indrykningen passer ikke: linjen er rykket forkert ind i forhold til linjerne over.",
    ),
    ("expected <block end>", "Indrykningen passer ikke: linjen er rykket forkert ind i forhold til linjerne over."),
    (
        "did not find expected '-' indicator",
        "Et punkt i en liste skal starte med '- ' og stå på linje med de andre punkter.",
    ),
    (
        "found unexpected end of stream",
        'Et anførselstegn er ikke lukket. Tjek at hver tekst, der starter med ", også slutter med ".',
    ),
    ("found undefined alias", ALIAS_HINT),
    (
        "found character '@' that cannot start any token",
        "En tekst må ikke starte med '@' eller '`'. Sæt teksten i anførselstegn.",
    ),
    (
        "found character '`' that cannot start any token",
        "En tekst må ikke starte med '@' eller '`'. Sæt teksten i anførselstegn.",
    ),
)

# A value that starts with '{' or '[' on a 'felt: ' or '- ' line: YAML reads it as a mapping or a list.
_BRACE_VALUE = re.compile(r"(?:^\s*-\s+|:\s+)[\[{]")

# Characters YAML does not allow in a file (the YAML 1.1 printable set, as PyYAML's reader checks it).
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# libyaml's parser when PyYAML has it (about ten times faster), else the pure-Python one: same nodes and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def line_of(node: Node) -> int:
    """The 1-based line where a node starts."""
    return node.start_mark.line + 1


def _line_text(text: str, index: int) -> str:
    lines = text.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""


def _syntax_problem(file: str, text: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    context = getattr(error, "context_mark", None)
    for candidate in (mark, context):
        if candidate is not None and _BRACE_VALUE.search(_line_text(text, candidate.line)):
            return Problem(file, candidate.line + 1, BRACE_HINT, "yaml-syntax")
    wording = f"{getattr(error, 'problem', '')} {getattr(error, 'context', '')}"
    for needle, hint in _SYNTAX_HINTS:
        if needle in wording:
            return Problem(file, line, hint, "tab" if hint == TAB_HINT else "yaml-syntax")
    return Problem(
        file,
        line,
        f"Filen kan ikke læses som YAML ({wording.strip()}). Tjek indrykning og anførselstegn.",
        "yaml-syntax",
    )


def _line_at(data: bytes | str, index: int) -> int:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    return data[:index].count(newline) + 1  # type: ignore[arg-type]


def _decode(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or where its bytes are not UTF-8 or hold characters YAML refuses."""
    try:
        text = raw.decode("utf-8-sig")  # a byte order mark at the start is harmless
    except UnicodeDecodeError as error:
        offset = error.start
        return None, [
            Problem(
                display,
                _line_at(raw, offset),
                "Linjen indeholder tegn, der ikke er gemt som UTF-8. "
                "Gem filen igen med tegnsættet UTF-8, og tjek tegnene i linjen.",
                "encoding",
            )
        ]
    bad = _NOT_PRINTABLE.search(text)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        return None, [
            Problem(
                display,
                _line_at(text, bad.start()),
                f"Linjen indeholder et usynligt styretegn ({code}), som ikke må stå i en datafil. "
                "Slet det, fx ved at skrive linjen forfra.",
                "encoding",
            )
        ]
    return text, []


def _tabs(text: str, display: str) -> list[Problem]:
    return [
        Problem(display, number, TAB_HINT, "tab")
        for number, line in enumerate(text.splitlines(), start=1)
        if line[: len(line) - len(line.lstrip())].count("\t")
    ]


def _scan(text: str, display: str) -> list[Problem]:
    """Check parse events before composing: no anchors or aliases, bounded depth.

    The parser is a state machine and streams events, so this stays flat in memory and stack
    whatever the file holds; the composer that runs afterwards only sees files that passed.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        line = event.start_mark.line + 1 if event.start_mark is not None else 1
        if isinstance(event, yaml.AliasEvent):
            return [Problem(display, line, ALIAS_HINT, "alias")]
        if getattr(event, "anchor", None) is not None:
            return [Problem(display, line, ANCHOR_HINT, "alias")]
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return [
                    Problem(
                        display,
                        line,
                        f"Indholdet er indlejret mere end {MAX_DEPTH} niveauer dybt (lister i lister "
                        "eller grupper i grupper). Skriv det fladere; tjek også for '[' eller '{', "
                        "der ikke er lukket.",
                        "too-deep",
                    )
                ]
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return []


def _compose(text: str, display: str) -> tuple[Node | None, list[Problem]]:
    try:
        problems = _scan(text, display)
        if problems:
            return None, problems
        return yaml.compose(text, Loader=_LOADER), []
    except yaml.YAMLError as fast_error:
        # libyaml words its errors differently; the pure-Python parser gives the wording the hints know.
        # Only its events are read, so a broken file cannot make it recurse either.
        try:
            for _ in yaml.parse(text, Loader=yaml.SafeLoader):
                pass
        except yaml.YAMLError as error:
            return None, [_syntax_problem(display, text, error)]
        return None, [_syntax_problem(display, text, fast_error)]  # only libyaml objects: still a message


def parse(path: Path, display: str) -> tuple[Node | None, list[Problem]]:
    """Compose one YAML file into a node tree; report size, encoding, syntax, tabs, aliases and depth."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return None, [
            Problem(
                display,
                1,
                f"Filen er for stor ({size // 1024} KB). En datafil må højst fylde "
                f"{MAX_BYTES // 1024} KB. Del indholdet op, eller tjek at filen er "
                "den rigtige.",
                "too-large",
            )
        ]
    text, problems = _decode(path.read_bytes(), display)
    if text is None:
        return None, problems
    problems = _tabs(text, display)
    if problems:
        return None, problems
    node, problems = _compose(text, display)
    if problems:
        return None, problems
    if node is None:
        return None, [Problem(display, 1, "Filen er tom.", "empty")]
    return node, duplicate_keys(node, display)


def duplicate_keys(node: Node, display: str) -> list[Problem]:
    """Every key written twice in the same mapping (PyYAML would silently keep the last)."""
    problems: list[Problem] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, MappingNode):
            seen: dict[str, int] = {}
            for key, value in current.value:
                stack.append(value)
                if not isinstance(key, ScalarNode):
                    continue  # a list or mapping as a key; the validator reports it
                name = str(key.value)
                if name in seen:
                    problems.append(
                        Problem(
                            display,
                            line_of(key),
                            f"Feltet '{name}' står to gange (første gang i linje {seen[name]}). Slet det ene.",
                            "duplicate-key",
                        )
                    )
                else:
                    seen[name] = line_of(key)
        elif isinstance(current, SequenceNode):
            stack.extend(current.value)
    return problems
