"""A derived language's pages (繁體中文) are wholly in its script: its conversion changes nothing a reader sees on any
of them, except the words marked as another language's (a source's title as published, the switcher's 简体中文)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import opencc
import pytest

from explainer.conversion import converter
from explainer.registry import LANGUAGES, Language

CUT_START = re.compile(r"^([^\w…]*…)\w")
CUT_END = re.compile(r"\w(…[^\w…]*)$")
TO_SIMPLIFIED = opencc.OpenCC("t2s.json")
DERIVED = [language for language in LANGUAGES if not language.is_written]
SHOWN_ATTRIBUTES = ("title", "alt", "aria-label")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Unconverted(HTMLParser):
    """Every text node and shown attribute of a page that its language's conversion would still change, outside
    elements whose lang is another language's."""

    def __init__(self, language: Language):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.convert = converter(language.code)
        self.stack: list[tuple[str, bool]] = []  # (tag, whether its text is in another language or not shown)
        self.found: list[str] = []

    def _skipped(self) -> bool:
        return any(skipped for _, skipped in self.stack)

    def _check(self, text: str, where: str) -> None:
        # An excerpt's edge ("…里雲" of 阿里雲) may cut a word, whose half converts on its own.
        text = CUT_END.sub(r"\1", CUT_START.sub(r"\1", text))
        # Converted text is what the conversion leaves as it is, or (OpenCC is not idempotent: 获准 gives 獲准,
        # which gives 獲準) what it makes of the text's own Simplified form.
        if text.strip() and text not in (self.convert(text), self.convert(TO_SIMPLIFIED.convert(text))):
            self.found.append(f"{where}: {text.strip()[:80]!r} -> {self.convert(text).strip()[:80]!r}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = values.get("lang")
        skipped = tag in ("script", "style") or (lang is not None and lang != self.language.tag)
        if not (self._skipped() or skipped):
            for name in SHOWN_ATTRIBUTES:
                self._check(values.get(name) or "", f"<{tag} {name}>")
            if tag == "meta" and values.get("name") == "description":
                self._check(values.get("content") or "", "meta description")
        if tag not in VOID:
            self.stack.append((tag, skipped))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not self._skipped():
            self._check(data, f"in <{self.stack[-1][0] if self.stack else 'document'}>")


@pytest.mark.parametrize("language", DERIVED, ids=lambda language: language.code)
def test_every_page_of_a_derived_language_is_in_its_script(built_site: Path, language: Language) -> None:
    pages = sorted((built_site / language.prefix).rglob("*.html"))
    written = built_site / next(other.prefix for other in LANGUAGES if other.code == language.derived_from)
    nested = [other.prefix.rstrip("/") for other in LANGUAGES if other.prefix]
    own = {p.relative_to(built_site / language.prefix) for p in pages}
    assert own == {  # every page its written language has
        p.relative_to(written) for p in written.rglob("*.html") if p.relative_to(written).parts[0] not in nested
    }
    found = {}
    for page in pages:
        parser = _Unconverted(language)
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.found:
            found[str(page.relative_to(built_site))] = parser.found[:5]
    assert found == {}


@pytest.mark.parametrize("language", DERIVED, ids=lambda language: language.code)
def test_the_check_sees_a_simplified_word_left_on_a_page(language: Language) -> None:
    """The test above can fail: a page with one unconverted word, or one marked as Simplified."""
    parser = _Unconverted(language)
    parser.feed('<html><body><p>通義千問</p><p title="说明">x</p><q lang="zh-Hans">阿里云</q></body></html>')
    assert parser.found == ["<p title>: '说明' -> '說明'"]
    parser = _Unconverted(language)
    parser.feed("<p>阿里云发布</p>")
    assert len(parser.found) == 1
