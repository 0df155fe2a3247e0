"""The fact base as downloads: all of it in one JSON file, one CSV file per type, and each type's fields.

The fields, their CSV columns and their descriptions are read from schemas/, the one definition of
what a fact file holds, so the download page never drifts from the validator.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..factbase.model import FactBase
from ..registry import CODES
from ..registry import TYPE_NAMES as TYPES
from .paths import FACTBASE_JSON as JSON_PATH
from .paths import csv_file

PARAGRAPHS_KEY = "paragraphs"  # beside the types in factbase.json: the article's paragraph ids, in order
# A UTF-8 byte-order mark: without it Excel reads a CSV file as the system's code page and garbles Chinese.
CSV_BOM = "\ufeff"
# A spreadsheet runs a cell that starts with one of these as a formula; such text is written after an apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


@dataclass(frozen=True)
class Column:
    """One CSV column: the path of the value in a fact file and how its cell is written."""

    name: str  # "name.zh", "parameters.value", "developers"
    path: tuple[str, ...]
    json: bool  # the cell holds JSON (numbers, true/false, lists); otherwise the text as it is


@dataclass(frozen=True)
class Field:
    """One field of a type as its schema defines it, for the download page."""

    path: str  # "parameters.value"; an item of a list is "developers[].company"
    required: bool
    kind: str  # text, line, number, boolean, date, id, source, url, enum, list, object
    item_kind: str  # for a list: the kind of its items
    choices: tuple[str, ...]  # the values of an enum, or the types an id may name
    description: str  # the schema's own words, "" where it has none


def _is_bilingual_text(schema: dict[str, Any]) -> bool:
    """A text in each language and nothing else (a claim also has its citations: an object)."""
    languages = "x-per-language" in schema and schema["x-per-language"].get("type") == "string"
    return languages and set(schema.get("properties", {})) <= set(CODES)


def _kind(schema: dict[str, Any]) -> str:
    if _is_bilingual_text(schema):
        return "text"
    if "enum" in schema:
        return "enum"
    if schema.get("x-source"):
        return "source"
    if schema.get("x-date"):
        return "date"
    if "x-ref" in schema:
        return "id"
    if schema.get("pattern") == "^[a-z0-9]+(-[a-z0-9]+)*$":
        return "name"  # an id that names no file: a claim's, which an assessment points to
    if schema.get("x-text"):
        return "line"
    if str(schema.get("pattern", "")).startswith("^https?://"):
        return "url"
    # Every JSON type maps to a kind the strings table names (data.kind.*): a new schema cannot break the page.
    return _JSON_KINDS.get(str(schema.get("type", "")), "line")


_JSON_KINDS = {"array": "list", "string": "line", "integer": "number", "number": "number"}
_JSON_KINDS |= {"boolean": "boolean", "object": "object"}


def _is_cell_text(schema: dict[str, Any]) -> bool:
    """Strings (and enums of strings) are written as they are; every other value as JSON."""
    if "enum" in schema:
        return all(isinstance(v, str) for v in schema["enum"])
    return schema.get("type") == "string"


def _columns(schema: dict[str, Any], path: tuple[str, ...]) -> Iterator[Column]:
    for name, field in schema.get("properties", {}).items():
        if field.get("type") == "object" and "properties" in field:
            yield from _columns(field, (*path, name))
        else:
            yield Column(".".join((*path, name)), (*path, name), not _is_cell_text(field))


def csv_columns(schema: dict[str, Any]) -> list[Column]:
    """The columns of a type's CSV file after `id`: objects flattened into dotted columns, lists kept whole."""
    return list(_columns(schema, ()))


def _fields(schema: dict[str, Any], prefix: str) -> Iterator[Field]:
    required = set(schema.get("required", []))
    for name, resolved in schema.get("properties", {}).items():
        kind = _kind(resolved)
        item = resolved.get("items", {})
        item_kind = _kind(item) if kind == "list" else ""
        choices = resolved.get("enum") or resolved.get("x-ref") or item.get("enum") or item.get("x-ref") or ()
        description = resolved.get("description") or (item.get("description", "") if kind == "list" else "")
        yield Field(prefix + name, name in required, kind, item_kind, tuple(map(str, choices)), str(description))
        if kind == "object":
            yield from _fields(resolved, f"{prefix}{name}.")
        elif item_kind == "object":
            yield from _fields(item, f"{prefix}{name}[].")


def schema_fields(schema: dict[str, Any]) -> list[Field]:
    """Every field of a type, nested ones after their parent, in the schema's order."""
    return list(_fields(schema, ""))


def schema_summary(type_name: str, schema: dict[str, Any]) -> tuple[str, str]:
    """The title and description the type's schema gives itself."""
    return str(schema.get("title", type_name)), str(schema.get("description", ""))


def factbase_json(factbase: FactBase, paragraph_ids: list[str]) -> str:
    """The whole fact base, {type: {id: data}}, with the article's paragraph ids that sources may name: what
    json.dumps(…, ensure_ascii=False, sort_keys=True, indent=1) writes of it, each fact written once while its
    data is the same (a live preview reads again only the file saved, and writes this after every save)."""
    document: dict[str, Any] = {t: factbase.of_type(t) for t in TYPES}
    document[PARAGRAPHS_KEY] = paragraph_ids
    written: dict[int, tuple[dict[str, Any], str]] = {}

    def fact(data: dict[str, Any]) -> str:
        kept = _WRITTEN.get(id(data)) or (data, _dumps(data).replace("\n", "\n  "))
        written[id(data)] = kept
        return kept[1]

    members = []
    for key in sorted(document):
        value = document[key]
        if key == PARAGRAPHS_KEY:
            text = _dumps(value).replace("\n", "\n ")
        elif value:
            facts = sorted(value, key=lambda e: e.id)
            text = "{\n" + ",\n".join(f"  {_dumps(e.id)}: {fact(e.data)}" for e in facts) + "\n }"
        else:
            text = "{}"
        members.append(f" {_dumps(key)}: {text}")
    _WRITTEN.clear()
    _WRITTEN.update(written)
    return "{\n" + ",\n".join(members) + "\n}\n"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1)


# Each fact's data as JSON at the depth factbase_json puts it, by the identity of its data (kept with it): an
# unchanged file's data is the same object from one load to the next (load.py reads again only files that changed).
# Each call keeps only the facts it wrote.
_WRITTEN: dict[int, tuple[dict[str, Any], str]] = {}


def _value_at(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def _cell(value: Any, column: Column) -> str:
    if value is None:
        return ""
    if column.json:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def type_csv(factbase: FactBase, type_name: str, schema: dict[str, Any]) -> str:
    """One row per entity of a type, sorted by id; an empty cell is a field the file leaves out."""
    columns = csv_columns(schema)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["id", *(c.name for c in columns)])
    for entity in factbase.of_type(type_name):
        writer.writerow([entity.id, *(_cell(_value_at(entity.data, c.path), c) for c in columns)])
    return CSV_BOM + out.getvalue()


def download_files(factbase: FactBase, paragraph_ids: list[str], schemas: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Every download by its path in a language's docs folder."""
    files = {JSON_PATH: factbase_json(factbase, paragraph_ids)}
    for type_name in TYPES:
        files[csv_file(type_name)] = type_csv(factbase, type_name, schemas[type_name])
    return files
