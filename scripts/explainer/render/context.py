"""What a template needs while it renders one page: its language, links relative to it, citations."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..conversion import converter
from ..factbase.model import BYLINE, PARAGRAPH_PATTERN, Entity, FactBase, Mention, value_label
from ..registry import (
    CODES,
    PAGE_TYPES,
    SOURCE,
    Language,
    alternates,
    base,
    entity_type,
    language,
    name_languages,
    others,
)
from .numbers import big_number, figure_text, quantity
from .paths import (
    SITE,
    Page,
    SiteMap,
    entity_page,
    fact_anchor,
    fact_page,
    language_root,
    relative_path,
    same_page_in,
)
from .text import attr, date_label, fill, link_title, md_text, safe_url, time_tag


@dataclass
class PageContext:
    lang: str
    path: str  # of the Markdown file, relative to the language's docs folder
    strings: dict[str, str]
    factbase: FactBase
    names_in: Callable[[str], list[Mention]] | None = None  # the first mention of each entity in a text
    source_url: str | None = None  # where the page's data is edited, for pages that are not one entity's
    _footnotes: dict[str, int] = field(default_factory=dict)  # each footnote's text, by its number's order

    @property
    def language(self) -> Language:
        return language(self.lang)

    @property
    def source(self) -> str:
        """The code of the language in which quotes were said, the article's own: the page's language where it is
        the article's in another script (a derived language)."""
        return self.lang if base(self.lang) == SOURCE.code else SOURCE.code

    @property
    def others(self) -> tuple[str, ...]:
        """The codes of the site's other languages."""
        return others(self.lang)

    @property
    def alternates(self) -> tuple[str, ...]:
        """The languages whose names the page shows as an entity's other names (registry.alternates)."""
        return alternates(self.lang)

    @property
    def name_languages(self) -> tuple[str, ...]:
        """The languages a table of names has a column for, on this page: the written ones, the page's own in
        place of the one it is derived from."""
        return name_languages(self.lang)

    def other_names(self, names: dict[str, str]) -> str:
        """A name in the alternate languages, each once: "Zhipu AI" on a Chinese page."""
        return " / ".join(dict.fromkeys(md_text(names[code]) for code in self.alternates if names.get(code)))

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
        for alias in (alias for code in (self.lang, *self.alternates) for alias in entity.aliases(code)):
            if alias.casefold() not in shown:
                shown.add(alias.casefold())
                names.append(alias)
        return names

    def language_home(self, code: str) -> str:
        """A link from this language's home page to another language's."""
        return language_root(self.lang, code)

    def same_page_in(self, code: str) -> str:
        """A link from this page to the same page in another language (raw HTML: MkDocs checks only its own)."""
        return same_page_in(self.path, self.lang, code)

    @property
    def converted_from(self) -> str:
        """The written language the page's texts are converted from; "" on a written language's page."""
        return language(self.lang).derived_from

    def language_tag(self, code: str) -> str:
        """A language's BCP 47 tag, for hreflang and lang attributes (zh-Hans)."""
        return language(code).tag

    def language_name(self, code: str) -> str:
        """A language's name as it calls itself (中文, English)."""
        return language(code).name

    def t(self, key: str, **values: Any) -> str:
        return fill(self.strings, key, **values)

    def label(self, entity: Entity, field: str) -> str:
        """The page's words for an entity's value of an enum field (its kind, category, stance)."""
        return value_label(entity.type, field, entity.data[field], self.strings)

    @property
    def site(self) -> SiteMap:
        """Every page of the site, to link to: ctx.to(ctx.site.verdict)."""
        return SITE

    def to(self, page: Page, anchor: str = "") -> str:
        """A link to a page of the site (and an anchor in it), relative to this page."""
        return self.href(f"{page.path}#{anchor}" if anchor else page.path)

    def anchor(self, entity: Entity) -> str:
        """The anchor a fact takes on the page that shows it."""
        return fact_anchor(entity)

    def rated(self, label: str, claims: list[dict[str, Any]]) -> str:
        """A rating in bold and the claims that explain it, joined as the language joins two sentences ("部分应验。…",
        "Partly borne out. …"); claims that already open with their rating show it once, the rating in bold."""
        first = claims[0][self.lang]
        if first.casefold().startswith(label.casefold()):
            rest = [{**claims[0], self.lang: first[len(label) :]}, *claims[1:]]
            return f"**{md_text(first[: len(label)])}**{self.claims(rest)}"
        return self.t("rated", label=md_text(label), text=self.claims(claims))

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
        mentions = self.names_in(text) if self.names_in else []
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
        return self._footnote("; ".join(self.describe_source(s) for s in sources))

    def cite_citation(self, citation: dict[str, Any]) -> str:
        """One footnote marker for a citation: its source, where in it and its words (a table's heading)."""
        return self._footnote(self.describe_citation(citation))

    def _footnote(self, text: str) -> str:
        number = self._footnotes.setdefault(text, len(self._footnotes) + 1)
        return f"[^{number}]"

    def footnotes(self) -> list[str]:
        """The footnote definitions of every fact cited so far, in order."""
        ordered = sorted(self._footnotes.items(), key=lambda item: item[1])
        return [f"[^{n}]: {text}" for text, n in ordered]

    def claims(self, claims: list[dict[str, Any]], anchor: str = "") -> str:
        """Claims as sentences of one paragraph, each followed by its own footnote with its sources' words; a
        claim with an id is anchored (`<anchor>-<id>`), for an assessment to point at."""
        sentences = []
        for claim in claims:
            text = md_text(claim[self.lang])
            if "id" in claim and anchor:
                text = f'<span id="{attr(self.claim_anchor(anchor, claim["id"]))}">{text}</span>'
            cites = claim.get("cites", [])
            note = self._footnote("; ".join(self.describe_citation(c) for c in cites)) if cites else ""
            sentences.append(text + note)
        return self.language.sentence_separator.join(sentences)

    def assessment_note(self, point: Entity) -> str:
        """The footnote of a verdict point's assessment: not sources, but the claims and points it rests on."""
        claims = {c["id"]: c for side in ("for", "against") for c in point.data.get(side, []) if "id" in c}
        links = []
        for target in point.data["assessment"]["rests_on"]:
            if target in claims:
                excerpt = _excerpt_of(claims[target][self.lang])
                links.append(f"[{md_text(excerpt)}]({self.to(SITE.verdict, self.claim_anchor(point.id, target))})")
            else:
                other = self.factbase.get(target)
                links.append(f"[{self.text(other.data['heading'])}]({self.fact_href(other)})")
        return self._footnote(
            self.t("verdict.rests_on") + self.t("label.sep") + self.language.list_separator.join(links)
        )

    @staticmethod
    def claim_anchor(anchor: str, claim_id: str) -> str:
        return f"{anchor}-{claim_id}"

    def describe_citation(self, citation: dict[str, Any]) -> str:
        """A source, where in it, and its own words in a <q> (in the source's language); a figure the claim
        computes from them says how."""
        parts = [self.describe_source(citation["source"])]
        source = self.factbase.entities.get(citation["source"])
        if "at" in citation:  # in the source's own words (a section's title), like its title
            parts.append(
                self.as_published(md_text(citation["at"]), str(source.data.get("language", "")) if source else "")
            )
        quote = str(citation["quote"])
        if source:  # an outside page: its words as published, in its own script
            language = str(source.data.get("language", ""))
        elif base(self.lang) == SOURCE.code:  # the article, on a page in its language or converted from it
            language, quote = self.language.tag, converter(self.lang)(quote)
        else:
            language = SOURCE.tag
        lang = f' lang="{attr(language)}"' if language else ""
        text = ", ".join(parts) + f": <q{lang}>{md_text(quote)}</q>"
        if "computed" in citation:
            text += " " + self.t("source.computed", how=md_text(citation["computed"][self.lang]))
        return text

    def is_paragraph(self, source: str) -> bool:
        """Whether a source is a paragraph of the article (p12), as opposed to its byline or an outside page."""
        return PARAGRAPH_PATTERN.fullmatch(source) is not None

    def describe_source(self, source: str) -> str:
        if source in self.factbase.entities:
            data = self.factbase.get(source).data
            title = self.as_published(md_text(data["title"]), str(data.get("language", "")))
            url = safe_url(data.get("url", ""))
            parts = [f"[{title}]({url})" if url else title, md_text(self.written(data["publisher"]))]
            if "published" in data:
                parts.append(time_tag(data["published"], self.lang))
            if "via" in data:
                parts.append(self.read_via(data["via"]["url"]))
            return ", ".join(parts)
        label = self.t("source.byline") if source == BYLINE else self.t("source.paragraph", n=source[1:])
        return f"[{label}]({self.to(SITE.article, source)})"

    def as_published(self, text: str, tag: str) -> str:
        """A source's own words (its title, its publisher's name) on a derived language's page: kept in the script
        they were published in, and marked as such where that is not the page's (a written language's pages
        are as they always were)."""
        if self.converted_from and tag and tag != self.language.tag:
            return f'<span lang="{attr(tag)}">{text}</span>'
        return text

    def read_via(self, url: str) -> str:
        """Where a source was read when only a copy was: "read via <the copy's host>", linked to the copy."""
        host = md_text((urlsplit(url).hostname or url).removeprefix("www."))
        target = safe_url(url)
        return self.t("source.via", copy=f"[{host}]({target})" if target else host)

    def external_link(self, url: str) -> str:
        """A link to an outside page, its address shown as text; nothing for an address that is not http(s)."""
        target = safe_url(url)
        return f"[{md_text(url)}]({target})" if target else ""

    def date(self, iso: str) -> str:
        return date_label(iso, self.lang)

    def time(self, iso: str, machine: str = "") -> str:
        return time_tag(iso, self.lang, machine)

    def number(self, value: float) -> str:
        return big_number(value, self.lang)

    def quantity(self, value: float, unit: str) -> str:
        return quantity(value, unit, self.lang, self.strings)

    def figure(self, data: dict[str, Any]) -> str:
        """A figure's value as the page writes it: its unit, its range or lower bound ('超过15%')."""
        return figure_text(
            data["value"], data["unit"], self.lang, self.strings, data.get("up_to"), data.get("more_than", False)
        )

    def written(self, text: str) -> str:
        """A text a fact keeps in one language only (a figure as its source writes it), in the page's script: on a
        derived language's page, converted like every other text of it."""
        return converter(self.lang)(text)

    def as_given(self, shown: str, given: str) -> str:
        """The figure as its source writes it, in brackets after the page's own writing of it, unless the two are
        the same (5000万美元 once, not '5000万美元 (5000万美元)')."""
        given = self.written(given)
        plain = str.maketrans("", "", " ,\u00a0")
        if shown.translate(plain).casefold() == given.translate(plain).casefold():
            return ""
        return f" ({md_text(given)})"

    def text(self, bilingual: dict[str, str]) -> str:
        return md_text(bilingual[self.lang])

    def attr(self, value: object) -> str:
        return attr(value)


EXCERPT_CHARS = 40


def _excerpt_of(text: str) -> str:
    """The start of a sentence, to name it in a list of links."""
    return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS].rstrip() + "…"
