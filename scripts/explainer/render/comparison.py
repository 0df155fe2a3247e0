"""An index as a comparison: the entities of a type in the groups its schema sorts their kinds into (x-groups), each
group with only the columns that hold something in it, and each model's latest release on the timeline."""

from __future__ import annotations

from dataclasses import dataclass

from ..factbase.model import Entity, FactBase, Vocabulary
from ..registry import DEVELOPED_BY

# The index's columns after the name, in order; a group shows those that hold something for one of its entities.
COLUMNS = ("kind", "developers", "announced", "latest", "parameters", "open_weights")


@dataclass(frozen=True)
class Release:
    """A version of a model that an event of the timeline released."""

    event: Entity
    version: dict[str, str]  # by language, as its publisher names it

    @property
    def date(self) -> str:
        return str(self.event.data["date"])


@dataclass(frozen=True)
class IndexGroup:
    name: str  # the group's name in the schema's x-groups ("" for a type whose kinds are not grouped)
    entities: tuple[Entity, ...]
    columns: tuple[str, ...]


def latest_releases(factbase: FactBase) -> dict[str, Release]:
    """For each model that an event releases a version of, the latest such version (by date; on one date, the
    event whose id sorts last)."""
    latest: dict[str, Release] = {}
    for event in sorted(factbase.of_type("events"), key=lambda e: (e.data["date"], e.id)):
        for release in event.data.get("releases", []):
            latest[release["model"]] = Release(event, release["version"])
    return latest


def _holds(entity: Entity, column: str, factbase: FactBase, latest: dict[str, Release]) -> bool:
    if column == "developers":
        return bool(factbase.links_from(entity, DEVELOPED_BY))
    if column == "latest":
        return entity.id in latest
    return column in entity.data


def index_groups(
    entities: list[Entity], factbase: FactBase, vocabulary: Vocabulary, field: str, latest: dict[str, Release]
) -> list[IndexGroup]:
    """Entities of one type (in the order the index lists them) by the group of their `field`, in the schema's
    order of the groups; empty groups left out, and in each group the columns that no entity of it fills."""
    if not entities:
        return []
    groups = []
    for name, values in vocabulary.groups(entities[0].type, field):
        members = tuple(e for e in entities if e.data.get(field) in values)
        if members:
            columns = tuple(c for c in COLUMNS if any(_holds(e, c, factbase, latest) for e in members))
            groups.append(IndexGroup(name, members, columns))
    return groups
