"""Every value a schema allows has the words the pages show for it, in every language.

A fact file can only hold what the schemas allow, so checking the schemas against the strings table
once guarantees every page can be rendered: an enum value without its label, a relation without its
heading, or a page type without its name is refused here, at the schema line that allows it, rather
than crashing (or showing a raw value) while the site is written.

Schemas say how each enum is shown with `x-label`: a key prefix (`"x-label": "kind"` asks for
`kind.<value>` in the strings table), several (a unit is written `unit.<value>` beside a number and
`chart.axis.<value>` under a chart), a key with `{}` where the value goes (`chart.{}.title`), or `false`
for values shown as written (exchange codes).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..problems import InputError, Problem
from ..registry import PAGE_TYPES, WRITTEN
from ..registry import TYPE_NAMES as TYPES
from ..strings import LANGUAGES, strings, strings_document
from .model import label_key, value_key
from .schema import inlined_schema, schema_document
from .yamlfile import Location, echo


@dataclass(frozen=True)
class _Node:
    file: str  # schema file name, e.g. "companies.json"
    location: Location  # where in that file
    schema: dict[str, Any]
    relation: tuple[str, ...]  # the field names leading to it, as links name their relation


def _nodes(type_name: str) -> Iterator[_Node]:
    """Every schema node of a type, following $ref into the file it points to."""

    def walk(file: str, location: Location, schema: Any, relation: tuple[str, ...]) -> Iterator[_Node]:
        if not isinstance(schema, dict):
            return
        yield _Node(file, location, schema, relation)
        for key, sub in schema.get("properties", {}).items():
            yield from walk(file, (*location, "properties", key), sub, (*relation, key))
        if "items" in schema:
            yield from walk(file, (*location, "items"), schema["items"], relation)
        if "$ref" in schema:
            target, _, pointer = str(schema["$ref"]).partition("#")
            target = target or file
            node: Any = schema_document(target).data
            path: Location = ()
            for part in filter(None, pointer.split("/")):
                node, path = node[part], (*path, part)
            yield from walk(target, path, node, relation)

    name = f"{type_name}.json"
    yield from walk(name, (), schema_document(name).data, ())


def value_words(table: dict[str, str]) -> dict[str, str]:
    """The words a page shows for each allowed value of every type's top-level enum fields, in one language:
    its label from the strings table, or the value as written (`x-label: false`). Asked only once
    label_problems() found nothing, so every label is there."""
    words = {}
    for type_name in TYPES:
        for field, schema in inlined_schema(type_name).get("properties", {}).items():
            prefix = schema.get("x-label")
            for value in schema.get("enum", []):
                shown = str(value) if prefix is False else table[label_key(_first(prefix), value)]
                words[value_key(type_name, field, value)] = shown
    return words


def _first(prefix: str | list[str]) -> str:
    return prefix[0] if isinstance(prefix, list) else prefix


def _missing(key: str) -> list[str]:
    table = strings()
    return [lang for lang in WRITTEN if not str(table[lang].get(key, "")).strip()]


def _problem(node: _Node, location: Location, message: str, hint: str) -> Problem:
    return schema_document(node.file).problem(location, message, hint)


def _label_hint(key: str, languages: list[str]) -> str:
    wanted = ", ".join(f"{lang}: …" for lang in languages)
    return f"add to {strings_document().path}: {key}: {{{wanted}}}"


def _enum_problems(node: _Node) -> list[Problem]:
    if "x-label" not in node.schema:
        return [
            _problem(
                node,
                (*node.location, "enum"),
                "these allowed values say nothing of how pages show them",
                'add "x-label": "<prefix>" (the strings table then needs <prefix>.<value>), '
                'or "x-label": false to show each value as written',
            )
        ]
    prefix = node.schema["x-label"]
    if prefix is False:
        return []
    problems = []
    prefixes = prefix if isinstance(prefix, list) else [prefix]
    for index, value in enumerate(node.schema["enum"]):
        for key in (label_key(p, value) for p in prefixes):
            missing = _missing(key)
            if not missing:
                continue
            problems.append(
                _problem(
                    node,
                    (*node.location, "enum", index),
                    f"the allowed value '{echo(value)}' has no label in {' and '.join(missing)}",
                    _label_hint(key, missing),
                )
            )
    return problems


def _relation_problems(node: _Node) -> list[Problem]:
    """A link between two pages is listed on both, under a heading for each direction."""
    if not set(node.schema["x-ref"]) & set(PAGE_TYPES):
        return []
    relation = ".".join(node.relation)
    problems = []
    for direction in ("out", "in"):
        key = f"rel.{relation}.{direction}"
        missing = _missing(key)
        if missing:
            problems.append(
                _problem(
                    node,
                    (*node.location, "x-ref"),
                    f"the relation '{relation}' has no heading ({direction}) in {' and '.join(missing)}",
                    _label_hint(key, missing),
                )
            )
    return problems


def _type_problems(type_name: str) -> list[Problem]:
    """Every type is named on the downloads page; a type with pages also names one of its entities."""
    problems = []
    keys = [f"type.{type_name}"]
    if type_name in PAGE_TYPES:  # its index is in the navigation, and its entities are named one at a time
        keys += [f"type.{type_name}.one", f"menu.type.{type_name}"]
    for key in keys:
        missing = _missing(key)
        if missing:
            doc = schema_document(f"{type_name}.json")
            message = f"the type '{type_name}' has no name '{key}' in {' and '.join(missing)}"
            problems.append(doc.problem(("title",), message, _label_hint(key, missing)))
    return problems


def _table_problems() -> list[Problem]:
    """Every entry of the strings table holds a text for each written language, and nothing but the site's
    languages (a derived language's text is optional: it wins over the conversion)."""
    doc = strings_document()
    problems = []
    for key, value in doc.data.items():
        languages = list(value) if isinstance(value, dict) else []
        missing = [lang for lang in WRITTEN if not isinstance(value, dict) or not str(value.get(lang) or "").strip()]
        if missing:
            problems.append(doc.problem((key,), f"'{echo(key)}' has no text in {' and '.join(missing)}", key=True))
        for extra in [lang for lang in languages if lang not in LANGUAGES]:
            problems.append(doc.problem((key, extra), f"'{echo(extra)}' is not a language of the site", key=True))
    return problems


def _language_problems(node: _Node) -> list[Problem]:
    """A schema never names a language: the registry's languages are given to it through x-per-language."""
    named = [key for key in node.schema.get("properties", {}) if key in LANGUAGES]
    return [
        _problem(
            node,
            (*node.location, "properties", key),
            f"the schema names the language '{key}'",
            'give the value of each language with "x-per-language": {…} (and "x-required": "written"), so that '
            "every language of scripts/explainer/registry.py is the schema's",
        )
        for key in named
    ]


def label_problems() -> list[Problem]:
    """Every schema value, relation and page type that the strings table cannot name, in every language."""
    try:
        problems = _table_problems()
    except InputError as err:  # the table itself does not read: nothing can be checked against it
        return err.problems
    for type_name in TYPES:
        for node in _nodes(type_name):
            if "enum" in node.schema:
                problems += _enum_problems(node)
            if "x-ref" in node.schema and type_name in PAGE_TYPES:
                problems += _relation_problems(node)
            problems += _language_problems(node)
        problems += _type_problems(type_name)
    return sorted(set(problems))
