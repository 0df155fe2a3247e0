"""Render every page of both languages: Markdown text by language and path under the docs folder."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from ..factbase.labels import value_label
from ..factbase.model import PAGE_TYPES, Entity, FactBase
from ..factbase.schema import TYPES, allowed_values
from ..inputs import ARTICLE_DIR, Inputs
from ..problems import InputError, Problem, display_path
from ..strings import LANGUAGES, forget_strings, strings
from .article import article_blocks, paragraph_texts
from .charts import chart_sections, draw_event_counts, draw_section, event_counts
from .context import PageContext
from .downloads import DATA_DIR, JSON_PATH, csv_columns, csv_path, download_files, schema_fields, schema_summary
from .linked_data import describe
from .mentions import MentionFinder
from .relation_map import draw_relation_map
from .search import ENTITY_PAGE_BOOST, search_names
from .text import attr, json_ld, md_text, yaml_string

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
EXCERPT_CHARS = {"zh": 24, "en": 70}


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown; every value goes through an explicit escaping filter
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # no stat of the template file on every page; `make serve` calls forget_templates()
    )
    env.filters["md"] = md_text
    env.filters["yaml"] = yaml_string
    env.filters["attr"] = attr
    return env


def forget_templates() -> None:
    """Read the templates and strings again on next use (a live preview after one of them was edited)."""
    forget_strings()
    environment.cache_clear()


@dataclass(frozen=True)
class DownloadFile:
    path: str  # in the docs folder
    type_name: str  # "" for the whole fact base
    rows: int
    size: str

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Excerpt:
    paragraph: str
    markdown: str


def _excerpt(text: str, start: int, end: int, lang: str) -> str:
    width = EXCERPT_CHARS[lang]
    left, right = max(0, start - width), min(len(text), end + width)
    before = ("…" if left else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) else "")
    return f"{md_text(before)}**{md_text(text[start:end])}**{md_text(after)}"


def mentions_by_entity(texts: dict[str, str], finder: MentionFinder, lang: str) -> dict[str, list[Excerpt]]:
    """For every entity, each paragraph that names it, with an excerpt around the first mention."""
    found: dict[str, list[Excerpt]] = defaultdict(list)
    for paragraph_id, text in texts.items():
        for mention in finder.first_each(text):
            found[mention.entity.id].append(Excerpt(paragraph_id, _excerpt(text, mention.start, mention.end, lang)))
    return found


def _events_of(factbase: FactBase, entity: Entity) -> list[Entity]:
    return sorted(
        {link.source for link in factbase.links_to(entity) if link.source.type == "events"},
        key=lambda e: (e.data["date"], e.id),
    )


def _of_type_linking(factbase: FactBase, entity: Entity, type_name: str) -> list[Entity]:
    found = {link.source.id: link.source for link in factbase.links_to(entity) if link.source.type == type_name}
    return [found[k] for k in sorted(found)]


def _relations(factbase: FactBase, entity: Entity) -> list[tuple[str, list[Entity]]]:
    """Links to and from other pages, grouped under a label key, each relation stated once in the data."""
    groups: dict[str, list[Entity]] = defaultdict(list)
    for link in factbase.links_from(entity):
        if link.target.has_page:
            groups[f"rel.{link.relation}.out"].append(link.target)
    for link in factbase.links_to(entity):
        if link.source.has_page:
            groups[f"rel.{link.relation}.in"].append(link.source)
    return [(key, list(dict.fromkeys(groups[key]))) for key in sorted(groups)]


class SiteRenderer:
    """Renders the pages of one language."""

    def __init__(self, inputs: Inputs, lang: str, edit_base: str):
        self.inputs = inputs
        self.lang = lang
        self.edit_base = edit_base
        self.strings = strings()[lang]
        page_entities = [e for e in inputs.factbase.entities.values() if e.has_page]
        self.finder = MentionFinder(page_entities, lang)
        self.mentions = mentions_by_entity(paragraph_texts(inputs, lang), self.finder, lang)

    def _source_url(self, path: str) -> str | None:
        """Where a page's data is edited: the translation or article metadata, or the folder of a type."""
        if path == "article.md":
            name = "translation.en.yaml" if self.lang == "en" else "meta.yaml"
            return f"{self.edit_base}{display_path(ARTICLE_DIR)}/{name}"
        folder = {"timeline.md": "events", "debate.md": "quotes"}.get(path) or path.removesuffix("/index.md")
        files = [e.file for e in self.inputs.factbase.of_type(folder)] if folder in TYPES else []
        if not files:
            return None
        return self.edit_base.replace("/edit/", "/tree/") + posixpath.dirname(files[0])

    def _context(self, path: str) -> PageContext:
        return PageContext(self.lang, path, self.strings, self.inputs.factbase, self.finder, self._source_url(path))

    def _render(self, template: str, path: str, **values: Any) -> str:
        ctx = self._context(path)
        return environment().get_template(template).render(ctx=ctx, t=ctx.t, lang=self.lang, **values)

    def article(self) -> str:
        ctx = self._context("article.md")
        blocks = article_blocks(self.inputs, ctx)
        meta = self.inputs.meta
        title = self.inputs.english["title"] if self.lang == "en" else self.inputs.article.title
        return (
            environment()
            .get_template("article.md.j2")
            .render(ctx=ctx, t=ctx.t, lang=self.lang, blocks=blocks, meta=meta, title=title, inputs=self.inputs)
        )

    def entity(self, entity: Entity) -> str:
        factbase = self.inputs.factbase
        events = _events_of(factbase, entity)
        quotes = _of_type_linking(factbase, entity, "quotes")
        return self._render(
            "entity.md.j2",
            f"{entity.type}/{entity.id}.md",
            entity=entity,
            search_names=search_names(entity),
            search_boost=ENTITY_PAGE_BOOST,
            json_ld=json_ld(describe(entity, factbase, events, self.lang, self.strings)),
            relations=_relations(factbase, entity),
            events=events,
            quotes_by=[q for q in quotes if q.data["speaker"] == entity.id],
            quotes_about=[q for q in quotes if q.data["speaker"] != entity.id],
            figures=_of_type_linking(factbase, entity, "figures"),
            mentions=self.mentions.get(entity.id, []),
            edit_url=f"{self.edit_base}{entity.file}",
        )

    def index(self, type_name: str) -> str:
        factbase = self.inputs.factbase
        return self._render(
            "index.md.j2",
            f"{type_name}/index.md",
            type_name=type_name,
            entities=factbase.of_type(type_name),
            factbase=factbase,
        )

    def timeline(self) -> str:
        events = sorted(self.inputs.factbase.of_type("events"), key=lambda e: (e.data["date"], e.id))
        years: dict[str, list[Entity]] = defaultdict(list)
        for event in events:
            years[event.data["date"][:4]].append(event)
        counts = event_counts(self.inputs.factbase, strings())
        picture = draw_event_counts(counts, self.lang, self.strings) if counts else None
        return self._render(
            "timeline.md.j2",
            "timeline.md",
            years=dict(years),
            categories=[
                (c, value_label("events", "category", c, self.strings)) for c in allowed_values("events", "category")
            ],
            factbase=self.inputs.factbase,
            counts=counts,
            picture=picture,
        )

    def debate(self) -> str:
        quotes = self.inputs.factbase.of_type("quotes")
        stances = [
            (s, value_label("quotes", "stance", s, self.strings), [q for q in quotes if q.data["stance"] == s])
            for s in allowed_values("quotes", "stance")
        ]
        return self._render("debate.md.j2", "debate.md", stances=stances, factbase=self.inputs.factbase)

    def relation_map(self) -> str:
        picture = draw_relation_map(self.inputs.factbase, self.lang, self.strings, "map.md")
        return self._render("map.md.j2", "map.md", p=picture)

    def charts(self) -> str:
        sections = [(s, draw_section(s, self.lang, self.strings)) for s in chart_sections(self.inputs.factbase)]
        return self._render("charts.md.j2", "charts.md", sections=sections)

    def data(self, downloads: dict[str, str]) -> str:
        """The download page: the files with their sizes, the licence, and every type's fields from its schema."""
        factbase = self.inputs.factbase
        files = [DownloadFile(JSON_PATH, "", len(factbase.entities), _size(downloads[JSON_PATH]))]
        for type_name in TYPES:
            path = csv_path(type_name)
            files.append(DownloadFile(path, type_name, len(factbase.of_type(type_name)), _size(downloads[path])))
        schemas = [(t, schema_summary(t), schema_fields(t), csv_columns(t)) for t in TYPES]
        title = self.inputs.article.title
        return self._render(
            "data.md.j2", f"{DATA_DIR}/index.md", files=files, schemas=schemas, meta=self.inputs.meta, title=title
        )

    def _page_makers(self, downloads: dict[str, str]) -> Iterator[tuple[str, str, Callable[[], str]]]:
        """Every page: its path in the docs folder, the input it is made from (for messages), and its maker."""
        facts = self.inputs.factbase
        folder = {t: _folder_of(facts, t) for t in TYPES}
        yield "article.md", display_path(ARTICLE_DIR), self.article
        yield "timeline.md", folder["events"], self.timeline
        yield "debate.md", folder["quotes"], self.debate
        yield "charts.md", folder["figures"], self.charts
        yield "map.md", folder["companies"], self.relation_map
        yield f"{DATA_DIR}/index.md", folder["sources"], lambda: self.data(downloads)
        for type_name in PAGE_TYPES:
            yield f"{type_name}/index.md", folder[type_name], lambda t=type_name: self.index(t)
            for entity in facts.of_type(type_name):
                yield f"{type_name}/{entity.id}.md", entity.file, lambda e=entity: self.entity(e)

    def pages(self, downloads: dict[str, str]) -> dict[str, str]:
        """Every page by its path in the docs folder, and the data files the download page offers.

        A page that fails to render is reported with the page and the input it was made from, never as a
        traceback; every page is tried, so one run lists them all.
        """
        pages: dict[str, str] = {}
        problems: list[Problem] = []
        for path, origin, make in self._page_makers(downloads):
            try:
                pages[path] = make()
            except Exception as err:  # reported with its page: `make check` should have refused what caused it
                message = f"cannot render the {self.lang} page {path}: {type(err).__name__}: {err}"
                problems.append(Problem(origin, 1, 1, message, "`make check` let this through: please report it"))
        if problems:
            raise InputError(problems)
        return pages | downloads


def _folder_of(factbase: FactBase, type_name: str) -> str:
    """The folder a type's files live in, as messages show it."""
    files = [e.file for e in factbase.of_type(type_name)]
    return posixpath.dirname(files[0]) if files else type_name


def _size(text: str) -> str:
    return f"{len(text.encode('utf-8')) / 1000:.1f} kB"


def render_site(inputs: Inputs, edit_base: str) -> dict[str, dict[str, str]]:
    """Every generated file of both languages: {lang: {path: text}}, Markdown pages and the data downloads."""
    # The downloads hold the same data in both languages: written out once.
    downloads = download_files(inputs.factbase, [p.id for p in inputs.article.paragraphs])
    rendered: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for lang in LANGUAGES:
        try:
            rendered[lang] = SiteRenderer(inputs, lang, edit_base).pages(downloads)
        except InputError as err:
            problems += err.problems
    if problems:
        raise InputError(problems)
    return rendered


__all__ = ["LANGUAGES", "md_text", "render_site"]
