"""Read YAML into nodes that remember their line, with Danish syntax errors.

PyYAML's ``safe_load`` forgets line numbers and silently keeps the last of two
equal keys; editors need both reported. We compose the node tree instead and
let the validator build values from it.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem

__all__ = ["MappingNode", "Node", "ScalarNode", "SequenceNode", "line_of", "parse", "duplicate_keys"]

# PyYAML's own wording -> what an editor should do about it.
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("'\\t'", "Linjen er rykket ind med tabulator (Tab). Brug mellemrum til indrykning i stedet."),
    ("found character '\\t'", "Linjen er rykket ind med tabulator (Tab). Brug mellemrum til indrykning i stedet."),
    ("mapping values are not allowed here",
     "Der står et kolon (:) et sted, hvor det ikke må stå. Sæt teksten i anførselstegn, "
     "fx titel: \"Mål: mere trivsel\", eller brug '|' for længere tekst."),
    ("could not find expected ':'",
     "Der mangler et kolon (:) efter et feltnavn, eller linjen er rykket forkert ind."),
    ("did not find expected key",
     "Indrykningen passer ikke: linjen er rykket forkert ind i forhold til linjerne over."),
    ("expected <block end>",
     "Indrykningen passer ikke: linjen er rykket forkert ind i forhold til linjerne over."),
    ("did not find expected '-' indicator",
     "Et punkt i en liste skal starte med '- ' og stå på linje med de andre punkter."),
    ("found unexpected end of stream",
     "Et anførselstegn er ikke lukket. Tjek at hver tekst, der starter med \", også slutter med \"."),
    ("found undefined alias",
     "Teksten indeholder '*' først på linjen, som YAML læser som en henvisning. Sæt teksten i anførselstegn."),
    ("found character '@' that cannot start any token",
     "En tekst må ikke starte med '@' eller '`'. Sæt teksten i anførselstegn."),
    ("found character '`' that cannot start any token",
     "En tekst må ikke starte med '@' eller '`'. Sæt teksten i anførselstegn."),
)


# libyaml's parser when PyYAML has it (about ten times faster), else the pure-Python one: same nodes and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def line_of(node: Node) -> int:
    """The 1-based line where a node starts."""
    return node.start_mark.line + 1


def _syntax_problem(file: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    text = f"{getattr(error, 'problem', '')} {getattr(error, 'context', '')}"
    for needle, hint in _SYNTAX_HINTS:
        if needle in text:
            return Problem(file, line, hint)
    return Problem(file, line, f"Filen kan ikke læses som YAML ({text.strip()}). Tjek indrykning og anførselstegn.")


def parse(path: Path, display: str) -> tuple[Node | None, list[Problem]]:
    """Compose one YAML file into a node tree; report syntax errors and tabs."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(display, 1, "Filen er ikke gemt som UTF-8. Gem den igen med tegnsættet UTF-8.")]
    problems = [
        Problem(display, number, "Linjen er rykket ind med tabulator (Tab). Brug mellemrum til indrykning i stedet.")
        for number, line in enumerate(text.splitlines(), start=1)
        if line[: len(line) - len(line.lstrip())].count("\t")
    ]
    if problems:
        return None, problems
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError:
        # libyaml words its errors differently; the pure-Python parser gives the wording the hints know.
        try:
            yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as error:
            return None, [_syntax_problem(display, error)]
        raise
    if node is None:
        return None, [Problem(display, 1, "Filen er tom.")]
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
                name = str(key.value)
                if name in seen:
                    problems.append(Problem(
                        display, line_of(key),
                        f"Feltet '{name}' står to gange (første gang i linje {seen[name]}). Slet det ene.",
                    ))
                else:
                    seen[name] = line_of(key)
                stack.append(value)
        elif isinstance(current, SequenceNode):
            stack.extend(current.value)
    return problems
