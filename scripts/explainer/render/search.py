"""What an entity page tells Material's search: its names as tags, and a boost where names nest.

Material scores with lunr, which matches every query word as a prefix and does not favour an exact
name: a search for "Huawei" scores the Huawei Cloud page as high as Huawei's own. Two measures,
both tuned with `make bench-search`:
- tags hold each word of the entity's names once, so a page whose several names repeat a word
  (three names with "group" in them) does not outrank the page a reader typed the name of;
- a page whose name begins another page's name ("Huawei" in "Huawei Cloud") gets a higher boost,
  so the shorter, exact name wins when both match.
"""

from __future__ import annotations

import bisect
import re

from ..factbase.model import Entity

BASE_BOOST = 10
NESTED_NAME_BOOST = 15
_WORD_SPLIT = re.compile(r"[\s\-]+")


def search_tags(entity: Entity) -> list[str]:
    """Each distinct word of the entity's names in both languages, in the order they first appear."""
    words: dict[str, str] = {}
    for lang in ("zh", "en"):
        for name in entity.names(lang):
            for word in _WORD_SPLIT.split(name.strip()):
                if word:
                    words.setdefault(word.casefold(), word)
    return list(words.values())


class SearchBoosts:
    """Page boosts for all entity pages, found with one sorted list of names (no pairwise comparison)."""

    def __init__(self, entities: list[Entity]):
        pairs = sorted({(name.casefold(), e.id) for e in entities for lang in ("zh", "en") for name in e.names(lang)})
        self._names = [name for name, _ in pairs]
        self._owners = [owner for _, owner in pairs]

    def _begins_another(self, entity: Entity, name: str) -> bool:
        key = name.casefold()
        i = bisect.bisect_right(self._names, key)
        while i < len(self._names) and self._names[i].startswith(key):
            if self._owners[i] != entity.id:
                return True
            i += 1
        return False

    def boost(self, entity: Entity) -> int:
        nested = any(self._begins_another(entity, n) for lang in ("zh", "en") for n in entity.names(lang))
        return NESTED_NAME_BOOST if nested else BASE_BOOST
