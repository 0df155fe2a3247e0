"""The site's navigation in one language: the fixed pages, then an index per type with pages (registry.py).

Written beside the pages as `.nav.yml`; the hook overrides/hooks/navigation.py gives it to MkDocs, so a
new type is in the navigation without an edit to any MkDocs config.
"""

from __future__ import annotations

from ..registry import PAGE_TYPES
from . import paths

NAV_FILE = ".nav.yml"  # in each language's docs folder; MkDocs skips files whose names start with a dot


def navigation(strings: dict[str, str]) -> list[dict[str, str]]:
    """Each entry as MkDocs' `nav:` writes it: {title: page}."""
    before = [("menu.home", paths.HOME), ("menu.article", paths.ARTICLE), ("menu.timeline", paths.TIMELINE)]
    before += [("menu.debate", paths.DEBATE), ("menu.verdict", paths.VERDICT)]
    types = [(f"menu.type.{t}", paths.index_page(t)) for t in PAGE_TYPES]
    after = [("menu.charts", paths.CHARTS), ("menu.map", paths.MAP), ("menu.data", paths.DATA)]
    return [{strings[key]: page} for key, page in before + types + after]
