"""How current each page is: the files under seeds/ a page is made from, its date, and the changes page's list.

A page's files are those of every fact its rendering looked up in the fact base (FactBase.reading: an entity's
own file, its events, quotes, standings, the sources its footnotes cite, every entity its text links), and what
the renderer names besides (the article and its translation). Its date is the newest commit among them
(history.py); a page one of whose files is not committed as it is has no date. A fact no longer shown leaves no
trace: removing a file dates the pages that list what is left, not those that showed it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..factbase.model import Entity
from ..history import Commit, History
from ..inputs import Inputs
from ..problems import REPOSITORY, display_path
from ..registry import CODES

CHANGES_LISTED = 100  # the changes page and the feed: the latest this many changes
SUMMARY_CHARS = 120  # a change's summary (its subject) is cut to this many characters, the ellipsis included
PAGES_LISTED = 10  # the pages a change lists by name; the rest are counted
_TITLE = re.compile(r"^title: (.*)$", re.MULTILINE)


def entity_path(entity: Entity) -> Path:
    """The absolute path of an entity's file (Entity.file is relative to the repository where possible)."""
    return _absolute(entity.file)


@cache
def _absolute(file: str) -> Path:
    return (REPOSITORY / file).resolve()


@dataclass(frozen=True)
class PageFiles:
    """A rendered page and what it is made from."""

    path: str  # in the language's docs folder
    title: str
    files: frozenset[Path]  # every file under seeds/ it shows
    own: frozenset[Path]  # the files it is about (an entity's own file, the article), named first in the changes

    def shows(self, commit: Commit) -> bool:
        return not self.files.isdisjoint(commit.files)


def page_title(markdown: str) -> str:
    """A generated page's title, from its front matter (`title:` written as a JSON string by the `yaml` filter)."""
    found = _TITLE.search(markdown, 0, 2000)
    return str(json.loads(found[1])) if found else ""


def summary(subject: str) -> str:
    """A change's subject cut to SUMMARY_CHARS characters, as the changes page and the feed show it."""
    return subject if len(subject) <= SUMMARY_CHARS else subject[: SUMMARY_CHARS - 1].rstrip() + "…"


@dataclass(frozen=True)
class Change:
    """One change as the changes page and the feed list it: the commit, and the pages it changed."""

    commit: Commit
    summary: str
    pages: tuple[PageFiles, ...]  # the pages about a file it changed first, then the others, each in site order


def changes(history: History, pages: Iterable[PageFiles]) -> list[Change]:
    """The latest changes, newest first, each with the pages that show a file it changed."""
    pages = list(pages)
    listed = []
    for commit in history.commits[:CHANGES_LISTED] if history.available else []:
        changed = set(commit.files)
        touched = [page for page in pages if page.shows(commit)]
        own = [page for page in touched if not page.own.isdisjoint(changed)]
        others = [page for page in touched if page.own.isdisjoint(changed)]
        listed.append(Change(commit, summary(commit.subject), tuple(own + others)))
    return listed


def undated_note(inputs: Inputs) -> str | None:
    """The build log's note for files of the fact base and the article that have no date (not committed as they
    are, or outside the history read), naming the first few."""
    history = inputs.history
    files = [entity_path(e) for e in inputs.factbase.entities.values()]
    files += {path for code in CODES for path in inputs.article_files(code)}
    undated = history.undated(files)
    if not undated:
        return None
    named = ", ".join(display_path(p) for p in undated[:5]) + (", …" if len(undated) > 5 else "")
    return f"no date for {len(undated)} file(s) not committed as they are, nor for the pages showing them: {named}"
