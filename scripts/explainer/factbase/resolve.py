"""Turn checked documents into a FactBase: ids become objects, and every link is readable from both ends."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .mentions import Mention, MentionFinder
from .model import Entity, FactBase, Link
from .validate import Reference
from .yamlfile import YamlDocument


def resolve(docs: list[tuple[str, str, YamlDocument]], references: list[Reference]) -> FactBase:
    """Entities by id and the links between them, each stated once in the data and indexed both ways."""
    entities = {entity_id: Entity(type_name, entity_id, doc.data, doc.path) for type_name, entity_id, doc in docs}
    links: list[Link] = []
    for entity_id, location, target in references:
        entity = entities[entity_id]
        parent = _parent_of(entity.data, location)
        relation = ".".join(str(p) for p in location if not isinstance(p, int))
        links.append(Link(entity, entities[target], relation, parent if isinstance(parent, dict) else {}))
    return index(entities, links)


def index(entities: dict[str, Entity], links: list[Link]) -> FactBase:
    """The fact base with every link filed under both of its ends: relations read from either side."""
    by_source: dict[str, list[Link]] = defaultdict(list)
    by_target: dict[str, list[Link]] = defaultdict(list)
    for link in links:
        by_source[link.source.id].append(link)
        by_target[link.target.id].append(link)
    return FactBase(entities, links, dict(by_source), dict(by_target))


def _parent_of(data: Any, location: tuple[Any, ...]) -> Any:
    for part in location[:-1]:
        data = data[part]
    return data


def mentions_in(texts: dict[str, str], finder: MentionFinder) -> dict[str, list[tuple[str, Mention]]]:
    """The mentions index: for every entity, each paragraph that names it, with its first mention there."""
    found: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    for paragraph_id, text in texts.items():
        for mention in finder.first_each(text):
            found[mention.entity.id].append((paragraph_id, mention))
    return dict(found)
