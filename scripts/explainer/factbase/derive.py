"""The fact base as a derived language's pages read it: every per-language value also has that language's text.

A fact's own text in the derived language (an override, for a name its conversion gets wrong) wins; every other
text is converted from the written language (conversion.py). The fact base as read is left as it is: the
downloads and the written languages' pages never see a converted text.
"""

from __future__ import annotations

from typing import Any

from ..conversion import derived_text
from .model import Entity, FactBase, Link
from .resolve import index
from .schema import inlined_schema


def _with_texts(value: Any, schema: dict[str, Any], code: str, copies: dict[int, Any]) -> Any:
    """A copy of a value with every per-language object given its text in `code`; `copies` maps each original
    object's id to its copy (so that links can point into the copy)."""
    copy: Any
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        copy = {key: _with_texts(item, properties.get(key, {}), code, copies) for key, item in value.items()}
        if "x-per-language" in schema and (text := derived_text(value, code)) is not None:
            copy[code] = text
    elif isinstance(value, list):
        copy = [_with_texts(item, schema.get("items", {}), code, copies) for item in value]
    else:
        return value
    copies[id(value)] = copy
    return copy


def in_language(factbase: FactBase, code: str) -> FactBase:
    """The fact base with each per-language value's text in the derived language `code`, links and all."""
    copies: dict[int, Any] = {}
    entities = {
        entity_id: Entity(e.type, e.id, _with_texts(e.data, inlined_schema(e.type), code, copies), e.file)
        for entity_id, e in factbase.entities.items()
    }
    links = [
        Link(entities[link.source.id], entities[link.target.id], link.relation, copies.get(id(link.detail), {}))
        for link in factbase.links
    ]
    return index(entities, links)
