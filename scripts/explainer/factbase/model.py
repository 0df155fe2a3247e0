"""The resolved fact base: entities by type and id, and the links between them in both directions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..registry import PAGE_TYPES

PARAGRAPH_PATTERN = re.compile(r"p[1-9][0-9]*")  # a paragraph of the article, cited as a source: p12
BYLINE = "byline"  # the article's byline, citable like a paragraph


@dataclass(frozen=True, eq=False, repr=False)  # one object per entity: identity is equality
class Entity:
    type: str
    id: str
    data: dict[str, Any]
    file: str  # path of the YAML file, relative to the repository where possible

    def __repr__(self) -> str:
        return f"Entity({self.type}/{self.id})"

    def name(self, lang: str) -> str:
        return str(self.data["name"][lang]) if "name" in self.data else self.id

    def aliases(self, lang: str) -> list[str]:
        return list(self.data.get("aliases", {}).get(lang, []))

    def names(self, lang: str) -> list[str]:
        """The name and every alias in one language, the name first."""
        return [self.name(lang), *self.aliases(lang)]

    @property
    def has_page(self) -> bool:
        return self.type in PAGE_TYPES


@dataclass(frozen=True)
class Mention:
    """An entity named in a text, at [start, end)."""

    start: int
    end: int
    entity: Entity


@dataclass(frozen=True)
class Link:
    """One relation between two entities, kept once and read from either end."""

    source: Entity  # the entity whose file states the relation
    target: Entity
    relation: str  # the schema location it came from, e.g. "developers.company"
    detail: dict[str, Any] = field(default_factory=dict)  # the object holding the reference


@dataclass(repr=False)
class FactBase:
    """Entities by id and the links between them, indexed from both ends (resolve.py builds it).

    While a page renders, `reading()` notes every entity looked up through these methods, so that the page knows
    the files it shows (render/freshness.py); what a renderer finds by scanning `entities` itself it notes with
    `shown()`.
    """

    entities: dict[str, Entity]  # by id; ids are unique across all types
    links: list[Link]
    by_source: dict[str, list[Link]] = field(default_factory=dict)  # entity id -> the links its file states
    by_target: dict[str, list[Link]] = field(default_factory=dict)  # entity id -> the links pointing at it
    _readers: list[set[Entity]] = field(default_factory=list, init=False, compare=False)

    def __repr__(self) -> str:
        return f"FactBase({len(self.entities)} entities, {len(self.links)} links)"

    @contextmanager
    def reading(self) -> Iterator[set[Entity]]:
        """Every entity looked up until the block ends."""
        seen: set[Entity] = set()
        self._readers.append(seen)
        try:
            yield seen
        finally:
            self._readers.remove(seen)

    def shown(self, entities: Iterable[Entity]) -> None:
        """Note entities found without looking them up here (by a scan of `entities`), for `reading()`."""
        found = tuple(entities)  # once, however many are reading
        for seen in self._readers:
            seen.update(found)

    def of_type(self, type_name: str) -> list[Entity]:
        found = sorted((e for e in self.entities.values() if e.type == type_name), key=lambda e: e.id)
        if self._readers:
            self.shown(found)
        return found

    def get(self, entity_id: str) -> Entity:
        entity = self.entities[entity_id]
        if self._readers:
            self.shown((entity,))
        return entity

    def get_all(self, entity_ids: list[str]) -> list[Entity]:
        found = [self.entities[i] for i in entity_ids]
        if self._readers:
            self.shown(found)
        return found

    def links_from(self, entity: Entity, relation: str | None = None) -> list[Link]:
        found = [link for link in self.by_source.get(entity.id, []) if relation is None or link.relation == relation]
        if self._readers:
            self.shown(link.target for link in found)
        return found

    def links_to(self, entity: Entity, relation: str | None = None) -> list[Link]:
        found = [link for link in self.by_target.get(entity.id, []) if relation is None or link.relation == relation]
        if self._readers:
            self.shown(link.source for link in found)
        return found


def label_key(prefix: str, value: object) -> str:
    """The strings table's key for a value: `kind` and `company` give `kind.company`; `chart.{}.title` and
    `costs` give `chart.costs.title`."""
    return prefix.format(value) if "{}" in prefix else f"{prefix}.{value}"


def value_key(type_name: str, field_name: str, value: object) -> str:
    """Where the words for an allowed value of a type's top-level field are kept in the resolved words."""
    return f"value.{type_name}.{field_name}.{value}"


def value_label(type_name: str, field_name: str, value: object, words: dict[str, str]) -> str:
    """How a page names an allowed value of a top-level field, from the words of its language (Vocabulary)."""
    return words[value_key(type_name, field_name, value)]


@dataclass(frozen=True)
class Vocabulary:
    """What the schemas allow, and the words the pages use, every value's label among them, in every language.

    Read and checked with the fact base (inputs.py), so that rendering reads neither the schema files nor the
    strings table, and asks nothing of the validator.
    """

    schemas: dict[str, dict[str, Any]]  # each type's schema, its references resolved
    words: dict[str, dict[str, str]]  # by language: the strings table, and value.<type>.<field>.<value> labels

    def allowed(self, type_name: str, field_name: str) -> list[Any]:
        """The values a type's schema allows in one top-level field, in the schema's order."""
        return list(self.schemas[type_name]["properties"][field_name]["enum"])

    def groups(self, type_name: str, field_name: str) -> list[tuple[str, list[Any]]]:
        """The groups the schema sorts a top-level field's values into (x-groups), in its order; without groups,
        one group, named "", holding every value."""
        field = self.schemas[type_name]["properties"][field_name]
        if "x-groups" not in field:
            return [("", list(field["enum"]))]
        return [(name, list(values)) for name, values in field["x-groups"].items()]
