"""What a page tells Material's search: an entity page's names as tags, and a boost over other pages; a section's
names (the verdict's price war: 价格战, price war).

The tags hold every name and alias in the written languages (a derived language its own instead), whole. Search indexes their words, so a
reader finds Tongyi Qianwen from "Qianwen"; and the patched search worker (overrides/hooks/theme_patches.py) ranks
first the page one of whose names is exactly what the reader typed, so "360" finds the company
三六零 and not 360智脑, whose name only contains it.
"""

from __future__ import annotations

from ..factbase.model import Entity
from ..registry import name_languages

# Material's per-page search boost: an entity page outranks pages that merely mention its names.
ENTITY_PAGE_BOOST = 10


def search_names(entity: Entity, lang: str) -> list[str]:
    """Every name and alias of the entity in the written languages, each once, in the order given; on a derived
    language's pages its own names take the place of those they are converted from (繁體 names, not 简体)."""
    codes = name_languages(lang)
    return list(dict.fromkeys(name for code in codes for name in entity.names(code)))


def section_names(fact: Entity, lang: str) -> list[str]:
    """What a reader may search the section showing a fact by: its aliases in the languages the page holds names
    in (as search_names), each once. The search hook (overrides/hooks/search_index.py) gives them to the section as
    its tags, and the patched search worker ranks first the section one of whose tags is the query, as it does a
    page."""
    codes = name_languages(lang)
    return list(dict.fromkeys(name for code in codes for name in fact.aliases(code)))
