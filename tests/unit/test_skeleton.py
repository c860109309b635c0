"""The skeleton for a new strategy (skabeloner/ny-strategi.yml) shows every field the model allows.

Checked against the model, so a new field cannot be forgotten in the skeleton: every YAML key of every
object a strategy can hold must appear in it, written out or as a commented example ('# key: …').
"""

from __future__ import annotations

import dataclasses
import re
import typing

from conftest import ROOT
from macros.fields import data_fields, hints
from macros.fields import optional as _optional
from macros.model import Strategy

SKELETON = ROOT / "skabeloner" / "ny-strategi.yml"
KEY = re.compile(r"^[ \t]*(?:#[ \t]*)?(?:-[ \t]+)?([^\s:#-][^:#\n]*?):(?:[ \t]|$)", re.MULTILINE)


def model_keys(cls: type, seen: set[type] | None = None) -> set[str]:
    """Every YAML key of ``cls`` and of every object it can hold."""
    seen = seen if seen is not None else set()
    if cls in seen:
        return set()
    seen.add(cls)
    keys: set[str] = set()
    for spec in data_fields(cls):
        keys.add(spec.metadata["key"])
        tp = _optional(hints(cls)[spec.name])[0]
        inner = _optional(typing.get_args(tp)[0])[0] if typing.get_origin(tp) is list else tp
        if dataclasses.is_dataclass(inner):
            keys |= model_keys(typing.cast(type, inner), seen)
    return keys


def test_the_skeleton_shows_every_field_a_strategy_can_have():
    written = set(KEY.findall(SKELETON.read_text(encoding="utf-8")))
    missing = sorted(model_keys(Strategy) - written)
    assert missing == [], f"add these fields to {SKELETON.name} (as a commented example if optional): {missing}"
