"""schema.org descriptions of entity pages, for the JSON-LD block in each page's head.

What a page is about, in the vocabulary search engines read: an Organization, a Person, a
SoftwareApplication (a Product for hardware) or a DefinedTerm, with the events it took part in.
"""

from __future__ import annotations

from typing import Any

from ..factbase.model import Entity, FactBase, value_label
from ..registry import alternates, entity_type

SCHEMA_ORG = "https://schema.org"
HARDWARE_TYPE = "Product"  # a model-or-product of kind "hardware" (a GPU) is not software


def schema_type(entity: Entity) -> str:
    declared = entity_type(entity.type).schema_org or "Thing"
    if declared == "SoftwareApplication" and entity.data.get("kind") == "hardware":
        return HARDWARE_TYPE
    return declared


def _named(type_name: str, entity: Entity, lang: str) -> dict[str, str]:
    return {"@type": type_name, "name": entity.name(lang)}


def _other_names(entity: Entity, lang: str) -> list[str]:
    names = [*entity.aliases(lang), *(name for other in alternates(lang) for name in entity.names(other))]
    return [n for n in dict.fromkeys(names) if n != entity.name(lang)]


def _event(event: Entity, lang: str) -> dict[str, str]:
    item = {"@type": "Event", "name": event.data["name"][lang], "startDate": event.data["date"]}
    if "summary" in event.data:
        item["description"] = event.data["summary"][lang]
    return item


def _organization(entity: Entity, factbase: FactBase, lang: str, strings: dict[str, str]) -> dict[str, Any]:
    d, found = entity.data, {}
    if "founded" in d:
        found["foundingDate"] = d["founded"]["date"]
    if "parent" in d:
        found["parentOrganization"] = _named("Organization", factbase.get(d["parent"]["company"]), lang)
    if "website" in d:
        found["url"] = d["website"]
    return found


def _person(entity: Entity, factbase: FactBase, lang: str, strings: dict[str, str]) -> dict[str, Any]:
    companies = dict.fromkeys(a["company"] for a in entity.data.get("affiliations", []))
    if not companies:
        return {}
    return {"affiliation": [_named("Organization", factbase.get(c), lang) for c in companies]}


def _software(entity: Entity, factbase: FactBase, lang: str, strings: dict[str, str]) -> dict[str, Any]:
    d = entity.data
    makers = [_named("Organization", factbase.get(dev["company"]), lang) for dev in d["developers"]]
    kind = value_label(entity.type, "kind", d["kind"], strings)
    if d["kind"] == "hardware":
        return {"manufacturer": makers, "category": kind}
    found: dict[str, Any] = {"creator": makers, "applicationCategory": kind}
    if "announced" in d:
        found["datePublished"] = d["announced"]["date"]
    if "based_on" in d:
        found["isBasedOn"] = _named("SoftwareApplication", factbase.get(d["based_on"]["model"]), lang)
    return found


def _term(entity: Entity, factbase: FactBase, lang: str, strings: dict[str, str]) -> dict[str, Any]:
    return {
        "description": entity.data["short"][lang],
        "inDefinedTermSet": {"@type": "DefinedTermSet", "name": strings[f"type.{entity.type}"]},
    }


def _nothing(entity: Entity, factbase: FactBase, lang: str, strings: dict[str, str]) -> dict[str, Any]:
    return {}


# What each schema.org type adds to the name, names and description every page has.
_DETAILS = {"Organization": _organization, "Person": _person, "SoftwareApplication": _software, "DefinedTerm": _term}


def describe(
    entity: Entity, factbase: FactBase, events: list[Entity], lang: str, strings: dict[str, str]
) -> dict[str, Any]:
    """The schema.org item of one entity page, in the page's language."""
    item: dict[str, Any] = {"@context": SCHEMA_ORG, "@type": schema_type(entity), "name": entity.name(lang)}
    if other := _other_names(entity, lang):
        item["alternateName"] = other
    item["description"] = entity.data["summary"][lang]
    item.update(_DETAILS.get(entity_type(entity.type).schema_org, _nothing)(entity, factbase, lang, strings))
    if events:
        item["subjectOf"] = [_event(e, lang) for e in events]
    return item
