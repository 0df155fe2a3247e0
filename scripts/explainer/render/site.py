"""Render every page of both languages: Markdown text by language and path under the docs folder."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import jinja2

from ..factbase.model import Entity, FactBase, Mention, value_label
from ..filecache import while_unchanged
from ..history import Commit
from ..inputs import ARTICLE_DIR, META_FILE, Inputs
from ..problems import InputError, Problem, display_path
from ..registry import (
    CAST,
    CODES,
    DEVELOPED_BY,
    PAGE_TYPES,
    SOURCE,
    VERDICT_MORE,
    VERDICT_TABLE,
    VERDICT_VOICES,
    alternates,
    entity_type,
    language,
)
from ..registry import TYPE_NAMES as TYPES
from ..registry import TYPES as TYPE_LIST
from . import paths
from .article import article_blocks, paragraph_texts
from .bars import draw_section, draw_series
from .benchmarks import rows_naming, snapshots
from .chart_data import chart_sections, event_counts
from .collation import in_order
from .columns import draw_event_counts
from .comparison import index_groups, latest_releases
from .context import PageContext
from .downloads import csv_columns, download_files, schema_fields, schema_summary
from .feed import atom_feed
from .freshness import PAGES_LISTED, Change, PageFiles, changes, entity_path, page_title
from .linked_data import describe
from .numbers import big_number, quantity
from .relation_map import draw_relation_map
from .search import ENTITY_PAGE_BOOST, search_names, section_names
from .text import attr, date_label, fill, json_ld, md_text, yaml_string

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"


def _template_files() -> list[Path]:
    return [TEMPLATE_DIR]


@while_unchanged(_template_files)  # compiled once, and again after a template is edited (a live preview)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown; every value goes through an explicit escaping filter
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # no stat of the template file on every page: environment() itself is made anew
    )
    env.filters["md"] = md_text
    env.filters["yaml"] = yaml_string
    env.filters["attr"] = attr
    env.globals["DEVELOPED_BY"] = DEVELOPED_BY  # the relations templates follow, named once in the registry
    return env


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
class KeyNumber:
    value: str
    label: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class CastCard:
    entity: Entity
    other: str  # its names in the other languages
    models: list[Entity]


CAST_SIZE = 16
CAST_MODELS = 3


@dataclass(frozen=True)
class Excerpt:
    paragraph: str
    markdown: str


def _excerpt(text: str, start: int, end: int, lang: str) -> str:
    width = language(lang).excerpt_chars
    left, right = max(0, start - width), min(len(text), end + width)
    before = ("…" if left else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) else "")
    return f"{md_text(before)}**{md_text(text[start:end])}**{md_text(after)}"


def mentions_by_entity(
    texts: dict[str, str], mentions: dict[str, list[tuple[str, Mention]]], lang: str
) -> dict[str, list[Excerpt]]:
    """For every entity, each paragraph that names it, with an excerpt around the first mention."""
    return {
        entity_id: [Excerpt(p, _excerpt(texts[p], m.start, m.end, lang)) for p, m in found]
        for entity_id, found in mentions.items()
    }


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


@dataclass(frozen=True)
class SitePage:
    """One page of a language: what kind of page it is, its Markdown file, the input it is made from (where a
    message about it points) and how it is made."""

    kind: str  # home, article, timeline, year, debate, verdict, verdict-companies, verdict-voices, charts, map,
    # data, index (a type's), entity
    path: str  # in the language's docs folder
    origin: str
    make: Callable[[], str]

    @property
    def url(self) -> str:
        """Its address relative to the language's root."""
        return paths.page_url(self.path)


class SiteRenderer:
    """Renders the pages of one language."""

    def __init__(self, inputs: Inputs, lang: str, edit_base: str, address: str = ""):
        self.inputs = inputs
        self.lang = lang
        self.edit_base = edit_base
        self.address = address  # where the language's pages are published, for the feed ("": relative to it)
        self.shows: set[Path] = set()  # files the page being rendered shows besides the facts it looks up
        self.about: set[Path] = set()  # and those of them it is about: an entity's own file, the article
        self.strings = inputs.vocabulary.words[lang]
        self.factbase = inputs.factbases[lang]  # its texts in this language (a derived one's converted)
        self.meta = inputs.meta_in(lang)
        self.env = environment()
        self.years = _events_by_year(self.factbase)
        self.latest = latest_releases(self.factbase)
        self.mentions = mentions_by_entity(paragraph_texts(inputs, lang), inputs.mentions[lang], lang)

    def _source_url(self, path: str) -> str | None:
        """Where a page's data is edited: the article's metadata or its translation, or the folder of a type."""
        if path == paths.ARTICLE:
            return f"{self.edit_base}{display_path(ARTICLE_DIR)}/{language(self.lang).translation_file or META_FILE}"
        folders = {paths.TIMELINE: "events", paths.DEBATE: "quotes", paths.VERDICT: "verdict"}
        folders |= {paths.VERDICT_COMPANIES: "standings", paths.VERDICT_VOICES: "judgements"}
        folders |= {paths.BENCHMARKS: "benchmarks"}
        folders |= {paths.index_page(t): t for t in PAGE_TYPES}
        folder = _type_folder(self.factbase, folders[path]) if path in folders else None
        return self.edit_base.replace("/edit/", "/tree/") + folder if folder else None

    def _context(self, path: str) -> PageContext:
        return PageContext(
            self.lang,
            path,
            self.strings,
            self.factbase,
            self._names_in,
            self._source_url(path),
        )

    def _names_in(self, text: str) -> list[Mention]:
        """The first mention of each entity in a text, which the page links (and so shows: its name, a tooltip)."""
        found = self.inputs.finders[self.lang].first_each(text)
        self.factbase.shown(mention.entity for mention in found)
        return found

    def _render(self, template: str, path: str, **values: Any) -> str:
        ctx = self._context(path)
        return self.env.get_template(template).render(ctx=ctx, t=ctx.t, lang=self.lang, **values)

    def article(self) -> str:
        ctx = self._context(paths.ARTICLE)
        self.about.update(self.inputs.article_files(self.lang))
        self.shows.update(self.about)
        blocks = article_blocks(self.inputs, ctx)
        meta = self.meta
        title = self.inputs.text(self.lang, "title")
        return self.env.get_template("article.md.j2").render(
            ctx=ctx, t=ctx.t, lang=self.lang, blocks=blocks, meta=meta, title=title, inputs=self.inputs
        )

    def entity(self, entity: Entity) -> str:
        factbase = self.factbase
        events = _events_of(factbase, entity)
        quotes = _of_type_linking(factbase, entity, "quotes")
        mentions = self.mentions.get(entity.id, [])
        self.about.add(entity_path(entity))
        self.shows.update(self.about)
        if entity.id in self.latest:  # the event that released its latest version
            factbase.shown((self.latest[entity.id].event,))
        if mentions:  # excerpts of the article in the page's language
            self.shows.update(self.inputs.article_files(self.lang))
        return self._render(
            "entity.md.j2",
            paths.entity_page(entity),
            entity=entity,
            search_names=search_names(entity, self.lang),
            search_boost=ENTITY_PAGE_BOOST,
            json_ld=json_ld(describe(entity, factbase, events, self.lang, self.strings)),
            relations=_relations(factbase, entity),
            events=events,
            quotes_by=[q for q in quotes if q.data["speaker"] == entity.id],
            quotes_about=[q for q in quotes if q.data["speaker"] != entity.id],
            figures=_of_type_linking(factbase, entity, "figures"),
            benchmark_rows=rows_naming(factbase, entity),
            standing=next(iter(_of_type_linking(factbase, entity, "standings")), None),
            verdict_points=[p for p in _of_type_linking(factbase, entity, "verdict") if not p.data.get("lead")],
            mentions=mentions,
            latest=self.latest.get(entity.id),
            edit_url=f"{self.edit_base}{entity.file}",
        )

    def index(self, type_name: str) -> str:
        factbase = self.factbase
        entities = in_order(factbase.of_type(type_name), lambda e: e.name(self.lang), self.lang)
        field = entity_type(type_name).index_groups
        factbase.shown(self.latest[e.id].event for e in entities if e.id in self.latest)  # their latest versions
        groups = index_groups(entities, factbase, self.inputs.vocabulary, field, self.latest) if field else []
        return self._render(
            entity_type(type_name).index_template,
            paths.index_page(type_name),
            type_name=type_name,
            entities=entities,
            groups=groups,
            latest=self.latest,
            factbase=factbase,
        )

    def timeline(self) -> str:
        """The timeline's overview: events per month as a picture and a table, and a page per year."""
        years = self.years
        counts = event_counts(self.factbase, self.inputs.vocabulary.words)
        picture = draw_event_counts(counts, self.lang, self.strings) if counts else None
        return self._render(
            "timeline.md.j2",
            paths.TIMELINE,
            years=years,
            factbase=self.factbase,
            counts=counts,
            picture=picture,
            headlines=_headlines(self.factbase),
        )

    def timeline_year(self, year: str) -> str:
        """One year of the timeline, with the filters for its own events."""
        years = self.years
        events = years[year]
        self.factbase.shown(events)  # found before any page was rendered
        return self._render(
            "timeline_year.md.j2",
            paths.timeline_year(year),
            year=year,
            events=events,
            all_years=list(years),
            headline=_headlines(self.factbase).get(year),
            involved=self._involved(events),
            categories=[
                (c, value_label("events", "category", c, self.strings))
                for c in self.inputs.vocabulary.allowed("events", "category")
            ],
            factbase=self.factbase,
        )

    def _involved(self, events: list[Entity]) -> list[tuple[str, list[Entity]]]:
        """What the events involve, grouped by type in the registry's order, each group in the language's order."""
        ids = {i for e in events for i in e.data["involves"]}
        groups = [(t, [e for e in self.factbase.of_type(t) if e.id in ids]) for t in PAGE_TYPES]
        return [(t, in_order(group, lambda e: e.name(self.lang), self.lang)) for t, group in groups if group]

    def debate(self) -> str:
        quotes = self.factbase.of_type("quotes")
        stances = [
            (s, value_label("quotes", "stance", s, self.strings), [q for q in quotes if q.data["stance"] == s])
            for s in self.inputs.vocabulary.allowed("quotes", "stance")
        ]
        return self._render("debate.md.j2", paths.DEBATE, stances=stances, factbase=self.factbase)

    def home(self) -> str:
        """The home page: the question, the short answer, key numbers, the timeline at a glance, the cast."""
        facts = self.factbase
        counts = event_counts(facts, self.inputs.vocabulary.words)
        self.shows.add(self.inputs.article_dir / META_FILE)  # the article's month
        return self._render(
            "home.md.j2",
            paths.HOME,
            lead=_lead(facts),
            numbers=self._key_numbers(),
            drawing=draw_event_counts(counts, self.lang, self.strings) if counts else None,
            cast=self._cast(),
        )

    def _key_numbers(self) -> list[KeyNumber]:
        """The latest value of each series marked for the home page, then what the fact base holds."""
        facts, numbers = self.factbase, []
        for series in facts.of_type("series"):
            if series.data.get("home"):
                numbers.append(self._latest(series))
        month = str(self.meta["published"])[:7]  # the article's month
        in_month = [e for e in facts.of_type("events") if e.data["date"].startswith(month)]
        label = fill(self.strings, "home.number.month", month=date_label(month, self.lang))
        numbers.append(KeyNumber(str(len(in_month)), label, ()))
        for type_name in (t.name for t in TYPE_LIST if t.key_number):
            label = fill(self.strings, "home.number.in_factbase", what=self.strings[f"type.{type_name}"])
            numbers.append(KeyNumber(str(len(facts.of_type(type_name))), label, ()))
        numbers.append(KeyNumber(str(len(facts.of_type("sources"))), self.strings["home.number.sources"], ()))
        return numbers

    def _latest(self, series: Entity) -> KeyNumber:
        """A series' latest value, dated, with the one before it: the home page's answer may quote an earlier count,
        and a reader seeing two counts is told that one came after the other."""
        points = sorted(series.data["points"], key=lambda p: p["date"])
        last, name = points[-1], series.data["name"][self.lang]
        label = fill(self.strings, "home.number.series", name=name, date=date_label(last["date"], self.lang))
        sources = [last["source"]]
        if len(points) > 1:
            before = points[-2]
            value = quantity(before["value"], series.data["unit"], self.lang, self.strings)
            label += fill(self.strings, "home.number.before", value=value, date=date_label(before["date"], self.lang))
            sources.insert(0, before["source"])
        return KeyNumber(big_number(last["value"], self.lang), label, tuple(sources))

    def _cast(self) -> list[CastCard]:
        """The companies behind the models, most models first: a card each, with up to three of their models."""
        facts, cards = self.factbase, []
        for company in facts.of_type(CAST.makers):
            models = [link.source for link in facts.links_to(company, CAST.relation)]
            if models:
                other = " / ".join(company.name(code) for code in alternates(self.lang))
                cards.append(CastCard(company, other, sorted(models, key=lambda m: m.id)[:CAST_MODELS]))
        cards.sort(key=lambda c: (-len(facts.links_to(c.entity, CAST.relation)), c.entity.id))
        return cards[:CAST_SIZE]

    def verdict(self) -> str:
        """The article's question answered with what happened next: the short answer, then each point with its
        evidence on both sides, the site's assessment and its charts; links to the table and the voices."""
        facts = self.factbase
        lead = _lead(facts)
        points = sorted((p for p in facts.of_type("verdict") if p is not lead), key=lambda p: (p.data["order"], p.id))
        series_of = {p.id: facts.get_all(p.data.get("series", [])) for p in points}
        by_date = {
            p.id: sorted(facts.get_all(p.data.get("events", [])), key=lambda e: (e.data["date"], e.id)) for p in points
        }
        return self._render(
            "verdict.md.j2",
            paths.VERDICT,
            lead=lead,
            points=points,
            series_of=series_of,
            events_of=by_date,
            drawings={p.id: [draw_series(s, self.lang, self.strings) for s in series_of[p.id]] for p in points},
            section_names={p.id: section_names(p, self.lang) for p in points if section_names(p, self.lang)},
            more_anchor=VERDICT_MORE,
        )

    def verdict_companies(self) -> str:
        """Every company the article named, in April 2023 and by 2026, by outcome."""
        facts = self.factbase
        status_order = self.inputs.vocabulary.allowed("standings", "status")
        standings = sorted(
            facts.of_type("standings"),
            key=lambda s: (status_order.index(s.data["status"]), facts.get(s.data["company"]).name(self.lang)),
        )
        return self._render(
            "verdict_companies.md.j2", paths.VERDICT_COMPANIES, standings=standings, table_anchor=VERDICT_TABLE
        )

    def verdict_voices(self) -> str:
        """Each voice of the article against what happened next."""
        judgements = self.factbase.of_type("judgements")
        return self._render(
            "verdict_voices.md.j2", paths.VERDICT_VOICES, judgements=judgements, voices_anchor=VERDICT_VOICES
        )

    def relation_map(self) -> str:
        picture = draw_relation_map(self.factbase, self.lang, self.strings, paths.MAP)
        return self._render("map.md.j2", paths.MAP, p=picture)

    def charts(self) -> str:
        section_ids = self.inputs.vocabulary.allowed("figures", "chart")
        sections = [
            (s, draw_section(s, self.lang, self.strings))
            for s in chart_sections(self.factbase, section_ids, self.inputs.vocabulary.words)
        ]
        return self._render("charts.md.j2", paths.CHARTS, sections=sections)

    def benchmarks(self) -> str:
        """Each dated snapshot of a benchmark's scores: what it measures, its caveats, its table and its chart."""
        return self._render(
            "benchmarks.md.j2", paths.BENCHMARKS, snapshots=snapshots(self.factbase, self.lang, self.strings)
        )

    def data(self, downloads: dict[str, str]) -> str:
        """The download page: the files with their sizes, the licence, and every type's fields from its schema."""
        factbase = self.factbase
        files = [DownloadFile(paths.FACTBASE_JSON, "", len(factbase.entities), _size(downloads[paths.FACTBASE_JSON]))]
        for type_name in TYPES:
            path = paths.csv_file(type_name)
            files.append(DownloadFile(path, type_name, len(factbase.of_type(type_name)), _size(downloads[path])))
        schemas = [
            (t, schema_summary(t, schema), schema_fields(schema), csv_columns(schema))
            for t, schema in self.inputs.vocabulary.schemas.items()
        ]
        title = self.inputs.article.title
        self.shows.update(self.inputs.article_files(SOURCE.code))  # its title, outlet and licence
        return self._render("data.md.j2", paths.DATA, files=files, schemas=schemas, meta=self.meta, title=title)

    def site_pages(self, downloads: dict[str, str]) -> list[SitePage]:
        """Every page of the language, in the site's order (the changes page and the feed are made last, from what
        the others show: closing())."""
        facts = self.factbase
        folder = {t: _type_folder(facts, t) or t for t in TYPES}
        # The fact base itself: the folder above the types' folders.
        everything = next((posixpath.dirname(f) for t in TYPES if (f := _type_folder(facts, t))), "") or "."
        found = [
            SitePage("home", paths.HOME, everything, self.home),
            SitePage("article", paths.ARTICLE, display_path(ARTICLE_DIR), self.article),
            SitePage("timeline", paths.TIMELINE, folder["events"], self.timeline),
        ]
        for year in self.years:
            found.append(
                SitePage("year", paths.timeline_year(year), folder["events"], partial(self.timeline_year, year))
            )
        found += [
            SitePage("debate", paths.DEBATE, folder["quotes"], self.debate),
            SitePage("verdict", paths.VERDICT, folder["verdict"], self.verdict),
            SitePage("verdict-companies", paths.VERDICT_COMPANIES, folder["standings"], self.verdict_companies),
            SitePage("verdict-voices", paths.VERDICT_VOICES, folder["judgements"], self.verdict_voices),
            SitePage("charts", paths.CHARTS, folder["figures"], self.charts),
            SitePage("benchmarks", paths.BENCHMARKS, folder["benchmarks"], self.benchmarks),
            SitePage("map", paths.MAP, everything, self.relation_map),
            SitePage("data", paths.DATA, everything, partial(self.data, downloads)),
        ]
        for type_name in PAGE_TYPES:
            found.append(
                SitePage("index", paths.index_page(type_name), folder[type_name], partial(self.index, type_name))
            )
            for entity in facts.of_type(type_name):
                found.append(SitePage("entity", paths.entity_page(entity), entity.file, partial(self.entity, entity)))
        return found

    def render(self, pages: Iterable[SitePage]) -> tuple[dict[str, str], dict[str, PageFiles]]:
        """These pages' Markdown by path, each dated by the files it shows, and what each is made from.

        A page that fails to render is reported with the page and the input it was made from, never as a
        traceback; every page is tried, so one run lists them all.
        """
        texts: dict[str, str] = {}
        made: dict[str, PageFiles] = {}
        problems: list[Problem] = []
        for page in pages:
            try:
                self.shows, self.about = set(), set()
                with self.factbase.reading() as seen:
                    text = page.make()
                files = frozenset(self.shows | {entity_path(e) for e in seen})
                made[page.path] = PageFiles(page.path, page_title(text), files, frozenset(self.about))
                texts[page.path] = text + self.updated(page.path, self.inputs.history.newest(files))
            except Exception as err:  # reported with its page: `make check` should have refused what caused it
                message = f"cannot render the {self.lang} page {page.path}: {type(err).__name__}: {err}"
                problems.append(Problem(page.origin, 1, 1, message, "`make check` let this through: please report it"))
        if problems:
            raise InputError(problems)
        return texts, made

    def closing(self, made: Iterable[PageFiles]) -> dict[str, str]:
        """The changes page and the feed: the latest changes, each with the pages that show a file it changed."""
        listed = changes(self.inputs.history, made)
        changes_page = self._render(
            "changes.md.j2",
            paths.CHANGES,
            days=_by_day(listed),
            available=self.inputs.history.available,
            listed=len(listed),
            commit_url=self.commit_url,
            pages_listed=PAGES_LISTED,
        )
        feed = atom_feed(self.lang, self.address, self.strings, listed, self.commit_url)
        return {paths.CHANGES: changes_page, paths.FEED: feed}

    def pages(self, downloads: dict[str, str]) -> dict[str, str]:
        """Every page by its path in the docs folder, each dated by the files it shows; the changes page and the
        feed; and the data files the download page offers."""
        texts, made = self.render(self.site_pages(downloads))
        return texts | self.closing(made.values()) | downloads

    @property
    def commit_url(self) -> str:
        """The repository's address of a commit, but for its hash: where the edit links lead, …/commit/."""
        return self.edit_base.rsplit("/edit/", 1)[0] + "/commit/"

    def updated(self, path: str, commit: Commit | None) -> str:
        """The line that closes a page: when a file it shows last changed, and a link to every change ("" where
        that is unknown)."""
        if commit is None:
            return ""
        return "\n" + self._render("_updated.md.j2", path, commit=commit)


def _by_day(listed: list[Change]) -> list[tuple[str, list[Change]]]:
    """The changes grouped by their day in UTC, newest first (as they are listed)."""
    days: dict[str, list[Change]] = {}
    for change in listed:
        days.setdefault(change.commit.day, []).append(change)
    return list(days.items())


def _type_folder(factbase: FactBase, type_name: str) -> str | None:
    """The folder a type's files live in, as messages and edit links show it (None while it has no file)."""
    entity = next((e for e in factbase.entities.values() if e.type == type_name), None)
    return posixpath.dirname(entity.file) if entity else None


def _lead(factbase: FactBase) -> Entity | None:
    """The verdict's short answer, which opens the verdict page and the home page."""
    return next((p for p in factbase.of_type("verdict") if p.data.get("lead")), None)


def _events_by_year(factbase: FactBase) -> dict[str, list[Entity]]:
    """The events by year, each year's in date order: the timeline's pages."""
    years: dict[str, list[Entity]] = defaultdict(list)
    for event in sorted(factbase.of_type("events"), key=lambda e: (e.data["date"], e.id)):
        years[event.data["date"][:4]].append(event)
    return dict(years)


def _headlines(factbase: FactBase) -> dict[str, Entity]:
    """Each year's headline event, by year (make check allows one a year)."""
    return {e.data["date"][:4]: e for e in factbase.of_type("events") if "headline" in e.data}


def _size(text: str) -> str:
    return f"{len(text.encode('utf-8')) / 1000:.1f} kB"


def site_downloads(inputs: Inputs) -> dict[str, str]:
    """The data files the download page offers, by path: the same in every language, so written out once."""
    return download_files(inputs.factbase, [p.id for p in inputs.article.paragraphs], inputs.vocabulary.schemas)


def render_site(
    inputs: Inputs,
    edit_base: str,
    languages: tuple[str, ...] = CODES,
    addresses: Mapping[str, str] | None = None,
    downloads: dict[str, str] | None = None,
) -> dict[str, dict[str, str]]:
    """Every generated file of each language asked for (all by default): {lang: {path: text}}, Markdown pages, the
    feed and the data downloads (site_downloads, unless given). `addresses` are where each language is published
    (the feed's links are absolute; without them, relative to the language's folder)."""
    downloads = downloads if downloads is not None else site_downloads(inputs)
    rendered: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for lang in languages:
        try:
            address = (addresses or {}).get(lang, "")
            rendered[lang] = SiteRenderer(inputs, lang, edit_base, address).pages(downloads)
        except InputError as err:
            problems += err.problems
    if problems:
        raise InputError(problems)
    return rendered


__all__ = ["md_text", "render_site"]
