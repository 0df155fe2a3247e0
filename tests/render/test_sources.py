"""How a footnote names an outside source: the original's title, publisher and date, and a copy as "read via"."""

from __future__ import annotations

import pytest

from explainer.factbase.model import Entity
from explainer.factbase.resolve import index
from explainer.render.context import PageContext
from explainer.strings import strings


def _context(lang: str, data: dict[str, object]) -> PageContext:
    factbase = index({"story": Entity("sources", "story", data, "sources/story.yaml")}, [])
    return PageContext(lang, "companies/acme.md", strings()[lang], factbase)


@pytest.mark.parametrize(("lang", "words"), [("en", "read via"), ("zh", "转引自")])
def test_a_copy_follows_the_original_publisher_and_date_linked_to_where_it_was_read(lang: str, words: str) -> None:
    data = {
        "title": "Story",
        "url": "https://news.example.com/story",
        "publisher": "Example News",
        "published": "2023-03-16",
        "via": {"url": "https://www.copy.example.net/story/", "publisher": "Copy"},
    }
    footnote = _context(lang, data).describe_source("story")

    assert footnote.startswith('[Story](https://news.example.com/story), Example News, <time datetime="2023-03-16"')
    assert footnote.endswith(f", {words} [copy\\.example\\.net](https://www.copy.example.net/story/)")


def test_a_copy_whose_original_address_was_never_seen_leaves_the_title_unlinked() -> None:
    data = {"title": "Story", "publisher": "Example News", "via": {"url": "https://copy.example.net/story"}}

    assert _context("en", data).describe_source("story") == (
        "Story, Example News, read via [copy\\.example\\.net](https://copy.example.net/story)"
    )


def test_a_source_without_a_copy_says_nothing_of_one() -> None:
    data = {"title": "Story", "url": "https://news.example.com/story", "publisher": "Example News"}

    assert "via" not in _context("en", data).describe_source("story")
