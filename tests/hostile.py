"""Hostile values for every data field, generated from the model so a new field is covered automatically.

``field_cases(data_dir)`` fills a copy of a fixture's data with one object of every model class (where the
fixture has none, a minimal valid one is added; see ``fill``) and yields one ``Case`` per field and value:
hostile markup and template syntax for text fields, several lines for titles and names, and values that
must be refused for ids, web addresses and e-mail addresses. ``apply`` writes a case into the data folder
and returns the line the value stands on, so a test can check that a problem names that line.

Used by tests/unit/test_hostile_data.py (the validator) and free for tests of the built pages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from macros.fields import data_fields, hints
from macros.model import Email, Markdown, MunicipalityFile, ParticipationFile, SiteSettings, Slug, Strategy, Url

# Top-level model class of each data file the loader reads (strategies: the fixture's one strategy file).
ROOTS: dict[str, type] = {
    "site.yml": SiteSettings,
    "kommuner.yml": MunicipalityFile,
    "vaer-med.yml": ParticipationFile,
    "strategier/testrup-voksne.yml": Strategy,
}

# Text that must stay text: markup, script, template syntax, a tag that closes <title>.
HOSTILE_TEXT = (
    "<img src=x onerror=alert(1)> {{ 7*7 }} </title><script>alert(1)</script>",
    "{% raw %}x{% endraw %} Plan A<B & [x](javascript&colon;alert(1))",
)
MULTILINE = "Første linje\nAnden linje med <b>fed</b> tekst"
HOSTILE_URLS = (
    'https://x/"><svg/onload=alert(1)>',
    "javascript:alert(1)",
    "https://x/ <script>",
    "https://x/\\..\\",
    "//other.host/x",
    "data:text/html,<script>alert(1)</script>",
    "https://x/'onmouseover='alert(1)",
    "https://x/\x7f",
    "https://eksempel.dk/\u202egnp.exe",
)
HOSTILE_EMAILS = ('a"><svg/onload=alert(1)>@x.dk', "<a@x.dk>", "a b@x.dk", "a@x", "navn\u200b@x.dk")
HOSTILE_IDS = ("Store-bogstaver", "med mellemrum", "a/b", "../etc", "nul\u200bbredde", "bidi\u202eid", "æ-ø-Å")

# What the validator must answer: None = accept; otherwise the problem code.
Expect = str | None


@dataclass(frozen=True)
class Case:
    """One hostile value in one field of one data file."""

    file: str  # relative to data/
    path: tuple[str | int, ...]  # keys and list indexes from the file's top to the value
    value: str
    expect: Expect
    owner: str  # model class name, for test ids and coverage
    key: str  # the YAML key of the field

    @property
    def id(self) -> str:
        return f"{self.file}:{'/'.join(map(str, self.path))}={self.value[:24]!r}"


def _strip_optional(tp: Any) -> Any:
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    return args[0] if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union else tp


def _fresh_ids() -> Iterator[str]:
    return (f"hostil-{n}" for n in itertools.count(1))


def _minimal(cls: type, ids: Iterator[str]) -> dict[str, Any]:
    """A valid object of ``cls`` with only its required fields, for classes the fixture lacks."""
    result: dict[str, Any] = {}
    for spec in data_fields(cls):
        if not spec.metadata["required"]:
            continue
        tp = _strip_optional(hints(cls)[spec.name])
        result[spec.metadata["key"]] = _minimal_value(tp, ids)
    return result


def _minimal_value(tp: Any, ids: Iterator[str]) -> Any:
    if dataclasses.is_dataclass(tp):
        return _minimal(tp, ids)  # type: ignore[arg-type]
    if typing.get_origin(tp) is list:
        return [_minimal_value(typing.get_args(tp)[0], ids)]
    if tp is Slug:
        return next(ids)
    if typing.get_origin(tp) is Literal:
        return typing.get_args(tp)[0]
    if tp is dt.date:
        return dt.date(2025, 1, 1)
    if tp is float:  # issue 13: measurements, baselines, targets, progress
        return 1
    if tp is Url:
        return "https://eksempel.example/"
    if tp is Email:
        return "navn@eksempel.example"
    return "Tekst"


def fill(doc: Any, cls: type, ids: Iterator[str], seen: set[type] | None = None) -> dict[type, tuple[Any, ...]]:
    """Add a minimal object wherever the document has none of a class yet; return where each class stands."""
    seen = set() if seen is None else seen
    where: dict[type, tuple[Any, ...]] = {}

    def visit(node: dict[str, Any], kind: type, path: tuple[Any, ...]) -> None:
        if kind in seen:
            return
        seen.add(kind)
        where[kind] = path
        for spec in data_fields(kind):
            tp = _strip_optional(hints(kind)[spec.name])
            key = spec.metadata["key"]
            inner = typing.get_args(tp)[0] if typing.get_origin(tp) is list else tp
            inner = _strip_optional(inner)
            if not dataclasses.is_dataclass(inner) or inner in seen:
                continue
            if typing.get_origin(tp) is list:
                items = node.setdefault(key, [])
                if not items:
                    items.append(_minimal(inner, ids))  # type: ignore[arg-type]
                visit(items[0], inner, (*path, key, 0))  # type: ignore[arg-type]
            else:
                if key not in node:
                    node[key] = _minimal(inner, ids)  # type: ignore[arg-type]
                visit(node[key], inner, (*path, key))  # type: ignore[arg-type]

    visit(doc, cls, ())
    return where


def _values(tp: Any, key: str) -> list[tuple[str, Expect]]:
    """The hostile values for a field of type ``tp`` and what the validator must say about each."""
    if typing.get_origin(tp) is list:
        item = _strip_optional(typing.get_args(tp)[0])
        return [] if dataclasses.is_dataclass(item) else _values(item, key)
    if dataclasses.is_dataclass(tp):
        return []  # its own fields get cases where the object stands
    if tp is Markdown:
        return [(value, None) for value in (*HOSTILE_TEXT, MULTILINE)]
    if tp is str:
        return [*((value, None) for value in HOSTILE_TEXT), (MULTILINE, "multiline-title")]
    if tp is Url:
        return [(value, "invalid-url") for value in HOSTILE_URLS]
    if tp is Email:
        return [(value, "invalid-email") for value in HOSTILE_EMAILS]
    if tp is Slug:
        return [(value, "invalid-id") for value in HOSTILE_IDS]
    if tp is dt.date:
        return [(value, "invalid-date") for value in ("2025-13-01", "<img src=x onerror=alert(1)>", "{{ 7*7 }}")]
    if typing.get_origin(tp) is Literal:
        return [(value, "invalid-choice") for value in ("<img src=x onerror=alert(1)>", "{{ 7*7 }}")]
    if tp is float:
        return [(value, "invalid-number") for value in ("<img src=x onerror=alert(1)>", "{{ 7*7 }}", "12 personer")]
    raise TypeError(f"no hostile values for field type {tp!r}: add them here")  # a new kind of field


def model_fields() -> set[tuple[str, str, str]]:
    """(file, class, key) of every data field reachable from each file's top class: what must be covered."""
    result: set[tuple[str, str, str]] = set()
    for file, root in ROOTS.items():
        todo, seen = [root], set()
        while todo:
            cls = todo.pop()
            if cls in seen:
                continue
            seen.add(cls)
            for spec in data_fields(cls):
                tp = _strip_optional(hints(cls)[spec.name])
                inner = _strip_optional(typing.get_args(tp)[0]) if typing.get_origin(tp) is list else tp
                if dataclasses.is_dataclass(inner):
                    todo.append(inner)  # type: ignore[arg-type]
                else:
                    result.add((file, cls.__name__, spec.metadata["key"]))
    return result


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def filled_document(data_dir: Path, file: str) -> Any:
    """One data file of ``data_dir`` as Python data, with an object of every model class in it."""
    doc = yaml.load((data_dir / file).read_text(encoding="utf-8"), Loader=_LOADER)
    fill(doc, ROOTS[file], _fresh_ids())
    return doc


def field_cases(data_dir: Path) -> Iterator[Case]:
    """One case per hostile value per field per file, read from the model."""
    ids = _fresh_ids()
    for file, root in ROOTS.items():
        doc = yaml.load((data_dir / file).read_text(encoding="utf-8"), Loader=_LOADER)
        for cls, path in fill(doc, root, ids).items():
            for spec in data_fields(cls):
                tp = _strip_optional(hints(cls)[spec.name])
                key = spec.metadata["key"]
                where = (*path, key, 0) if typing.get_origin(tp) is list else (*path, key)
                for value, expect in _values(tp, key):
                    yield Case(file, where, value, expect, cls.__name__, key)


def dump(doc: Any) -> str:
    return yaml.dump(doc, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    for step, following in zip(path[:-1], path[1:], strict=True):
        if isinstance(doc, dict) and step not in doc:
            doc[step] = [] if isinstance(following, int) else {}
        doc = doc[step]
    last = path[-1]
    if isinstance(doc, list):
        if last < len(doc):
            doc[last] = value
        else:
            doc.append(value)
    else:
        doc[last] = value


def _line(text: str, path: tuple[Any, ...]) -> int:
    node = yaml.compose(text, Loader=_LOADER)
    assert node is not None
    for step in path:
        if isinstance(step, int):
            node = node.value[step]
        else:
            node = next(value for key, value in node.value if key.value == step)
    return int(node.start_mark.line) + 1


def write_filled(data_dir: Path) -> None:
    """Write the filled documents into ``data_dir``: a fixture with every class present, still valid."""
    for file in ROOTS:
        (data_dir / file).write_text(dump(filled_document(data_dir, file)), encoding="utf-8")


def apply(data_dir: Path, case: Case) -> int:
    """Write one case into ``data_dir`` (filled, see ``write_filled``); return the line of the value."""
    doc = filled_document(data_dir, case.file)
    _set(doc, case.path, case.value)
    text = dump(doc)
    (data_dir / case.file).write_text(text, encoding="utf-8")
    return _line(text, case.path)
