"""Every built page shows what its template meant: no Markdown or template syntax as text, no empty component."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from page_text import findings_in

from explainer.registry import LANGUAGES

EXTENSIONS = ["attr_list", "md_in_html", "footnotes", "tables", "def_list"]


def test_no_page_of_any_language_shows_syntax_or_an_empty_component(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    for language in LANGUAGES:
        home = built_site / language.prefix / "index.html"
        assert home in pages, f"no home page for {language.code}"
    found = {
        page.relative_to(built_site).as_posix(): findings
        for page in pages
        if (findings := findings_in(page.read_text(encoding="utf-8")))
    }
    assert found == {}, "\n".join(f"{page}: {'; '.join(map(str, f))}" for page, f in found.items())


def _as_content(html: str) -> str:
    """HTML as Material places a page's content."""
    return f'<article class="md-content__inner md-typeset">{html}</article>'


# What Python-Markdown makes of each mistake a template or a text can make, and the finding it must give.
PLANTED = {
    "list marker inside a paragraph": (
        '<div class="grid cards" markdown>\n\n-   **A** · x\n\n    models\n-   **B** · y\n\n    more\n\n</div>'
    ),
    "link syntax": "See [the release](https://example.org/a b.",
    "escaped punctuation": "<div>a \\- b</div>",
    "attribute list": "A sentence { #anchor } in the middle.",
    "footnote marker": "A claim.[^missing]",
    "unpaired **": "A **bold start without its end.",
    "Jinja": "Hello {{ name }}.",
    "empty list": "<ul></ul>",
    "empty table": "<table><thead><tr><th>a</th></tr></thead><tbody></tbody></table>",
    "empty card grid": '<div class="grid cards" markdown>\n\n</div>',
}


@pytest.mark.parametrize("kind", PLANTED)
def test_a_planted_mistake_is_found(kind: str) -> None:
    html = _as_content(markdown.markdown(PLANTED[kind], extensions=EXTENSIONS))
    assert kind in [finding.kind for finding in findings_in(html)], html


def test_the_same_components_made_right_are_not_found() -> None:
    made_right = "\n\n".join(
        [
            '<div class="grid cards" markdown>\n\n-   **A** · x\n\n    models\n\n-   **B** · y\n\n    more\n\n</div>',
            "See [the release](https://example.org/a), a **bold** word and a claim.[^1]",
            "## A heading { #anchor }",
            "| a |\n| --- |\n| 1 |",
            "[^1]: The source.",
        ]
    )
    html = _as_content(markdown.markdown(made_right, extensions=EXTENSIONS))
    assert findings_in(html) == []
