"""Reading the model: its fields, their types, and the formats their values take.

The converter (``convert.py``), the JSON Schema generator (``jsonschema.py``) and the open-data reader
(``export.py``) all read ``model.py`` through these, so the three can never disagree about a field.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from typing import Any

from . import model

SLUG_RE = re.compile(r"^[a-z0-9æøå]+(?:-[a-z0-9æøå]+)*$")
# An absolute http(s) address with a host; none of the characters that could end an HTML attribute or a
# Markdown link ('"<>`\\ and whitespace), no control characters.
URL_RE = re.compile(r"^https?://[\w.-]+(?::\d+)?(?:[/?#][^\s\"'<>`\\\x00-\x1f\x7f]*)?$")
EMAIL_RE = re.compile(r"^[\w.!#$%&*+/=?^{|}~-]+@[\w-]+(?:\.[\w-]+)+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@functools.cache
def hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def data_fields(cls: type) -> list[dataclasses.Field[Any]]:
    """The fields of a model class that are written in YAML."""
    return [f for f in dataclasses.fields(cls) if not f.metadata.get("internal")]


def optional(tp: Any) -> tuple[Any, bool]:
    """Strip ``| None`` from a type."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0], True
    return tp, False
