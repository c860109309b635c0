"""The JSON Schemas of the data files, generated from the model: ``python -m macros.jsonschema [--check]``.

Editors' tools (VS Code with the YAML extension) read them through the
``# yaml-language-server: $schema=...`` line at the top of each data file.
With --check nothing is written; the exit code is 1 if a committed schema is stale.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
import typing
from pathlib import Path
from typing import Any, Literal

from .fields import DATE_RE, SLUG_RE, data_fields, hints, optional
from .loader import MUNICIPALITY_FILE, PARTICIPATION_FILE, SITE_FILE
from .model import Email, Slug, Strategy, Url


def json_schema(root: type, title: str) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) for a YAML file whose top level is ``root``."""
    defs: dict[str, Any] = {}
    _schema_for(root, defs)
    top = defs.pop(root.__name__)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **top, "$defs": defs}


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    tp, _ = optional(tp)
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


SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
SCHEMAS = {
    "strategi.schema.json": (Strategy, "En strategi (data/strategier/<id>.yml)"),
    "site.schema.json": (SITE_FILE.model, "Fælles målgrupper og læsergrupper (data/site.yml)"),
    "kommuner.schema.json": (MUNICIPALITY_FILE.model, "Kommunerne (data/kommuner.yml)"),
    "vaer-med.schema.json": (PARTICIPATION_FILE.model, "Måder at være med på (data/vaer-med.yml)"),
}


def rendered() -> dict[str, str]:
    return {
        name: json.dumps(json_schema(model, title), ensure_ascii=False, indent=2) + "\n"
        for name, (model, title) in SCHEMAS.items()
    }


def main(argv: list[str] | None = None) -> int:
    check = "--check" in (sys.argv[1:] if argv is None else argv)
    stale = []
    for name, text in rendered().items():
        path = SCHEMA_DIR / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(name)
            if not check:
                SCHEMA_DIR.mkdir(exist_ok=True)
                path.write_text(text, encoding="utf-8")
    if check and stale:
        print(f"Forældede JSON-skemaer: {', '.join(stale)}. Kør: make schema")
        return 1
    print("JSON-skemaerne er opdaterede." if not stale else f"Skrev {', '.join(stale)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
