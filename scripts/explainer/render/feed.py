"""The changes as an Atom feed (RFC 4287), one per language, built and escaped by the standard library's XML writer.

Written by the generator beside the pages (paths.FEED), not by an MkDocs plugin, so it outlives a change of engine.
Each entry is one change of the changes page: its summary, its date, a link to the first page it changed and to
the commit, and every page it changed. Addresses are absolute, from the address each language is built for.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

from ..registry import language
from .freshness import PAGES_LISTED, Change
from .paths import CHANGES, FEED, page_url
from .text import fill

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"  # written xml:lang
NO_CHANGE = "1970-01-01T00:00:00Z"  # a feed must say when it was updated: without history, never


def _link(parent: ET.Element, href: str, rel: str, kind: str = "") -> None:
    attributes = {"rel": rel, "href": href} | ({"type": kind} if kind else {})
    ET.SubElement(parent, "link", attributes)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def atom_feed(lang: str, address: str, words: dict[str, str], changes: list[Change], commit_url: str) -> str:
    """The feed of one language: `address` is the language's top (https://…/en/), `commit_url` is the repository's
    address of a commit without its hash (https://github.com/owner/repo/commit/)."""
    changes_page = urljoin(address, page_url(CHANGES))
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: language(lang).tag})
    _text(feed, "id", changes_page)
    _text(feed, "title", words["theme.feed"])
    _text(feed, "updated", changes[0].commit.instant if changes else NO_CHANGE)
    _link(feed, urljoin(address, FEED), "self", "application/atom+xml")
    _link(feed, changes_page, "alternate", "text/html")
    _text(ET.SubElement(feed, "author"), "name", words["feed.author"])
    for change in changes:
        entry = ET.SubElement(feed, "entry")
        _text(entry, "id", f"{changes_page}#{change.commit.sha}")
        _text(entry, "title", change.summary)
        _text(entry, "updated", change.commit.instant)
        first = urljoin(address, page_url(change.pages[0].path)) if change.pages else changes_page
        _link(entry, first, "alternate", "text/html")
        _link(entry, commit_url + change.commit.sha, "related", "text/html")
        if change.pages:
            items = [
                f'<li><a href="{html.escape(urljoin(address, page_url(page.path)))}">{html.escape(page.title)}</a></li>'
                for page in change.pages[:PAGES_LISTED]
            ]
            if len(change.pages) > PAGES_LISTED:
                items.append(
                    f"<li>{html.escape(fill(words, 'changes.more', n=len(change.pages) - PAGES_LISTED).strip())}</li>"
                )
            content = f"<p>{html.escape(words['changes.pages'].strip())}</p><ul>{''.join(items)}</ul>"
            _text(entry, "content", content).set("type", "html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
