"""Find where entities are named in a text: longest name first, aliases included, no reliance on \\b.

Chinese has no spaces between words, so a name matches anywhere in Chinese text; a name that
starts or ends with a Latin letter or digit must not touch another one (Meta is not in Metaverse).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..factbase.model import Entity


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: Entity


def _pattern_for(name: str) -> str:
    body = re.escape(name)
    if re.match(r"[A-Za-z0-9]", name):
        body = r"(?<![A-Za-z0-9])" + body
    if re.search(r"[A-Za-z0-9]$", name):
        body = body + r"(?![A-Za-z0-9])"
    return body


class MentionFinder:
    """One regular expression over every name of every entity in a language, longest first."""

    def __init__(self, entities: list[Entity], lang: str):
        self._owner: dict[str, Entity] = {}
        for entity in entities:
            for name in entity.names(lang):
                self._owner.setdefault(name.casefold(), entity)
        names = sorted(self._owner, key=lambda n: (-len(n), n))
        self._regex = re.compile("|".join(_pattern_for(n) for n in names), re.IGNORECASE) if names else None

    def all(self, text: str) -> list[Mention]:
        """Every mention, left to right; where names overlap, the longest wins."""
        if self._regex is None:
            return []
        return [Mention(m.start(), m.end(), self._owner[m.group(0).casefold()]) for m in self._regex.finditer(text)]

    def first_each(self, text: str) -> list[Mention]:
        """The first mention of each entity, left to right."""
        seen: set[str] = set()
        firsts = []
        for mention in self.all(text):
            if mention.entity.id not in seen:
                seen.add(mention.entity.id)
                firsts.append(mention)
        return firsts
