"""What every picture drawn at build time shares: its two forms, its type size, and how wide its words are drawn.

Each picture (the charts, the timeline's columns, the relationship map) is laid out twice: a wide form for screens
wider than a phone and for print, and a narrow form that re-lays the picture out for a phone instead of shrinking
the wide one until its words cannot be read. Both go into the page; docs/assets/explainer.css shows one of them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Generic, TypeVar

FONT = 13  # px, the words of every picture
LINE = 16  # px between two lines of words
PAD = 8  # px around a picture
# Where a label may wrap: after any Chinese character (or full-width sign), and after a word and its spaces.
_WRAP_TOKEN = re.compile(
    r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+"
)
Wide = TypeVar("Wide")
Narrow = TypeVar("Narrow")


@dataclass(frozen=True)
class Form:
    """The width a picture is laid out in; its name is the class the stylesheet shows or hides it by."""

    name: str
    width: int  # px of the viewBox; the page scales it to the column, so words stay near FONT px
    id_suffix: str  # of the ids inside the picture: the wide form keeps the ids it has always had

    @property
    def css_class(self) -> str:
        return f"picture-{self.name}"

    @property
    def narrow(self) -> bool:
        return self is NARROW


WIDE = Form("wide", 640, "")
# A phone's column is 288 to 398 px wide (320 to 430 px screens less Material's margins): drawn 340 px wide, the
# narrow form's 13 px words are shown between 11 and 15 px high, where the wide form's would be 6 to 8.
NARROW = Form("narrow", 340, "-narrow")


def px(x: float) -> float:
    """A coordinate as the SVG writes it: to a tenth of a pixel."""
    return round(x, 1)


def text_width(text: str, size: float = FONT) -> float:
    """Roughly how wide text is drawn: a Chinese character a full em, anything else a little over half."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size * 0.58 for c in text)


def wrap(text: str, width: float) -> list[str]:
    """Lines no wider than width: Chinese may break between any two characters, English between words."""
    lines, line = [], ""
    for token in _WRAP_TOKEN.findall(text):
        if line and text_width((line + token).rstrip()) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    return [*lines, line.rstrip()] if line.strip() else lines


def centred_within(centre: float, text: str, width: float) -> float:
    """The centre of a text written at centre, moved as little as needed to keep it inside a picture this wide."""
    half = text_width(text) / 2
    return min(max(centre, PAD + half), width - PAD - half)


@dataclass(frozen=True)
class Picture(Generic[Wide, Narrow]):
    """One picture in both its forms, for a template to write one after the other."""

    wide: Wide
    narrow: Narrow
