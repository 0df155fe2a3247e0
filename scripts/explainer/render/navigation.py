"""The site's navigation in one language: the fixed pages, then an index per type with pages (registry.py).

Written beside the pages as `.nav.yml`; the hook overrides/hooks/navigation.py gives it to MkDocs, so a
new type is in the navigation without an edit to any MkDocs config. Beside it, `.theme-words.yml` holds the
words the theme's own templates show (the footer, the 404 page), so that they too come from the strings table.
"""

from __future__ import annotations

from ..registry import PAGE_TYPES, others
from . import paths

NAV_FILE = ".nav.yml"  # in each language's docs folder; MkDocs skips files whose names start with a dot
THEME_WORDS_FILE = ".theme-words.yml"
THEME_WORDS = "theme."  # the strings table's keys for the theme's templates start with this
HOME_IN_OWN_LANGUAGE = "home_in_own_language"


def navigation(strings: dict[str, str]) -> list[dict[str, str]]:
    """Each entry as MkDocs' `nav:` writes it: {title: page}."""
    before = [("menu.home", paths.HOME), ("menu.article", paths.ARTICLE), ("menu.timeline", paths.TIMELINE)]
    before += [("menu.debate", paths.DEBATE), ("menu.verdict", paths.VERDICT)]
    types = [(f"menu.type.{t}", paths.index_page(t)) for t in PAGE_TYPES]
    after = [("menu.charts", paths.CHARTS), ("menu.map", paths.MAP), ("menu.data", paths.DATA)]
    return [{strings[key]: page} for key, page in before + types + after]


def theme_words(tables: dict[str, dict[str, str]], lang: str) -> dict[str, str]:
    """The words of the theme's templates in one language, by key without the prefix ({"copyright": …}), and each
    other language's name for its own home page, for a link to it ("home_in_own_language.en": "The English …")."""
    words = {key.removeprefix(THEME_WORDS): text for key, text in tables[lang].items() if key.startswith(THEME_WORDS)}
    for code in others(lang):
        words[f"{HOME_IN_OWN_LANGUAGE}.{code}"] = tables[code][THEME_WORDS + HOME_IN_OWN_LANGUAGE]
    return words
