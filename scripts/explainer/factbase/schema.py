"""The JSON Schemas in schemas/: one per type, the single definition of what a fact file may hold.

Besides standard JSON Schema, a few `x-` keywords carry what the validator needs to know:
`x-ref` (the types an id may point to), `x-source`, `x-date`, `x-text`, `x-error` (how to
explain a pattern that did not match) and `x-label` (how pages name an enum's values; see labels.py).
`x-per-language` gives the schema of an object's value in each language of the registry, so that no schema names
a language: it becomes a property per language, required for each written one where `x-required` says "written".
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource

from ..filecache import while_unchanged
from ..problems import InputError, Problem, display_path
from ..registry import CODES, WRITTEN, language
from .yamlfile import Location, YamlDocument, echo, read_yaml

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "schemas"


def _schema_files() -> list[Path]:
    return [SCHEMA_DIR]  # looked up at each call: a test may point SCHEMA_DIR at changed copies


@while_unchanged(_schema_files)
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        resources.append((path.name, Resource.from_contents(_per_language(_read_json(path)))))
    return Registry().with_resources(resources)


def _per_language(schema: Any) -> Any:
    """The schema with each `x-per-language` made into a property per language of the registry (registry.py)."""
    if isinstance(schema, list):
        return [_per_language(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    expanded = {key: _per_language(value) for key, value in schema.items()}
    if "x-per-language" in schema:
        each = expanded["x-per-language"]
        written_first = [*WRITTEN, *(code for code in CODES if code not in WRITTEN)]  # the derived, optional, last
        expanded["properties"] = {**{code: each for code in written_first}, **expanded.get("properties", {})}
        if schema.get("x-required") == "written":
            expanded["required"] = [*WRITTEN, *expanded.get("required", [])]
    return expanded


def _read_json(path: Path) -> Any:
    """A schema file's JSON; a file that is not JSON is an InputError at the line and column where it breaks."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise InputError([Problem(display_path(path), err.lineno, err.colno, f"not valid JSON: {err.msg}")]) from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError([Problem(display_path(path), 1, 1, f"cannot read the schema: {err}")]) from None


@while_unchanged(_schema_files)
def schema_document(name: str) -> YamlDocument:
    """A schema file as read, with the line and column of every value (for messages about the schema itself)."""
    return read_yaml(SCHEMA_DIR / name, display_path(SCHEMA_DIR / name))


def _ecma_anchored(pattern: str) -> str:
    """A pattern's `$` as JSON Schema means it (ECMA-262): the end of the text, where Python's `$` also allows a
    final newline."""
    return re.sub(r"(?<!\\)\$", r"\\Z", pattern)


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not re.search(_ecma_anchored(pattern), instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})


def _inlined(schema: Any, base: str) -> Any:
    """The schema with every $ref replaced by what it points to (the schemas are not recursive)."""
    if isinstance(schema, list):
        return [_inlined(item, base) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        schema, base = resolve_schema(schema, base)
    return {key: value if key == "enum" else _inlined(value, base) for key, value in schema.items()}


@while_unchanged(_schema_files)
def inlined_schema(type_name: str) -> dict[str, Any]:
    """One type's schema with its references resolved, once rather than on every file."""
    return _inlined({"$ref": f"{type_name}.json"}, f"{type_name}.json")


@while_unchanged(_schema_files)
def validator(type_name: str) -> Draft202012Validator:
    """jsonschema's validator for one type: slower than fast_check, but it says what is wrong and where."""
    return _Validator(inlined_schema(type_name), registry=_registry())


# Keywords that only describe or identify a schema; the fast check is given the rest.
_DESCRIPTIVE = {"$schema", "$id", "$defs", "title", "description"}


def _fast_schema(schema: Any) -> Any:
    """The inlined schema without descriptive keywords. (fastjsonschema anchors a pattern's `$` at the very end
    of the text itself, as ECMA-262 does; the tests check that both validators agree on a final newline.)"""
    if isinstance(schema, list):
        return [_fast_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    fast = {}
    for key, value in schema.items():
        if key in _DESCRIPTIVE or key.startswith("x-"):
            continue
        if key in ("enum", "required"):
            fast[key] = value
        elif key == "properties":
            fast[key] = {name: _fast_schema(sub) for name, sub in value.items()}
        else:
            fast[key] = _fast_schema(value)
    return fast


@while_unchanged(_schema_files)
def fast_check(type_name: str) -> Callable[[Any], Any]:
    """A compiled check (fastjsonschema) of one type's schema: it only tells valid from not, about ten times
    faster than jsonschema. Nearly every file is valid, so jsonschema, which explains each problem, runs only on
    the files this refuses. Only keywords that mean the same in draft-07 and 2020-12 are used in schemas/."""
    schema = {**_fast_schema(inlined_schema(type_name)), "$schema": "http://json-schema.org/draft-07/schema#"}
    return fastjsonschema.compile(schema, use_formats=False)


def allowed_values(type_name: str, field: str) -> list[Any]:
    """The values a type's schema allows in one top-level field, in the schema's order."""
    return list(inlined_schema(type_name)["properties"][field]["enum"])


def resolve_schema(schema: dict[str, Any], base: str) -> tuple[dict[str, Any], str]:
    """Follow $ref until a schema with content, remembering which file it lives in."""
    while "$ref" in schema:
        ref = schema["$ref"]
        file, _, pointer = ref.partition("#")
        base = file or base
        node: Any = _registry().contents(base)
        for part in filter(None, pointer.split("/")):
            node = node[part]
        schema = {**node, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema, base


@dataclass(frozen=True)
class Marked:
    """A value in a fact file that the schema marks with an x- keyword: a reference, a source, a date, a text."""

    location: Location
    value: Any
    schema: dict[str, Any]


def walk_marked(data: Any, type_name: str) -> Iterator[Marked]:
    """Every value of a schema-valid document together with its schema (references already inlined)."""

    def walk(value: Any, schema: dict[str, Any], loc: Location) -> Iterator[Marked]:
        yield Marked(loc, value, schema)
        if isinstance(value, dict):
            properties = schema.get("properties", {})
            for key, item in value.items():
                if key in properties:
                    yield from walk(item, properties[key], (*loc, key))
        elif isinstance(value, list) and "items" in schema:
            for i, item in enumerate(value):
                yield from walk(item, schema["items"], (*loc, i))

    yield from walk(data, inlined_schema(type_name), ())


def _did_you_mean(word: Any, choices: list[str]) -> str:
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return f"did you mean '{echo(close[0])}'?" if close else ""


def _schema_at(type_name: str, loc: tuple[Any, ...]) -> dict[str, Any] | None:
    """The schema of the value at a location of a document (None where the schema says nothing of it)."""
    schema: Any = inlined_schema(type_name)
    for part in loc:
        schema = schema.get("items") if isinstance(part, int) else schema.get("properties", {}).get(part)
        if not isinstance(schema, dict):
            return None
    return schema


def _misplaced_hint(type_name: str, loc: tuple[Any, ...], key: str) -> str:
    """Where a field that is unknown here belongs instead: usually it was indented under the field above it."""
    for depth in range(len(loc) - 1, -1, -1):
        outer = _schema_at(type_name, loc[:depth])
        if outer and key in outer.get("properties", {}):
            where = "the file's top level" if depth == 0 else f"'{'.'.join(str(p) for p in loc[:depth])}'"
            return (
                f"'{echo(key)}' is a field of {where}; it is indented under '{loc[-1]}': "
                f"move it left to line up with '{loc[depth]}'"
            )
    return ""


def _describe(error: ValidationError, doc: YamlDocument, type_name: str) -> list[Problem]:
    loc = tuple(error.absolute_path)
    schema: Any = error.schema
    value: Any = error.instance
    expected: Any = error.validator_value
    kind = error.validator
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        return [
            doc.problem(
                (*loc, key),
                f"unknown field '{echo(key)}'",
                (loc and _misplaced_hint(type_name, loc, key)) or _did_you_mean(key, allowed),
                key=True,
            )
            for key in value
            if key not in allowed
        ]
    if kind == "required":
        names = [m for m in expected if m not in value]
        problems = []
        for name in names:
            if "x-per-language" in schema and name in CODES:
                message = f"missing the {language(name).english_name} text ('{name}:')"
            else:
                message = f"missing required field '{name}'"
            problems.append(doc.problem(loc, message, key=True))
        return problems
    if kind == "anyOf" and all(set(option) == {"required"} for option in expected):
        either = " or ".join(f"'{field}'" for option in expected for field in option["required"])
        return [doc.problem(loc, f"missing required field {either}", key=True)]
    if kind == "enum":
        choices = [str(c) for c in expected]
        hint = _did_you_mean(value, choices) or "one of: " + ", ".join(choices)
        return [doc.problem(loc, f"'{echo(value)}' is not an allowed value", hint)]
    if kind == "pattern" and value == "":
        return []  # an empty text is reported once, by minLength ("must not be empty")
    if kind == "pattern" and "x-error" in schema:
        return [doc.problem(loc, f"'{echo(value)}' is not {schema['x-error']}")]
    if kind == "type":
        wanted: dict[str, str] = {
            "object": "a mapping",
            "array": "a list",
            "string": "text",
            "number": "a number",
            "boolean": "true or false",
        }
        kinds = [str(w) for w in (expected if isinstance(expected, list) else [expected])]
        want_text = " or ".join(wanted.get(w, w) for w in kinds)
        return [doc.problem(loc, f"expected {want_text}, got {_kind_of(value)}")]
    if kind in ("minItems", "minLength"):
        return [doc.problem(loc, "must not be empty")]
    if kind in ("maxItems", "maxLength"):
        return [doc.problem(loc, f"too long: at most {error.validator_value} allowed")]
    if kind == "uniqueItems":
        return [doc.problem(loc, "the list repeats an item")]
    return [doc.problem(loc, echo(error.message, 200))]


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "a mapping"}.get(
        type(value), type(value).__name__
    )


def schema_problems(doc: YamlDocument, type_name: str) -> list[Problem]:
    """Every way the document breaks its type's schema, each at the line it concerns."""
    try:
        fast_check(type_name)(doc.data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    problems: list[Problem] = []
    for error in validator(type_name).iter_errors(doc.data):
        problems.extend(_describe(error, doc, type_name))
    return list(dict.fromkeys(problems))  # one schema rule can fail more than once on the same spot
