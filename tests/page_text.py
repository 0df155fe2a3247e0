"""What a built page shows that its template did not mean to: Markdown or template syntax left as text, and
components (card grids, lists, tables) that came out empty.

A page is read as a browser would show it: the text of every element except code, preformatted text, scripts and
styles. Python-Markdown leaves syntax it could not parse as literal text, and keeps the source's line breaks inside
a paragraph, which is how a list that lost its blank lines shows: a marker at the start of a line of a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import NamedTuple

NOT_SHOWN_AS_TEXT = {"code", "pre", "kbd", "samp", "script", "style", "template", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
PARAGRAPHS = {"p", "li", "td", "th", "dd", "dt", "figcaption", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"}

# Syntax that never belongs in a reader's text, each with the name a finding gives it.
LEAKS = (
    ("link syntax", re.compile(r"\]\(")),
    ("escaped punctuation", re.compile(r"\\[-.!#*+_`()\[\]{}<>|]")),
    ("attribute list", re.compile(r"\{\s*[#.:][\w-]")),
    ("footnote marker", re.compile(r"\[\^")),
    ("Jinja", re.compile(r"\{\{|\}\}|\{%|%\}")),
)
LIST_MARKER = re.compile(r"\n[ \t]*(?:[-*+]|\d+\.)[ \t]+\S")  # a new line of a paragraph that starts like a list item
EMPHASIS = "**"  # paired, Markdown would have made it bold: any left as text is unpaired or broken


class Finding(NamedTuple):
    kind: str
    excerpt: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.excerpt!r}"


class _Element:
    def __init__(self, tag: str, classes: set[str]):
        self.tag = tag
        self.classes = classes
        self.text: list[str] = []
        self.items = 0  # list items, table body rows


class _PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[_Element] = []
        self.findings: list[Finding] = []
        self.hidden = 0  # how many open elements are not shown as text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "li":
            self._count_item(lambda e: e.tag in {"ul", "ol"})
            self._count_item(lambda e: {"grid", "cards"} <= e.classes)
        if tag == "tr" and not any(e.tag == "thead" for e in self.open):
            self._count_item(lambda e: e.tag == "table")
        self.open.append(_Element(tag, classes))
        self.hidden += tag in NOT_SHOWN_AS_TEXT

    def _count_item(self, is_container: Callable[[_Element], bool]) -> None:
        """One more item in the nearest open element that holds it."""
        if container := next((e for e in reversed(self.open) if is_container(e)), None):
            container.items += 1

    def handle_endtag(self, tag: str) -> None:
        if not any(e.tag == tag for e in self.open):
            return
        while self.open:
            element = self.open.pop()
            self.hidden -= element.tag in NOT_SHOWN_AS_TEXT
            self._closed(element)
            if element.tag == tag:
                return

    def handle_data(self, data: str) -> None:
        if self.hidden or not self.open:
            return
        for element in reversed(self.open):
            if element.tag in PARAGRAPHS:
                element.text.append(data)
                return
        self._check_text(data, paragraph=False)

    def _closed(self, element: _Element) -> None:
        if element.tag in PARAGRAPHS:
            self._check_text("".join(element.text), paragraph=True)
        # Components of the page's content; the theme's own (the list of search results) fill in as the reader acts.
        if not any("md-typeset" in e.classes for e in (*self.open, element)):
            return
        if element.tag in {"ul", "ol"} and element.items == 0:
            self.findings.append(Finding("empty list", f"<{element.tag} class={sorted(element.classes)}>"))
        if element.tag == "table" and element.items == 0:
            self.findings.append(Finding("empty table", f"<table class={sorted(element.classes)}>"))
        if {"grid", "cards"} <= element.classes and element.items == 0:
            self.findings.append(Finding("empty card grid", f"<{element.tag} class={sorted(element.classes)}>"))

    def _check_text(self, text: str, paragraph: bool) -> None:
        checks = [*LEAKS, ("list marker inside a paragraph", LIST_MARKER)] if paragraph else LEAKS
        for kind, pattern in checks:
            if match := pattern.search(text):
                self.findings.append(Finding(kind, _around(text, match.start())))
        if EMPHASIS in text:
            self.findings.append(Finding("unpaired **", _around(text, text.index(EMPHASIS))))


def _around(text: str, at: int) -> str:
    return text[max(0, at - 40) : at + 40]


def findings_in(html: str) -> list[Finding]:
    """Every piece of syntax shown as text, and every empty component, in one page."""
    reader = _PageReader()
    reader.feed(html)
    reader.close()
    return reader.findings
