"""Write the JSON Schemas for data/ from the model: ``python -m macros.jsonschema [--check]``.

Editors' tools (VS Code with the YAML extension) read them through the
``# yaml-language-server: $schema=...`` line at the top of each data file.
With --check nothing is written; the exit code is 1 if a committed schema is stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .loader import MUNICIPALITY_FILE, PARTICIPATION_FILE, SITE_FILE
from .model import Strategy
from .schema import json_schema

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
