"""The committed JSON Schemas are generated from the model and must not go stale."""

from __future__ import annotations

import json

from macros.jsonschema import SCHEMA_DIR, main, rendered


def test_committed_schemas_are_current():
    assert main(["--check"]) == 0, "run `make schema` and commit schema/"


def test_schema_describes_danish_keys_and_forbids_unknown_fields():
    schema = json.loads(rendered()["strategi.schema.json"])
    assert "kommune" in schema["required"] and "temaer" in schema["properties"]
    theme = schema["$defs"]["Theme"]
    assert theme["additionalProperties"] is False and "mål" in theme["properties"]
    assert (SCHEMA_DIR / "strategi.schema.json").is_file()
