"""Every page's path in a language's docs folder and its address in the built site, decided here only.

As MkDocs' `Files` does for a build: templates, the relationship map, the downloads and the edit
links ask this module where a page is, rather than spelling `companies/<id>.md` themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..factbase.model import Entity
from ..registry import VERDICT_TABLE, language

HOME = "index.md"
ARTICLE = "article.md"
TIMELINE = "timeline.md"
DEBATE = "debate.md"
VERDICT = "verdict.md"
VERDICT_COMPANIES = "verdict/companies.md"  # the verdict's table, a page of its own (its claims' notes are long)
VERDICT_VOICES = "verdict/voices.md"  # the article's voices against what happened
CHARTS = "charts.md"
BENCHMARKS = "benchmarks.md"  # dated snapshots of benchmarks' scores (render/benchmarks.py)
MAP = "map.md"
CHANGES = "changes.md"  # the latest changes to the fact base (render/freshness.py); the one page without a date
FEED = "feed.xml"  # the same changes as an Atom feed, at the top of each language's folder
DATA_DIR = "data"
DATA = f"{DATA_DIR}/index.md"
FACTBASE_JSON = f"{DATA_DIR}/factbase.json"


def entity_page(entity: Entity) -> str:
    return f"{entity.type}/{entity.id}.md"


def index_page(type_name: str) -> str:
    return f"{type_name}/index.md"


def timeline_year(year: str) -> str:
    """The timeline's page of one year: its events, filterable (the overview at TIMELINE links to each)."""
    return f"timeline/{year}.md"


def fact_anchor(entity: Entity) -> str:
    """The anchor of a fact on the page that shows it ("" for the top of the page): its id, but for a series (its
    chart's section, `series-<id>`), a standing (the verdict's table) and a figure (the charts page's top)."""
    special = {"series": f"series-{entity.id}", "standings": VERDICT_TABLE, "figures": ""}
    return special.get(entity.type, entity.id)


def fact_page(entity: Entity) -> str:
    """Where a fact without a page of its own is shown: an event on the timeline, a quote in the debate, the
    verdict's parts on the verdict page, a figure among the charts."""
    pages = {
        "events": timeline_year(str(entity.data.get("date", ""))[:4]),
        "quotes": DEBATE,
        "series": VERDICT,
        "verdict": VERDICT,
        "judgements": VERDICT_VOICES,
        "standings": VERDICT_COMPANIES,
        "figures": CHARTS,
        "benchmarks": BENCHMARKS,
    }
    if entity.type not in pages:
        return entity_page(entity)
    anchor = fact_anchor(entity)
    return f"{pages[entity.type]}#{anchor}" if anchor else pages[entity.type]


@dataclass(frozen=True)
class Page:
    """A page of the site, as templates link to it: ctx.to(site.verdict), ctx.to(site.article, "p3")."""

    path: str  # its Markdown file in a language's docs folder

    @property
    def url(self) -> str:
        return page_url(self.path)


class SiteMap:
    """Every page of the site by what it is, so that no template spells a path."""

    home = Page(HOME)
    article = Page(ARTICLE)
    timeline = Page(TIMELINE)
    debate = Page(DEBATE)
    verdict = Page(VERDICT)
    verdict_companies = Page(VERDICT_COMPANIES)
    verdict_voices = Page(VERDICT_VOICES)
    charts = Page(CHARTS)
    benchmarks = Page(BENCHMARKS)
    map = Page(MAP)
    data = Page(DATA)
    changes = Page(CHANGES)
    feed = Page(FEED)

    @staticmethod
    def index(type_name: str) -> Page:
        return Page(index_page(type_name))

    @staticmethod
    def year(year: str) -> Page:
        return Page(timeline_year(year))

    @staticmethod
    def entity(entity: Entity) -> Page:
        return Page(entity_page(entity))

    @staticmethod
    def file(path: str) -> Page:
        """A file of the docs folder that is not a page: a download."""
        return Page(path)


SITE = SiteMap()


def csv_file(type_name: str) -> str:
    return f"{DATA_DIR}/{type_name}.csv"


def page_url(page: str) -> str:
    """The address of a page relative to its language's root: 'companies/acme/' for companies/acme.md."""
    if not page.endswith(".md"):
        return page  # a data file keeps its name
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def site_url(page: str, lang: str) -> str:
    """The address of a page relative to the site's root, in a language: 'en/companies/acme/'."""
    return language(lang).prefix + page_url(page)


def language_root(from_lang: str, to_lang: str) -> str:
    """A relative link from one language's home page to another's: 'en/' from Chinese, '../' from English."""
    depth = language(from_lang).prefix.count("/")
    return "../" * depth + language(to_lang).prefix or "./"


def same_page_in(page: str, from_lang: str, to_lang: str) -> str:
    """A relative link from a page to the same page in another language: '../../article/' from zh-hant/article/."""
    return relative_path(site_url(page, to_lang), site_url(page, from_lang))


def relative_url(target: str, page: str) -> str:
    """The address of one page from another, both given as Markdown paths, for links MkDocs does not rewrite (in
    an SVG drawing): 'companies/acme/' from index.md, '../companies/acme/' from map.md."""
    return relative_path(page_url(target), page_url(page))


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
