"""What an entity page tells Material's search: its names as tags, and a boost over other pages.

The tags hold every name and alias in every written language (and a derived page's own), whole. Search indexes their words, so a
reader finds Tongyi Qianwen from "Qianwen"; and the patched search worker (overrides/hooks/theme_patches.py) ranks
first the page one of whose names is exactly what the reader typed, so "360" finds the company
三六零 and not 360智脑, whose name only contains it.
"""

from __future__ import annotations

from ..factbase.model import Entity
from ..registry import WRITTEN

# Material's per-page search boost: an entity page outranks pages that merely mention its names.
ENTITY_PAGE_BOOST = 10


def search_names(entity: Entity, lang: str) -> list[str]:
    """Every name and alias of the entity in the written languages, and in the page's own where it is derived
    (繁體 names on the zh-Hant pages only), each once, in the order given."""
    codes = (*WRITTEN, *((lang,) if lang not in WRITTEN else ()))
    return list(dict.fromkeys(name for code in codes for name in entity.names(code)))
