"""What a template needs while it renders one page: its language, links relative to it, citations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..factbase.labels import value_label
from ..factbase.load import BYLINE, PARAGRAPH_PATTERN
from ..factbase.model import Entity, FactBase
from .mentions import MentionFinder
from .numbers import big_number, quantity
from .text import attr, date_label, link_title, md_text, safe_url, time_tag


def relative_path(target: str, page: str) -> str:
    """The path of one file from another's folder, both given from the same root without "." or "..".

    The same as posixpath.relpath(target, dirname(page)), without its calls to the file system's cwd, which
    cost a tenth of generation time.
    """
    here = page.split("/")[:-1]
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


@dataclass
class PageContext:
    lang: str
    path: str  # of the Markdown file, relative to the language's docs folder
    strings: dict[str, str]
    factbase: FactBase
    finder: MentionFinder | None = None
    source_url: str | None = None  # where the page's data is edited, for pages that are not one entity's
    _footnotes: dict[tuple[str, ...], int] = field(default_factory=dict)

    def t(self, key: str, **values: Any) -> str:
        text = self.strings[key]
        return text.format(**values) if values else text

    def label(self, entity: Entity, field: str) -> str:
        """The page's words for an entity's value of an enum field (its kind, category, stance)."""
        return value_label(entity.type, field, entity.data[field], self.strings)

    def href(self, target: str) -> str:
        """A link to another Markdown file (and anchor), relative to this page, as MkDocs checks it."""
        file, _, anchor = target.partition("#")
        rel = relative_path(file, self.path)
        return f"{rel}#{anchor}" if anchor else rel

    def name(self, entity: Entity) -> str:
        return entity.name(self.lang)

    def link(self, entity: Entity, text: str | None = None) -> str:
        """A Markdown link to the entity's page; glossary terms carry their short definition as a tooltip."""
        label = md_text(text if text is not None else self.name(entity))
        if not entity.has_page:
            return label
        target = self.href(f"{entity.type}/{entity.id}.md")
        if entity.type == "glossary":
            return f'[{label}]({target} "{link_title(entity.data["short"][self.lang])}")'
        return f"[{label}]({target})"

    def linked(self, text: str, skip: Entity | None = None) -> str:
        """Escaped Markdown of plain text with the first mention of each other entity linked to its page."""
        pieces, cursor = [], 0
        mentions = self.finder.first_each(text) if self.finder else []
        for mention in mentions:
            if mention.entity is skip:
                continue
            pieces.append(md_text(text[cursor : mention.start]))
            pieces.append(self.link(mention.entity, text[mention.start : mention.end]))
            cursor = mention.end
        pieces.append(md_text(text[cursor:]))
        return "".join(pieces)

    def links(self, entities: Iterable[Entity]) -> str:
        """Links to several entities, separated as the language separates items of a list."""
        return ("、" if self.lang == "zh" else ", ").join(self.link(e) for e in entities)

    def cite(self, *sources: str) -> str:
        """One footnote marker for the sources of one fact; the same sources on one page share a footnote."""
        if not sources:
            return ""
        number = self._footnotes.setdefault(tuple(sources), len(self._footnotes) + 1)
        return f"[^{number}]"

    def footnotes(self) -> list[str]:
        """The footnote definitions of every fact cited so far, in order."""
        ordered = sorted(self._footnotes.items(), key=lambda item: item[1])
        return [f"[^{n}]: " + "; ".join(self.describe_source(s) for s in sources) for sources, n in ordered]

    def is_paragraph(self, source: str) -> bool:
        """Whether a source is a paragraph of the article (p12), as opposed to its byline or an outside page."""
        return PARAGRAPH_PATTERN.fullmatch(source) is not None

    def describe_source(self, source: str) -> str:
        if source in self.factbase.entities:
            data = self.factbase.get(source).data
            title = md_text(data["title"])
            url = safe_url(data["url"])
            parts = [f"[{title}]({url})" if url else title, md_text(data["publisher"])]
            if "published" in data:
                parts.append(time_tag(data["published"], self.lang))
            return ", ".join(parts)
        label = self.t("source.byline") if source == BYLINE else self.t("source.paragraph", n=source[1:])
        return f"[{label}]({self.href('article.md#' + source)})"

    def external_link(self, url: str) -> str:
        """A link to an outside page, its address shown as text; nothing for an address that is not http(s)."""
        target = safe_url(url)
        return f"[{md_text(url)}]({target})" if target else ""

    def date(self, iso: str) -> str:
        return date_label(iso, self.lang)

    def time(self, iso: str) -> str:
        return time_tag(iso, self.lang)

    def number(self, value: float) -> str:
        return big_number(value, self.lang)

    def quantity(self, value: float, unit: str) -> str:
        return quantity(value, unit, self.lang, self.strings)

    def text(self, bilingual: dict[str, str]) -> str:
        return md_text(bilingual[self.lang])

    def attr(self, value: object) -> str:
        return attr(value)
