"""Build typed model objects from YAML nodes, and describe the model as JSON Schema.

Both read the dataclasses in ``model.py``, so the validator, the JSON Schema
that editors' tools use, and the Python types can never disagree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import re
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

from . import model
from .model import Email, Loc, Markdown, Slug, Url
from .problems import Problem
from .yamlsource import MappingNode, Node, ScalarNode, SequenceNode, line_of

SLUG_RE = re.compile(r"^[a-z0-9æøå]+(?:-[a-z0-9æøå]+)*$")
# An absolute http(s) address with a host; none of the characters that could end an HTML attribute or a
# Markdown link ('"<>`\\ and whitespace), no control characters.
URL_RE = re.compile(r"^https?://[\w.-]+(?::\d+)?(?:[/?#][^\s\"'<>`\\\x00-\x1f\x7f]*)?$")
EMAIL_RE = re.compile(r"^[\w.!#$%&*+/=?^{|}~-]+@[\w-]+(?:\.[\w-]+)+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NULL_TAG = "tag:yaml.org,2002:null"
# Text in <vinkelparenteser> starting with a capital and holding a space: what skabeloner/ny-strategi.yml
# asks editors to replace. HTML tags are written in lower case, so '<img src=x>' is not taken for one.
PLACEHOLDER_RE = re.compile(r"<[A-ZÆØÅ][^<>\n]*\s[^<>\n]*>")

_KIND_NAMES = {ScalarNode: "en tekst", SequenceNode: "en liste", MappingNode: "en gruppe af felter"}


@dataclass
class Context:
    """What one validation run of one file collects, and how it names things."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    # Per-strategy names for list items, e.g. Theme -> "fokusområde".
    item_labels: dict[type, str] = field(default_factory=dict)

    def report(self, node: Node, message: str, code: str = "data") -> None:
        self.problems.append(Problem(self.file, line_of(node), message, code))


def _fold(text: str) -> str:
    """Compare field names the way a Danish typist might misspell them."""
    return text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace("_", "").replace("-", "")


def suggest(wrong: str, options: typing.Iterable[str]) -> str | None:
    """The known name nearest to a misspelt one, if any is near enough."""
    options = list(options)
    folded = {_fold(option): option for option in options}
    if _fold(wrong) in folded:
        return folded[_fold(wrong)]
    match = difflib.get_close_matches(_fold(wrong), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


def slugify(text: str) -> str:
    """A valid id made from any text, for suggestions."""
    return re.sub(r"[^a-z0-9æøå]+", "-", text.lower()).strip("-")


def _where(path: list[str], root: str) -> str:
    return " › ".join(path) if path else root


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


@functools.cache
def hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def data_fields(cls: type) -> list[dataclasses.Field[Any]]:
    """The fields of a model class that are written in YAML."""
    return [f for f in dataclasses.fields(cls) if not f.metadata.get("internal")]


def _optional(tp: Any) -> tuple[Any, bool]:
    """Strip ``| None`` from a type."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0], True
    return tp, False


def item_label(cls: Any, ctx: Context) -> str:
    if isinstance(cls, type) and dataclasses.is_dataclass(cls):
        return ctx.item_labels.get(cls) or str(getattr(cls, "LABEL", "punkt"))
    return "punkt"


def build(node: Node, tp: Any, ctx: Context, path: list[str], root: str) -> Any:
    """Turn a node into a value of type ``tp``; report what does not fit and return None for it."""
    tp, _ = _optional(tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _build_object(node, tp, ctx, path, root)
    if typing.get_origin(tp) is list:
        return _build_list(node, typing.get_args(tp)[0], ctx, path, root)
    return _build_scalar(node, tp, ctx, path, root)


def _wrong_kind(node: Node, expected: str, ctx: Context, path: list[str], root: str) -> None:
    actual = _KIND_NAMES.get(type(node), "noget andet")
    advice = ""
    if expected == "en tekst" and getattr(node, "flow_style", False):
        # 'titel: {{ x }}' or 'titel: [Udkast] ...' is read as a mapping or list written in brackets.
        advice = (
            " Teksten starter med '{' eller '[', som YAML læser som en gruppe af felter eller en liste."
            ' Sæt teksten i anførselstegn, fx titel: "{{ tekst }}".'
        )
    ctx.report(node, f"{_sentence(_where(path, root))} skal være {expected}, men er {actual}.{advice}", "wrong-type")


def _build_list(node: Node, item_tp: Any, ctx: Context, path: list[str], root: str) -> list[Any]:
    if isinstance(node, ScalarNode) and node.tag == NULL_TAG:
        ctx.report(node, f"{_sentence(_where(path, root))} er tom. Skriv mindst ét punkt, eller fjern feltet.", "empty")
        return []
    if not isinstance(node, SequenceNode):
        _wrong_kind(node, "en liste (punkter, der hver starter med '- ')", ctx, path, root)
        return []
    item_cls = _optional(item_tp)[0]
    # "fokusområde 3 › mål" reads better than "temaer › fokusområde 3 › mål"; plain lists keep their name.
    if dataclasses.is_dataclass(item_cls):
        names = [[*path[:-1], f"{item_label(item_cls, ctx)} {i}"] for i in range(1, len(node.value) + 1)]
    else:
        names = [[*path[:-1], f"{path[-1] if path else root}, punkt {i}"] for i in range(1, len(node.value) + 1)]
    items = [build(child, item_tp, ctx, name, root) for name, child in zip(names, node.value, strict=True)]
    return [item for item in items if item is not None]


def _build_object(node: Node, cls: type, ctx: Context, path: list[str], root: str) -> Any:
    if not isinstance(node, MappingNode):
        _wrong_kind(node, "en gruppe af felter (feltnavn: værdi)", ctx, path, root)
        return None
    by_key = {f.metadata["key"]: f for f in data_fields(cls)}
    types_ = hints(cls)
    lines: dict[str, int] = {}
    values: dict[str, Any] = {"loc": Loc(ctx.file, line_of(node), lines)}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            kind = _KIND_NAMES.get(type(key_node), "noget andet")
            ctx.report(
                key_node,
                f"{_sentence(_where(path, root))}: et feltnavn skal være et ord, fx 'titel:', "
                f"men her står {kind}. Tjek linjen for '[', '{{' eller '?' før kolonet, "
                "og sæt teksten i anførselstegn.",
                "invalid-key",
            )
            continue
        key = str(key_node.value)
        spec = by_key.get(key)
        if spec is None:
            near = suggest(key, by_key)
            advice = f" Mente du '{near}'?" if near else f" Kendte felter her: {', '.join(by_key)}."
            ctx.report(
                key_node, f"{_sentence(_where(path, root))} har et ukendt felt '{key}'.{advice}", "unknown-field"
            )
            continue
        if spec.name in values:
            continue  # duplicate key, reported by yamlsource
        lines[spec.name] = line_of(key_node)
        values[spec.name] = build(value_node, types_[spec.name], ctx, [*path, key], root)
    for key, spec in by_key.items():
        if spec.metadata["required"] and spec.name not in values:
            ctx.report(
                node,
                f"{_sentence(_where(path, root))} mangler feltet '{key}' ({spec.metadata['doc']})",
                "missing-field",
            )
    values = {k: v for k, v in values.items() if v is not None}
    return cls(**values)


def _scalar_text(node: Node, ctx: Context, path: list[str], root: str) -> str | None:
    if not isinstance(node, ScalarNode):
        _wrong_kind(node, "en tekst", ctx, path, root)
        return None
    text = str(node.value)
    if node.tag == NULL_TAG or not text.strip():
        ctx.report(node, f"{_sentence(_where(path, root))} er tom. Skriv en tekst, eller fjern feltet.", "empty")
        return None
    return text.strip() if "\n" not in text.strip() else text.strip() + "\n"


def _build_scalar(node: Node, tp: Any, ctx: Context, path: list[str], root: str) -> Any:
    text = _scalar_text(node, ctx, path, root)
    if text is None:
        return None
    where = _sentence(_where(path, root))
    if typing.get_origin(tp) is Literal:
        options = [str(o) for o in typing.get_args(tp)]
        if text in options:
            return text
        near = suggest(text, options)
        advice = f" Mente du '{near}'?" if near else ""
        ctx.report(
            node,
            f"{where}: '{text}' er ikke en mulig værdi. Mulige værdier: {', '.join(options)}.{advice}",
            "invalid-choice",
        )
        return None
    if tp is dt.date:
        try:
            if DATE_RE.match(text):
                return dt.date.fromisoformat(text)
        except ValueError:
            pass
        ctx.report(
            node,
            f"{where}: '{text}' er ikke en gyldig dato. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2024-12-04.",
            "invalid-date",
        )
        return None
    if tp is float:  # issue 13: measurements, baselines, targets and progress
        try:
            return float(text.replace(",", "."))
        except ValueError:
            ctx.report(node, f"{where}: '{text}' er ikke et tal. Skriv fx 42 eller 12.5.", "invalid-number")
            return None
    if tp is Slug and not SLUG_RE.fullmatch(text):
        shown = text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text
        ctx.report(
            node,
            f"{where}: '{shown}' kan ikke bruges som id. Brug små bogstaver, tal og bindestreger, "
            f"fx '{slugify(text) or 'mit-id'}'.",
            "invalid-id",
        )
        return None
    if tp is Url and (not URL_RE.fullmatch(text) or _invisible(text)):
        ctx.report(node, _url_message(where, text), "invalid-url")
        return None
    if tp is Email and (not EMAIL_RE.fullmatch(text) or _invisible(text)):
        ctx.report(
            node,
            f"{where}: '{text}' er ikke en gyldig e-mailadresse. Skriv den som navn@domæne.dk, "
            "uden mellemrum, anførselstegn eller vinkelparenteser.",
            "invalid-email",
        )
        return None
    if tp in (str, Markdown) and not _plain_text_ok(node, text, tp, ctx, where):
        return None
    if tp in (str, Markdown, Slug, Url, Email):
        return tp(text) if tp is not str else text
    raise TypeError(f"unsupported model type {tp!r}")  # a programming error, not an editor's


def _invisible(text: str) -> bool:
    """Zero-width and direction-changing characters: an address with them is not the one it shows."""
    return any(unicodedata.category(char) == "Cf" for char in text)


def _url_message(where: str, text: str) -> str:
    """Say what is wrong with an address: the scheme, or a character that does not belong in one."""
    if not re.match(r"^https?://", text):
        return f"{where}: '{text}' er ikke en webadresse. Den skal starte med https://"
    return (
        f"{where}: '{text}' er ikke en gyldig webadresse. En webadresse må ikke indeholde mellemrum, "
        "anførselstegn, vinkelparenteser (< >) eller omvendt skråstreg (\\). Kopiér adressen fra browserens "
        "adresselinje."
    )


def _plain_text_ok(node: Node, text: str, tp: Any, ctx: Context, where: str) -> bool:
    """Report skeleton placeholders in any text, and line breaks in titles and names (plain ``str``)."""
    placeholder = PLACEHOLDER_RE.search(text)
    if placeholder:
        ctx.report(
            node,
            f"{where}: Teksten '{placeholder.group()}' er en pladsholder fra skabelonen. Skriv den rigtige tekst.",
            "placeholder",
        )
        return False
    if tp is str and "\n" in text:
        # Line 2 onwards would end up as page content below a heading, or break the navigation.
        ctx.report(
            node,
            f"{where} står på flere linjer, men skal stå på én linje. Skriv teksten på én linje "
            "efter kolonet, og sæt den i anførselstegn, hvis den indeholder ':' (fx titel: \"Mål: "
            "mere trivsel\"); brug ikke '|' eller '>' her.",
            "multiline-title",
        )
        return False
    return True


# --- JSON Schema -------------------------------------------------------------


def json_schema(root: type, title: str) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) for a YAML file whose top level is ``root``."""
    defs: dict[str, Any] = {}
    _schema_for(root, defs)
    top = defs.pop(root.__name__)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **top, "$defs": defs}


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    tp, _ = _optional(tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion (Section holds Sections)
            types_ = hints(tp)
            props = {
                f.metadata["key"]: {**_schema_for(types_[f.name], defs), "description": f.metadata["doc"]}
                for f in data_fields(tp)
            }
            defs[name] = {
                "type": "object",
                "properties": props,
                "required": [f.metadata["key"] for f in data_fields(tp) if f.metadata["required"]],
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    if typing.get_origin(tp) is list:
        return {"type": "array", "items": _schema_for(typing.get_args(tp)[0], defs)}
    if typing.get_origin(tp) is Literal:
        return {"enum": list(typing.get_args(tp))}
    if tp is float:
        return {"type": "number"}
    if tp is dt.date:
        return {"type": "string", "format": "date", "pattern": DATE_RE.pattern}
    if tp is Slug:
        return {"type": "string", "pattern": SLUG_RE.pattern}
    if tp is Url:
        return {"type": "string", "format": "uri", "pattern": "^https?://"}
    if tp is Email:
        return {"type": "string", "format": "email"}
    return {"type": "string", "minLength": 1, "pattern": "\\S"}
