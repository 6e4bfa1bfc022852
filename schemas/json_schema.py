"""JSON Schema of the export shape (``Result.to_dict()``), generated from the dataclasses.

``records.schema.json`` beside this file is the generated copy; regenerate it with
``python -m schemas.json_schema`` after changing ``records.py`` or ``document.py``
(a test fails while it is stale).
"""
from __future__ import annotations

import json
import types
from dataclasses import MISSING, fields, is_dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from schemas.document import Block, BlockKind, Document
from schemas.records import (RECORD_TYPES, AttendeeStatus, DecisionType, DocKind, DocumentInfo, Evidence,
                             MeetingStatus, Role)

SCHEMA_FILE = Path(__file__).with_name("records.schema.json")
SCHEMA_ID = "https://arkisto.invalid/schemas/records.schema.json"
# Fields typed ``str`` whose values the scoring contract fixes (GOLD_FORMAT.md).
ENUM_FIELDS: dict[tuple[str, str], type[Enum]] = {
    ("DocumentInfo", "kind"): DocKind,
    ("Meeting", "status"): MeetingStatus,
    ("Attendee", "status"): AttendeeStatus,
    ("Attendee", "role"): Role,
    ("Decision", "type"): DecisionType,
    ("Block", "kind"): BlockKind,
}


def type_schema(hint: Any) -> dict[str, Any]:
    """The JSON Schema of one Python type hint."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        options = [type_schema(a) for a in args if a is not type(None)]
        schema = options[0] if len(options) == 1 else {"anyOf": options}
        return {"anyOf": [schema, {"type": "null"}]} if type(None) in args else schema
    if origin is list:
        return {"type": "array", "items": type_schema(args[0]) if args else {}}
    if origin is dict or hint is dict:
        return {"type": "object"}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return {"type": "string", "enum": [str(m.value) for m in hint]}
    if is_dataclass(hint):
        return {"$ref": f"#/$defs/{hint.__name__}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if hint in simple:
        return {"type": simple[hint]}
    return {}


def object_schema(cls: type, *, skip: tuple[str, ...] = (), optional_defaults: bool = False,
                  description: str | None = None) -> dict[str, Any]:
    """An object with one property per dataclass field.

    ``optional_defaults``: fields with defaults may be absent (``Block.to_dict`` drops them).
    """
    hints = get_type_hints(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    for f in fields(cls):
        if f.name in skip:
            continue
        enum = ENUM_FIELDS.get((cls.__name__, f.name))
        schema = type_schema(enum if enum else hints[f.name])
        if enum and get_origin(hints[f.name]) in (Union, types.UnionType):
            schema = {"anyOf": [schema, {"type": "null"}]}
        props[f.name] = schema
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if not (optional_defaults and has_default):
            required.append(f.name)
    out: dict[str, Any] = {"type": "object", "properties": props, "required": required}
    doc = description or (cls.__doc__ or "").strip()
    if doc and not doc.startswith(f"{cls.__name__}("):  # dataclass's generated signature
        out["description"] = doc.splitlines()[0]
    return out


def export_schema() -> dict[str, Any]:
    """The schema of one exported document: document, blocks and one list per record type."""
    document = object_schema(Document, skip=("blocks",))
    info = object_schema(DocumentInfo, skip=("evidence", "id"))
    document["properties"].update(info["properties"])
    document["required"] += [r for r in info["required"] if r not in document["required"]]
    document["description"] = "The document as read, with the kind, language, date and title found in it."
    defs: dict[str, Any] = {"Evidence": object_schema(Evidence), "Block": object_schema(Block, optional_defaults=True)}
    properties: dict[str, Any] = {"document": document,
                                  "blocks": {"type": "array", "items": {"$ref": "#/$defs/Block"}}}
    for name, cls in RECORD_TYPES.items():
        defs[cls.__name__] = object_schema(cls)
        properties[name] = {"type": "array", "items": {"$ref": f"#/$defs/{cls.__name__}"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "arkisto document export",
        "description": "One document as exported by `arkisto extract --out` and `arkisto export --format json`.",
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "$defs": defs,
    }


def render() -> str:
    return json.dumps(export_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(render(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
