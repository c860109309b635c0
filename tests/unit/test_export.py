"""Open data (macros/export.py): JSON valid against the published schemas, a full round trip, readable CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import posixpath
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, ROOT
from macros import export, loader, outputs, progress
from macros.model import Strategy

BUILD = dt.date(2026, 1, 10)


@pytest.fixture(scope="module", params=["progress-site", "real"])
def site(request):
    data = ROOT / "data" if request.param == "real" else FIXTURES / request.param / "data"
    return loader.load_site(data)


@pytest.fixture(scope="module")
def files(site) -> dict[str, bytes]:
    return outputs.extra_files(site, "", BUILD)


def validate(instance: Any, schema: dict[str, Any], root: dict[str, Any], path: str = "$") -> list[str]:
    """A validator for the subset of JSON Schema 2020-12 that macros/jsonschema.py emits.

    Supports $ref (local), type, properties, required, additionalProperties: false, items, enum, pattern,
    minLength. Any other keyword is a failure, so the subset cannot silently grow past what is checked.
    """
    known = {
        "$schema",
        "title",
        "description",
        "$defs",
        "$ref",
        "type",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "enum",
        "pattern",
        "minLength",
        "format",
    }
    assert set(schema) <= known, f"unsupported keywords {set(schema) - known} at {path}"
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return validate(instance, root["$defs"][name], root, path)
    errors = []
    kind = schema.get("type")
    types = {"object": dict, "array": list, "string": str, "number": (int, float)}
    if kind and not isinstance(instance, types[kind]):
        return [f"{path}: expected {kind}, got {type(instance).__name__}"]
    if "enum" in schema and instance not in schema["enum"]:
        errors.append(f"{path}: {instance!r} not in {schema['enum']}")
    if isinstance(instance, str):
        if len(instance) < schema.get("minLength", 0):
            errors.append(f"{path}: too short")
        if "pattern" in schema and not re.search(schema["pattern"], instance):
            errors.append(f"{path}: {instance!r} does not match {schema['pattern']}")
    if isinstance(instance, dict):
        props = schema.get("properties", {})
        errors += [f"{path}: missing {key}" for key in schema.get("required", []) if key not in instance]
        if schema.get("additionalProperties") is False:
            errors += [f"{path}: unexpected {key}" for key in instance if key not in props]
        for key, value in instance.items():
            if key in props:
                errors += validate(value, props[key], root, f"{path}.{key}")
    if isinstance(instance, list) and "items" in schema:
        for index, item in enumerate(instance):
            errors += validate(item, schema["items"], root, f"{path}[{index}]")
    return errors


def _json_files(files: dict[str, bytes]) -> dict[str, Any]:
    return {p: json.loads(d) for p, d in files.items() if p.endswith(".json") and "/skema/" not in p}


def test_every_json_file_declares_a_published_schema_and_validates_against_it(files, site):
    documents = _json_files(files)
    assert set(documents) == {export.SITE_JSON} | {export.strategy_json_path(s) for s in site.strategies}
    for path, document in documents.items():
        schema_path = posixpath.normpath(posixpath.join(posixpath.dirname(path), document["$schema"]))
        assert schema_path in files, f"{path} declares {document['$schema']}, which the build does not publish"
        schema = json.loads(files[schema_path])
        assert validate(document, schema, schema) == [], path


def test_the_validator_rejects_what_the_schema_forbids(files):
    schema = json.loads(files[export.STRATEGY_SCHEMA])
    document = json.loads(next(d for p, d in files.items() if p.startswith("data/strategier/")))
    assert validate({**document, "ukendt": 1}, schema, schema) == ["$: unexpected ukendt"]
    assert validate({k: v for k, v in document.items() if k != "titel"}, schema, schema) == ["$: missing titel"]
    assert validate({**document, "status": "færdig"}, schema, schema)


def test_site_json_round_trips_every_strategy_theme_goal_action_and_initiative(files, site):
    document = json.loads(files[export.SITE_JSON])
    strategies = [export.from_data(s, Strategy) for s in document["strategier"]]
    assert strategies == site.strategies  # dataclass equality: every field, nested, except source lines
    for original, read in zip(site.strategies, strategies, strict=True):
        assert [(t.id, t.goal) for t in read.themes] == [(t.id, t.goal) for t in original.themes]
        actions = [a.text for g in original.guidance for a in g.actions]
        assert [a.text for g in read.guidance for a in g.actions] == actions
        assert [i.id for i in progress.initiatives(read)] == [i.id for i in progress.initiatives(original)]
    assert [m["id"] for m in document["kommuner"]] == [m.id for m in site.municipalities]
    assert [p["id"] for p in document["vær_med"]] == [p.id for p in site.participation]
    assert document["dannet"] == BUILD.isoformat()


def test_each_strategy_json_round_trips(files, site):
    for strategy in site.strategies:
        document = json.loads(files[export.strategy_json_path(strategy)])
        assert export.from_data({k: v for k, v in document.items() if k != "$schema"}, Strategy) == strategy


def _csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_initiatives_csv_has_a_row_per_initiative_with_danish_characters_intact(files, site):
    rows = _csv(files[export.INITIATIVES_CSV])
    expected = [(s.id, i.id) for s in site.strategies for i in progress.initiatives(s)]
    assert [(r["strategi_id"], r["indsats_id"]) for r in rows] == expected
    header = next(csv.reader(io.StringIO(files[export.INITIATIVES_CSV].decode("utf-8-sig"))))
    assert header == export.INITIATIVE_HEADER
    for row in rows:
        strategy = site.strategies_by_id[row["strategi_id"]]
        initiative = next(i for i in progress.initiatives(strategy) if i.id == row["indsats_id"])
        assert row["indsats"] == initiative.title and row["strategi"] == strategy.title
        status = progress.initiative_status(site, initiative.status)
        assert row["status"] == (status.name if status else "")


def test_indicators_csv_has_every_measurement(files, site):
    rows = _csv(files[export.INDICATORS_CSV])
    expected = []
    for s in site.strategies:
        for i in progress.initiatives(s):
            for ind in i.indicators:
                measured = sorted(ind.measurements, key=lambda m: m.date)
                expected += [(ind.id, m.date.isoformat(), m.value) for m in measured] or [(ind.id, "", None)]
    assert [(r["indikator_id"], r["dato"], float(r["værdi"]) if r["værdi"] else None) for r in rows] == expected


def test_fixture_csv_keeps_æøå():
    site = loader.load_site(FIXTURES / "progress-site" / "data")
    text = export.initiatives_csv(site).decode("utf-8-sig")
    assert "Åbne værksteder" in text and "Fællesskab for alle" in text and "åbne-værksteder" in text
    rows = _csv(export.indicators_csv(site))
    assert any(r["værdi"] == "41.5" for r in rows)


def test_published_schemas_match_the_data_format(files):
    from macros.jsonschema import json_schema

    strategy_schema = json.loads(files[export.STRATEGY_SCHEMA])
    data_schema = json_schema(Strategy, "x")
    assert strategy_schema["$defs"] == json.loads(json.dumps(data_schema["$defs"]))
    assert set(strategy_schema["properties"]) == set(data_schema["properties"]) | {"$schema"}
    repo = json.loads((Path(ROOT) / "schema" / "strategi.schema.json").read_text(encoding="utf-8"))
    assert repo["$defs"] == strategy_schema["$defs"]  # editors' schema and the published one agree
