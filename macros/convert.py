"""Turn the YAML nodes of a data file into typed model objects, reporting every problem in Danish.

Reads the dataclasses in ``model.py`` through ``fields.py``, as the JSON Schema generator
(``jsonschema.py``) does, so the validator, the schemas editors' tools use, and the Python types can
never disagree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import typing
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

from .fields import DATE_RE, EMAIL_RE, SLUG_RE, URL_RE, data_fields, hints, optional
from .model import Email, Loc, Markdown, Slug, Url
from .problems import Problem
from .yamlsource import MappingNode, Node, ScalarNode, SequenceNode, line_of

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


def item_label(cls: Any, ctx: Context) -> str:
    if isinstance(cls, type) and dataclasses.is_dataclass(cls):
        return ctx.item_labels.get(cls) or str(getattr(cls, "LABEL", "punkt"))
    return "punkt"


def build(node: Node, tp: Any, ctx: Context, path: list[str], root: str) -> Any:
    """Turn a node into a value of type ``tp``; report what does not fit and return None for it."""
    tp, _ = optional(tp)
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
    item_cls = optional(item_tp)[0]
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
