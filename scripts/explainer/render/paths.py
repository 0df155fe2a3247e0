"""Every page's path in a language's docs folder and its address in the built site, decided here only.

As MkDocs' `Files` does for a build: templates, the relationship map, the downloads and the edit
links ask this module where a page is, rather than spelling `companies/<id>.md` themselves.
"""

from __future__ import annotations

from ..factbase.model import Entity
from ..registry import language

HOME = "index.md"
ARTICLE = "article.md"
TIMELINE = "timeline.md"
DEBATE = "debate.md"
CHARTS = "charts.md"
MAP = "map.md"
DATA_DIR = "data"
DATA = f"{DATA_DIR}/index.md"
FACTBASE_JSON = f"{DATA_DIR}/factbase.json"


def entity_page(entity: Entity) -> str:
    return f"{entity.type}/{entity.id}.md"


def index_page(type_name: str) -> str:
    return f"{type_name}/index.md"


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
