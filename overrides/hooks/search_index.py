"""Keep out of the search index what no reader searches: each page's footnotes, the list of its sources.

Footnotes are titles of outside pages, publishers and dates, repeated on every page that cites them; they were
about a quarter of each language's index (issue 26). Material leaves out of the index any element marked
`data-search-exclude`; Python-Markdown's footnotes extension offers no way to mark its block, so this hook marks it
in each page's HTML before Material's search reads the page, and Material removes the mark again after: the page
a reader sees is unchanged.
"""

from __future__ import annotations

from typing import Any

FOOTNOTES = '<div class="footnote">'
EXCLUDED = '<div class="footnote" data-search-exclude="footnotes">'  # Material removes the attribute once read


def on_page_content(html: str, **_: Any) -> str:
    return html.replace(FOOTNOTES, EXCLUDED)
