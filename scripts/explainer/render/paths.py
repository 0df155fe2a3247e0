"""Every page's path in a language's docs folder and its address in the built site, decided here only.

As MkDocs' `Files` does for a build: templates, the relationship map, the downloads and the edit
links ask this module where a page is, rather than spelling `companies/<id>.md` themselves.
"""

from __future__ import annotations

from ..factbase.model import Entity
from ..registry import VERDICT_TABLE, language

HOME = "index.md"
ARTICLE = "article.md"
TIMELINE = "timeline.md"
DEBATE = "debate.md"
VERDICT = "verdict.md"
CHARTS = "charts.md"
MAP = "map.md"
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


def fact_page(entity: Entity) -> str:
    """Where a fact without a page of its own is shown: an event on the timeline, a quote in the debate, the
    verdict's parts on the verdict page, a figure among the charts."""
    anchors = {
        "events": f"{timeline_year(str(entity.data.get('date', ''))[:4])}#{entity.id}",
        "quotes": f"{DEBATE}#{entity.id}",
        "series": f"{VERDICT}#series-{entity.id}",
        "verdict": f"{VERDICT}#{entity.id}",
        "judgements": f"{VERDICT}#{entity.id}",
        "standings": f"{VERDICT}#{VERDICT_TABLE}",
        "figures": CHARTS,
    }
    return anchors.get(entity.type, entity_page(entity))


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
