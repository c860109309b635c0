"""Open data: the whole content as JSON (site and per strategy), initiatives and indicators as CSV.

The JSON uses the same Danish keys as the YAML in data/, so the published JSON Schemas are the data
format's own schemas (``jsonschema.json_schema``), and ``from_data`` reads the JSON back into the model:
what a reuser downloads is exactly what the site was built from.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import typing
from typing import Any

from . import progress
from .fields import data_fields, hints, optional
from .jsonschema import json_schema
from .model import Municipality, Participation, Site, SiteSettings, Strategy

DATA_DIR = "data"
SCHEMA_DIR = f"{DATA_DIR}/skema"
SITE_JSON = f"{DATA_DIR}/site.json"
INITIATIVES_CSV = f"{DATA_DIR}/indsatser.csv"
INDICATORS_CSV = f"{DATA_DIR}/indikatorer.csv"
STRATEGY_SCHEMA = f"{SCHEMA_DIR}/strategi.schema.json"
SITE_SCHEMA = f"{SCHEMA_DIR}/site.schema.json"
LICENSE_NOTE = "Se 'Om sitet' for kilder og vilkår."


def strategy_json_path(strategy: Strategy) -> str:
    return f"{DATA_DIR}/strategier/{strategy.id}.json"


def to_data(value: Any) -> Any:
    """A model object as JSON-ready data under its YAML keys; empty fields left out, dates as ÅÅÅÅ-MM-DD."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in data_fields(type(value)):
            item = to_data(getattr(value, f.name))
            if item is not None and item != []:
                out[f.metadata["key"]] = item
        return out
    if isinstance(value, list):
        return [to_data(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)
    return value


def from_data(data: Any, tp: Any) -> Any:
    """Read exported data back into the model (the inverse of ``to_data``) for reusers and round-trip tests."""
    tp, _ = optional(tp)
    if data is None:
        return [] if typing.get_origin(tp) is list else None
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        types_ = hints(tp)
        kwargs = {}
        for f in data_fields(tp):
            key = f.metadata["key"]
            if key in data:
                kwargs[f.name] = from_data(data[key], types_[f.name])
        return tp(**kwargs)
    if typing.get_origin(tp) is list:
        return [from_data(v, typing.get_args(tp)[0]) for v in data]
    if tp is dt.date:
        return dt.date.fromisoformat(data)
    if tp is float:
        return float(data)
    if typing.get_origin(tp) is typing.Literal:
        return data
    return tp(data)


def _relative(target: str, here: str) -> str:
    """The schema's address relative to the JSON file that declares it (works wherever the site is hosted)."""
    depth = here.count("/")
    return "../" * depth + target


def strategy_document(strategy: Strategy, build_date: dt.date) -> dict[str, Any]:
    here = strategy_json_path(strategy)
    return {"$schema": _relative(STRATEGY_SCHEMA, here), **to_data(strategy)}


def site_document(site: Site, build_date: dt.date) -> dict[str, Any]:
    return {
        "$schema": _relative(SITE_SCHEMA, SITE_JSON),
        "dannet": build_date.isoformat(),
        "site": to_data(site.settings),
        "kommuner": to_data(site.municipalities),
        "strategier": to_data(site.strategies),
        "vær_med": to_data(site.participation),
    }


def _with_schema_key(schema: dict[str, Any]) -> dict[str, Any]:
    """The data format's schema, also allowing the '$schema' key each JSON file declares."""
    props = {"$schema": {"type": "string", "description": "Adressen på dette JSON-skema."}}
    return {**schema, "properties": {**props, **schema["properties"]}}


def strategy_schema() -> dict[str, Any]:
    return _with_schema_key(json_schema(Strategy, "En strategi som åbne data (data/strategier/<id>.json)"))


def site_schema() -> dict[str, Any]:
    """The site file: settings, municipalities, strategies and Vær med, each by its data format's schema."""
    defs: dict[str, Any] = {}
    for model in (SiteSettings, Municipality, Strategy, Participation):
        part = json_schema(model, "")
        defs.update(part.pop("$defs"))
        defs[model.__name__] = {k: v for k, v in part.items() if k not in ("$schema", "title")}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Hele sitets indhold som åbne data (data/site.json)",
        "type": "object",
        "properties": {
            "$schema": {"type": "string", "description": "Adressen på dette JSON-skema."},
            "dannet": {"type": "string", "format": "date", "description": "Dagen, filen blev dannet."},
            "site": {"$ref": "#/$defs/SiteSettings"},
            "kommuner": {"type": "array", "items": {"$ref": "#/$defs/Municipality"}},
            "strategier": {"type": "array", "items": {"$ref": "#/$defs/Strategy"}},
            "vær_med": {"type": "array", "items": {"$ref": "#/$defs/Participation"}},
        },
        "required": ["$schema", "dannet", "site", "kommuner", "strategier", "vær_med"],
        "additionalProperties": False,
        "$defs": defs,
    }


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs also read æ, ø and å right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def _number(value: float | None) -> str:
    return "" if value is None else format(value, "g")


INITIATIVE_HEADER = [
    "kommune",
    "strategi_id",
    "strategi",
    "tema_id",
    "tema",
    "indsats_id",
    "indsats",
    "status",
    "ansvarlig",
    "start",
    "slut",
    "fremdrift_procent",
]
INDICATOR_HEADER = [
    "strategi_id",
    "indsats_id",
    "indikator_id",
    "indikator",
    "enhed",
    "udgangspunkt",
    "mål",
    "dato",
    "værdi",
]


def initiatives_csv(site: Site) -> bytes:
    rows = []
    for s in site.strategies:
        themes: dict[str, str] = {t.id: t.title for t in s.themes}
        for i in progress.initiatives(s):
            status = progress.initiative_status(site, i.status)
            rows.append(
                [
                    s.municipality,
                    s.id,
                    s.title,
                    i.theme or "",
                    themes.get(i.theme or "", ""),
                    i.id,
                    i.title,
                    status.name if status else "",
                    i.responsible or "",
                    i.start.isoformat() if i.start else "",
                    i.end.isoformat() if i.end else "",
                    _number(i.progress),
                ]
            )
    return _csv(INITIATIVE_HEADER, rows)


def indicators_csv(site: Site) -> bytes:
    """One row per measurement; an indicator without measurements gets one row with empty date and value."""
    rows = []
    for s in site.strategies:
        for i in progress.initiatives(s):
            for ind in i.indicators:
                base = [s.id, i.id, ind.id, ind.name, ind.unit, _number(ind.baseline), _number(ind.target)]
                measured = sorted(ind.measurements, key=lambda m: m.date)
                rows += [base + [m.date.isoformat(), _number(m.value)] for m in measured] or [base + ["", ""]]
    return _csv(INDICATOR_HEADER, rows)


def files(site: Site, build_date: dt.date) -> dict[str, bytes]:
    """Every open-data file, by its path in the built site."""
    out = {
        SITE_JSON: _json(site_document(site, build_date)),
        SITE_SCHEMA: _json(site_schema()),
        STRATEGY_SCHEMA: _json(strategy_schema()),
        INITIATIVES_CSV: initiatives_csv(site),
        INDICATORS_CSV: indicators_csv(site),
    }
    out.update({strategy_json_path(s): _json(strategy_document(s, build_date)) for s in site.strategies})
    return out
