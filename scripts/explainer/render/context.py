"""What a template needs while it renders one page: its language, links relative to it, citations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..factbase.labels import value_label
from ..factbase.mentions import MentionFinder
from ..factbase.model import Entity, FactBase
from ..factbase.validate import BYLINE, PARAGRAPH_PATTERN
from ..registry import CODES, PAGE_TYPES, SOURCE, Language, entity_type, language, others
from ..strings import fill
from .numbers import big_number, figure_text, quantity
from .paths import entity_page, fact_page, language_root, relative_path
from .text import attr, date_label, link_title, md_text, safe_url, time_tag


@dataclass
class PageContext:
    lang: str
    path: str  # of the Markdown file, relative to the language's docs folder
    strings: dict[str, str]
    factbase: FactBase
    finder: MentionFinder | None = None
    source_url: str | None = None  # where the page's data is edited, for pages that are not one entity's
    _footnotes: dict[tuple[str, ...], int] = field(default_factory=dict)

    @property
    def language(self) -> Language:
        return language(self.lang)

    @property
    def source(self) -> str:
        """The code of the article's own language, in which quotes were said."""
        return SOURCE.code

    @property
    def others(self) -> tuple[str, ...]:
        """The codes of the site's other languages."""
        return others(self.lang)

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of every language of the site, in the registry's order."""
        return CODES

    @property
    def page_types(self) -> tuple[str, ...]:
        """The types with a page per entity, in the order the site lists them."""
        return PAGE_TYPES

    def aliases(self, entity: Entity) -> list[str]:
        """An entity's other names: in the page's language first, then in the others; each once, and never the
        name the page already calls it by (DeepSeek's Chinese alias is its English name)."""
        shown = {self.name(entity).casefold()}
        names = []
        for alias in (alias for code in (self.lang, *self.others) for alias in entity.aliases(code)):
            if alias.casefold() not in shown:
                shown.add(alias.casefold())
                names.append(alias)
        return names

    def language_home(self, code: str) -> str:
        """A link from this language's home page to another language's."""
        return language_root(self.lang, code)

    def language_name(self, code: str) -> str:
        """A language's name as it calls itself (中文, English)."""
        return language(code).name

    def t(self, key: str, **values: Any) -> str:
        return fill(self.strings, key, **values)

    def label(self, entity: Entity, field: str) -> str:
        """The page's words for an entity's value of an enum field (its kind, category, stance)."""
        return value_label(entity.type, field, entity.data[field], self.strings)

    def rated(self, label: str, explanation: dict[str, str]) -> str:
        """A rating in bold and the text that explains it, joined as the language joins two sentences ("部分应验。…",
        "Partly borne out. …"); a text that already opens with its rating shows it once, the rating in bold."""
        text = explanation[self.lang]
        if text.casefold().startswith(label.casefold()):
            return f"**{md_text(text[: len(label)])}**{md_text(text[len(label) :])}"
        return self.t("rated", label=md_text(label), text=md_text(text))

    def href(self, target: str) -> str:
        """A link to another Markdown file (and anchor), relative to this page, as MkDocs checks it."""
        file, _, anchor = target.partition("#")
        rel = relative_path(file, self.path)
        return f"{rel}#{anchor}" if anchor else rel

    def name(self, entity: Entity) -> str:
        return entity.name(self.lang)

    def link(self, entity: Entity, text: str | None = None) -> str:
        """A Markdown link to the entity's page; a type may show a field as the link's tooltip (a term's
        short definition)."""
        label = md_text(text if text is not None else self.name(entity))
        if not entity.has_page:
            return label
        target = self.href(entity_page(entity))
        tooltip = entity_type(entity.type).tooltip
        if tooltip:
            return f'[{label}]({target} "{link_title(entity.data[tooltip][self.lang])}")'
        return f"[{label}]({target})"

    def fact_href(self, entity: Entity) -> str:
        """A link target for where a fact is shown: an event on its year's timeline page, and so on."""
        return self.href(fact_page(entity))

    def fact_link(self, entity: Entity) -> str:
        """A link to where a fact is shown: an event on the timeline, a series on the verdict page, and so on."""
        return f"[{md_text(self.name(entity))}]({self.href(fact_page(entity))})"

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
        return self.language.list_separator.join(self.link(e) for e in entities)

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

    def figure(self, data: dict[str, Any]) -> str:
        """A figure's value as the page writes it: its unit, its range or lower bound ('超过15%')."""
        return figure_text(
            data["value"], data["unit"], self.lang, self.strings, data.get("up_to"), data.get("more_than", False)
        )

    def as_given(self, shown: str, given: str) -> str:
        """The figure as its source writes it, in brackets after the page's own writing of it, unless the two are
        the same (5000万美元 once, not '5000万美元 (5000万美元)')."""
        plain = str.maketrans("", "", " ,\u00a0")
        if shown.translate(plain).casefold() == given.translate(plain).casefold():
            return ""
        return f" ({md_text(given)})"

    def text(self, bilingual: dict[str, str]) -> str:
        return md_text(bilingual[self.lang])

    def attr(self, value: object) -> str:
        return attr(value)
