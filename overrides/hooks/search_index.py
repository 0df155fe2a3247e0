"""What Material's search index holds beyond what it finds in a page: less of what no reader searches, and the names
a reader searches a section by.

1. Footnotes are titles of outside pages, publishers and dates, repeated on every page that cites them; they were
   about a quarter of each language's index (issue 26). Material leaves out of the index any element marked
   `data-search-exclude`; Python-Markdown's footnotes extension offers no way to mark its block, so this hook marks
   it in each page's HTML before Material's search reads the page, and Material removes the mark again after: the
   page a reader sees is unchanged.
2. Material copies a page's tags (an entity page's names and aliases in every language) into the entry of each of
   its sections, where they do not describe the section: about a sixth of the Chinese index (148 KiB gzipped of
   it). A section keeps only the names the page gives it in its front matter (`section_names`, by anchor: the
   verdict's price war answers to 价格战 and "price war", render/search.py), which the patched search worker
   treats as it treats a page's (overrides/hooks/theme_patches.py): the section whose name is the query comes first.
3. Material writes the index as ASCII, every Chinese character as a six-character escape (\u4ef7): 1,093 KiB for
   the Chinese site, 147 KiB gzipped. Written as UTF-8 it is 637 KiB, 125 KiB gzipped; the worker reads it the same.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

FOOTNOTES = '<div class="footnote">'
EXCLUDED = '<div class="footnote" data-search-exclude="footnotes">'  # Material removes the attribute once read
SEARCH_PLUGIN = "material/search"


def on_page_content(html: str, **_: Any) -> str:
    return html.replace(FOOTNOTES, EXCLUDED)


def _index_entries(config: Any) -> list[dict[str, Any]]:
    """The entries Material's search plugin has added so far; the page's own are the last ones."""
    plugin = config["plugins"].get(SEARCH_PLUGIN)
    entries = getattr(getattr(plugin, "search_index", None), "entries", None)
    if not isinstance(entries, list):
        raise PluginError(
            f"overrides/hooks/search_index.py: Material's search plugin ({SEARCH_PLUGIN}) keeps no list of entries "
            "where this hook was written to find it (search_index.entries); check the hook against the installed "
            "mkdocs-material"
        )
    return entries


def on_page_context(context: Any, *, page: Any, config: Any, **_: Any) -> Any:
    """Runs after Material's search has indexed the page (hooks follow the plugins): its sections' tags."""
    names = page.meta.get("section_names") or {}
    for entry in reversed(_index_entries(config)):
        url, section, anchor = entry["location"].partition("#")
        if url != page.url:
            break  # an earlier page's entry: this page's were all seen
        if section:
            entry.pop("tags", None)
            if anchor in names:
                entry["tags"] = [str(name) for name in names[anchor]]
    return context


def on_post_build(config: Any, **_: Any) -> None:
    """Runs after Material's search has written the index: the same index, in UTF-8."""
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
