"""`make new TYPE=companies ID=zhipu-ai`: start a fact file holding every required field of its type.

The fields come from the type's schema in schemas/, so a new required field there shows up here
without a change. Each value is left empty, with a comment saying what belongs there, so that
`make check` afterwards names every field still to fill, at its line.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any

from .factbase.model import BYLINE, PARAGRAPH_PATTERN
from .factbase.schema import SCHEMA_DIR, resolve_schema
from .factbase.validate import ID_PATTERN
from .problems import display_path
from .registry import LANGUAGES
from .registry import TYPE_NAMES as TYPES

INDENT = "  "


class ScaffoldError(Exception):
    """A request `new` refuses, explained in one line."""


def _is_text(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "object" and "x-per-language" in schema


def _comment(own: dict[str, Any], resolved: dict[str, Any]) -> str:
    """What belongs in a scalar field, in the schema's own words where it has them."""
    if "enum" in resolved:
        return "one of: " + ", ".join(str(v) for v in resolved["enum"])
    if "x-ref" in resolved:
        folders = [f"{t}/" for t in resolved["x-ref"]]
        return "the id of a file in " + " or ".join(filter(None, [", ".join(folders[:-1]), folders[-1]]))
    if own.get("description") or resolved.get("description"):
        return str(own.get("description") or resolved.get("description"))
    if resolved.get("x-text"):
        return "plain text"
    if "x-error" in resolved:
        return str(resolved["x-error"])
    return {"number": "a number", "boolean": "true or false", "string": "text"}.get(str(resolved.get("type")), "")


def _with_comment(line: str, comment: str) -> str:
    return f"{line}  # {comment}" if comment else line


def _required(schema: dict[str, Any]) -> list[str]:
    """The required fields of an object schema, in the order its properties are listed."""
    required = set(schema.get("required", []))
    return [name for name in schema.get("properties", {}) if name in required]


def _field(name: str, own: dict[str, Any], base: str, depth: int) -> list[str]:
    """The lines of one required field and its placeholder value."""
    pad = INDENT * depth
    schema, base = resolve_schema(own, base)
    if _is_text(schema):
        lines = [_with_comment(f"{pad}{name}:", str(own.get("description", "")))]
        return lines + [f"{pad}{INDENT}{lang.code}:  # {lang.name}" for lang in LANGUAGES if lang.is_written]
    if schema.get("type") == "object":
        lines = [_with_comment(f"{pad}{name}:", str(own.get("description", "")))]
        for child in _required(schema):
            lines += _field(child, schema["properties"][child], base, depth + 1)
        return lines
    if schema.get("type") == "array":
        item_own = schema.get("items", {})
        item, item_base = resolve_schema(item_own, base)
        if item.get("type") == "object":
            # One item showing the fields each entry needs; the first line carries the list's dash.
            lines = [_with_comment(f"{pad}{name}:", str(own.get("description", "")))]
            item_lines: list[str] = []
            for child in _required(item):
                item_lines += _field(child, item["properties"][child], item_base, depth + 2)
            if item_lines:
                item_lines[0] = f"{pad}{INDENT}- " + item_lines[0].lstrip()
            return lines + item_lines
        return [_with_comment(f"{pad}{name}: []", "a list; each item: " + _comment(item_own, item))]
    # An enum gets '' (the validator then lists the allowed values); other scalars are left empty.
    value = " ''" if "enum" in schema else ""
    return [_with_comment(f"{pad}{name}:{value}", _comment(own, schema))]


def skeleton(type_name: str, schema_line: str) -> str:
    """The text of a new fact file of a type: the schema line, then every required field, empty."""
    base = f"{type_name}.json"
    schema, base = resolve_schema({"$ref": base}, base)
    required = _required(schema)
    optional = [name for name in schema.get("properties", {}) if name not in required]
    lines = [f"# yaml-language-server: $schema={schema_line}"]
    lines.append(f"# Fill in every field below; `make check` names each one still empty. Schema: schemas/{base}")
    if optional:
        lines.append("# Optional fields: " + ", ".join(optional))
    for name in required:
        lines += _field(name, schema["properties"][name], base, 0)
    return "\n".join(lines) + "\n"


def _check_request(type_name: str, entity_id: str, facts: Path) -> None:
    if type_name not in TYPES:
        close = difflib.get_close_matches(type_name, TYPES, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise ScaffoldError(f"unknown type '{type_name}' ({hint}the types are {', '.join(TYPES)})")
    if not ID_PATTERN.fullmatch(entity_id):
        raise ScaffoldError(
            f"'{entity_id}' is not an id (lower-case letters, digits and single hyphens, like 'zhipu-ai')"
        )
    if type_name == "sources" and (PARAGRAPH_PATTERN.fullmatch(entity_id) or entity_id == BYLINE):
        raise ScaffoldError(f"'{entity_id}' is the id of an article paragraph; choose another name")
    if not facts.is_dir():
        raise ScaffoldError(f"the fact base folder {display_path(facts)} does not exist")
    for other in TYPES:
        existing = facts / other / f"{entity_id}.yaml"
        if existing.exists():
            unique = "" if other == type_name else " (ids are unique across all types)"
            raise ScaffoldError(f"the id '{entity_id}' is taken: {display_path(existing)} exists{unique}")


def new_fact_file(type_name: str, entity_id: str, facts: Path) -> Path:
    """Write facts/<type>/<id>.yaml with every required field of the type empty; refuse a bad request."""
    _check_request(type_name, entity_id, facts)
    folder = facts / type_name
    folder.mkdir(exist_ok=True)
    path = folder / f"{entity_id}.yaml"
    schema_line = Path(os.path.relpath(SCHEMA_DIR / f"{type_name}.json", folder.resolve())).as_posix()
    try:
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(skeleton(type_name, schema_line))
    except FileExistsError:
        raise ScaffoldError(f"the id '{entity_id}' is taken: {display_path(path)} exists") from None
    return path
