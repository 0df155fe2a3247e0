"""The order a language lists names in: a dictionary's order for letters, and pinyin order for Chinese characters.

Python sorts by code point, which puts Chinese characters in the order of the Unicode tables (阿, 百 and 参 far
apart from their pinyin neighbours) and capitals before small letters. Readers expect the order of their
dictionaries: 新华字典 and the indexes of mainland books list characters by pinyin. The keys here follow the Unicode
collation's defaults (CLDR), which a reader's browser also uses when it sorts a table column: white space, then
punctuation and symbols, then digits, then letters regardless of case and accents; a language whose `collation` is
"pinyin" (registry.py) puts Chinese characters after the digits and before Latin letters, in the order of their
pinyin with its tone (CLDR's zh collation, Intl.Collator("zh-Hans")). The pinyin comes from pypinyin, which reads a
word as a whole (银行 is yin hang, 重庆 chong qing) where a browser reads each character alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from typing import TypeVar

from pypinyin import Style, lazy_pinyin, pinyin

from ..registry import language

T = TypeVar("T")

PINYIN = "pinyin"
COLLATIONS = ("", PINYIN)  # the registry's choices: the Unicode default, or Chinese characters by their pinyin

# CLDR's order of the common punctuation and symbols, all before the digits; others follow by code point.
_PUNCTUATION = "_-,;:!?.·'\"()[]{}@*/\\&#%`^+<=>|~$"
_SPACE, _MARK, _DIGIT, _FIRST_SCRIPT, _SECOND_SCRIPT = range(5)

Weight = tuple[int, int | str, int]


_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _is_han(char: str) -> bool:
    return bool(_HAN_RUN.fullmatch(char))


def _weight(char: str, syllable: str, pinyin_first: bool) -> Weight:
    """Where one character sorts: its group, its place in the group, and its code point to break ties."""
    plain = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", char)[:1] or char)[:1] or char
    if plain.isspace():
        return (_SPACE, 0, 0)
    if plain.isdigit():
        return (_DIGIT, unicodedata.digit(plain, 0), 0)
    if _is_han(char):
        group = _FIRST_SCRIPT if pinyin_first else _SECOND_SCRIPT
        return (group, syllable if pinyin_first and syllable else char, ord(char))
    if plain.isalpha():
        return (_SECOND_SCRIPT if pinyin_first else _FIRST_SCRIPT, plain.casefold(), 0)
    place = _PUNCTUATION.find(plain)
    return (_MARK, place if place >= 0 else len(_PUNCTUATION) + ord(plain), 0)


def _cited(char: str, syllable: str) -> str:
    """A character read in the neutral tone (子 in 子曰, as a suffix's 子 is) takes its first toned reading, as a
    dictionary lists it and a browser's collation sorts it (紫 and 子 are both zǐ)."""
    if not syllable.endswith("5"):
        return syllable
    readings = pinyin(char, style=Style.TONE3, heteronym=True, neutral_tone_with_five=True)[0]
    return next((r for r in readings if not r.endswith("5")), syllable)


@cache
def sort_key(text: str, lang: str) -> tuple[tuple[Weight, ...], str]:
    """The key that puts `text` in its place in a list in the language `lang`."""
    pinyin = language(lang).collation == PINYIN
    syllables = [""] * len(text)
    if pinyin:
        for run in _HAN_RUN.finditer(text):  # each run read as a whole: a word's characters take its reading
            read = lazy_pinyin(run.group(), style=Style.TONE3, neutral_tone_with_five=True)
            if len(read) == len(run.group()):  # one syllable a character, as pypinyin reads every Chinese character
                syllables[run.start() : run.end()] = [_cited(c, r) for c, r in zip(run.group(), read, strict=True)]
    weights = tuple(_weight(char, syllable, pinyin) for char, syllable in zip(text, syllables, strict=True))
    return weights, text.swapcase()  # names alike but for case: the small letter first, as in CLDR


def in_order(items: Iterable[T], name: Callable[[T], str], lang: str) -> list[T]:
    """The items in the order of their names in the language `lang`."""
    return sorted(items, key=lambda item: sort_key(name(item), lang))
