"""The built site as the registry lays it out, for the tests that read it: each language's pages under its prefix,
and one page of each kind.

Nothing here names a language or a type: a language added to the registry is read, crawled and checked by every
test that asks this module, with no test edited.
"""

from __future__ import annotations

import re
from pathlib import Path

from explainer.registry import LANGUAGES, PAGE_TYPES, Language

# Letters of the Han script, which every Chinese page is written in; a Latin word on a Chinese page, or a Han one
# on a page in a language written in Latin letters, is a word in another language.
HAN = re.compile(r"[\u3400-\u9fff]+")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def writes_in_han(language: Language) -> bool:
    """Whether the language is written in Chinese characters: its BCP 47 tag says Chinese (zh, zh-Hans, zh-Hant)."""
    return language.tag.split("-")[0] == "zh"


def foreign_words(language: Language) -> re.Pattern[str]:
    """A word in another script than the language's own."""
    return LATIN_WORD if writes_in_han(language) else HAN


def language_of(path: str, languages: tuple[Language, ...] = LANGUAGES) -> Language:
    """The language a file of the built site belongs to, by its path from the site's top: the language with the
    longest prefix that holds it (the root language's prefix, "", holds everything the others do not). A copy of
    the project with a language of its own passes its languages."""
    holding = [language for language in languages if path.startswith(language.prefix)]
    return max(holding, key=lambda language: len(language.prefix))


def declared_language(lang: str) -> Language:
    """The language a page declares in <html lang>: Material writes the theme's language there (zh, en, zh-Hant)."""
    [language] = [language for language in LANGUAGES if lang in (language.theme_language, language.tag)]
    return language


def html_pages(site: Path, language: Language, languages: tuple[Language, ...] = LANGUAGES) -> list[Path]:
    """Every HTML file of one language, its 404 page included."""
    return [
        p for p in sorted(site.rglob("*.html")) if language_of(p.relative_to(site).as_posix(), languages) == language
    ]


def page_paths(site: Path, language: Language, languages: tuple[Language, ...] = LANGUAGES) -> list[str]:
    """The address of every page of one language below its prefix: "" for its home page, "companies/" for an
    index, "companies/sensetime/" for an entity's page (each is a folder holding an index.html)."""
    root = site / language.prefix
    return [
        "" if p.parent == root else p.parent.relative_to(root).as_posix() + "/"
        for p in html_pages(site, language, languages)
        if p.name == "index.html"
    ]


def kind_of(path: str, page_types: tuple[str, ...] = PAGE_TYPES) -> str:
    """What template a page is made from, read off its address: a page of a type's entity ("companies/*") and a
    year of the timeline ("timeline/*") are one kind each, however many there are; every other page is its own."""
    parts = path.rstrip("/").split("/")
    if len(parts) == 2 and (parts[0] in page_types or parts[1].isdigit()):
        return parts[0] + "/*"
    return path


def one_page_of_each_kind(
    site: Path,
    language: Language,
    languages: tuple[Language, ...] = LANGUAGES,
    page_types: tuple[str, ...] = PAGE_TYPES,
) -> list[str]:
    """The largest page of each kind of one language (the one showing the most of its template: the entity with the
    most facts, the busiest year), by address below its prefix (see page_paths)."""
    root = site / language.prefix
    chosen: dict[str, tuple[int, str]] = {}
    for path in page_paths(site, language, languages):
        kind = kind_of(path, page_types)
        chosen[kind] = max(chosen.get(kind, (0, "")), ((root / path / "index.html").stat().st_size, path))
    return sorted(path for _, path in chosen.values())


# In a browser: the text of the elements matched, leaving out any part marked as being in another language (lang="…").
TEXT_IN_PAGE_LANGUAGE = """(selector) => {
  const own = document.documentElement.lang;
  const texts = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const marked = walker.currentNode.parentElement.closest("[lang]");
      if (!marked || marked.lang === own) texts.push(walker.currentNode.textContent);
    }
  }
  return texts.join(" ");
}"""
# Any address but the site's host (127.0.0.1), as a browser context's route: only these requests are intercepted, to
# be refused and noted; the site's own go untouched (routing every request costs a round trip to Python for each).
ANOTHER_HOST = re.compile(r"^(?!https?://127\.0\.0\.1[:/])")
# The theme's words around every page: the site's name in the header, the tabs, the footer's copyright.
CHROME = ".md-header__topic:first-child, .md-tabs, .md-copyright"
