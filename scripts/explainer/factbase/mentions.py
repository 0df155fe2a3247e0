"""Find where entities are named in a text: longest name first, aliases included, no reliance on \\b.

Chinese has no spaces between words, so a name matches anywhere in Chinese text; a name that
starts or ends with a Latin letter or digit must not touch another one (Meta is not in Metaverse).
"""

from __future__ import annotations

from .model import Entity, Mention


def _is_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


class MentionFinder:
    """Every name of every entity in one language, looked up by its first character and then by length: the cost
    of a text does not grow with the number of entities (one alternation regex of thousands of names made
    linking quadratic)."""

    def __init__(self, entities: list[Entity], lang: str):
        self._owner: dict[str, Entity] = {}
        for entity in entities:
            for name in entity.names(lang):
                self._owner.setdefault(name.lower(), entity)
        lengths: dict[str, set[int]] = {}
        for name in self._owner:
            lengths.setdefault(name[:1], set()).add(len(name))
        # The lengths of the names that begin with each character, longest first.
        self._lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}

    def _match_at(self, text: str, folded: str, start: int) -> int:
        """Length of the longest name starting at `start` (0 if none) that does not cut a Latin word."""
        lengths = self._lengths.get(folded[start])
        if lengths is None:
            return 0
        if start and _is_word_char(text[start - 1]) and _is_word_char(text[start]):
            return 0
        for length in lengths:
            end = start + length
            if end <= len(text) and folded[start:end] in self._owner:
                if end < len(text) and _is_word_char(text[end - 1]) and _is_word_char(text[end]):
                    continue
                return length
        return 0

    def all(self, text: str) -> list[Mention]:
        """Every mention, left to right; where names overlap, the one starting first and then the longest wins."""
        folded = text.lower()
        if len(folded) != len(text):  # a few characters change length when lowered; match them as written
            folded = text
        mentions, i = [], 0
        while i < len(text):
            length = self._match_at(text, folded, i)
            if length:
                mentions.append(Mention(i, i + length, self._owner[folded[i : i + length]]))
                i += length
            else:
                i += 1
        return mentions

    def first_each(self, text: str) -> list[Mention]:
        """The first mention of each entity, left to right."""
        seen: set[str] = set()
        firsts = []
        for mention in self.all(text):
            if mention.entity.id not in seen:
                seen.add(mention.entity.id)
                firsts.append(mention)
        return firsts
