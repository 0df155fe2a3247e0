"""Generation for the live preview: one language, in full at the start, then after each save only what it changed.

A save that changes only texts of facts (a summary, a note, a claim: any value given per language, but names and
aliases, which other pages find and sort by) re-renders the pages that showed one of the saved files, as each
page's record of the files it shows says (render/freshness.py PageFiles), and the pages made from everything: the
data page (its files' sizes), the changes page and the feed. Any other save (a fact added, removed, renamed or
relinked; a date; the article; a template, schema or strings table; a new commit) renders the language again in
full, as `make generate` does. Either way the result is the same Markdown as a full generation: a test compares them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .generate import EDIT_BASE, site_addresses, write_docs, write_file
from .inputs import Inputs, load_inputs
from .registry import CODES, DOCS_OUT
from .render.freshness import PageFiles, entity_path
from .render.site import SiteRenderer, site_downloads

NAMES = ("name", "aliases")  # texts other pages find an entity by (links, search, order): a change renders all


@dataclass
class _Generated:
    """What the last good generation was made from, and what each of its pages showed."""

    inputs: Inputs
    made: dict[str, PageFiles]


class Regenerator:
    def __init__(self, facts: Path, lang: str, docs_out: Path = DOCS_OUT):
        self.facts = facts
        self.lang = lang
        self.docs_out = docs_out
        self.last: _Generated | None = None

    def run(self, saved: list[Path] | None = None) -> int:
        """Generate after files were saved (None: from scratch); the number of pages rendered. Raises InputError,
        and keeps the last good state, where an input is wrong."""
        inputs = load_inputs(self.facts)
        changed = self._texts_changed(inputs, saved) if saved is not None else None
        renderer = SiteRenderer(inputs, self.lang, EDIT_BASE, site_addresses()[self.lang])
        downloads = site_downloads(inputs)
        every = renderer.site_pages(downloads)
        if changed is None or self.last is None:
            texts, made = renderer.render(every)
            write_docs(inputs, {self.lang: texts | renderer.closing(made.values()) | downloads}, self.docs_out)
        else:
            made = dict(self.last.made)
            shown = [page for page in every if page.kind == "data" or not made[page.path].files.isdisjoint(changed)]
            texts, again = renderer.render(shown)
            made.update(again)
            for path, text in (texts | renderer.closing(made.values()) | downloads).items():
                write_file(self.docs_out / self.lang / path, text.encode("utf-8"))
        self.last = _Generated(inputs, made)
        return len(texts)

    @property
    def inputs(self) -> Inputs:
        """The inputs of the last good generation."""
        assert self.last is not None, "run() first"
        return self.last.inputs

    def _texts_changed(self, inputs: Inputs, saved: list[Path]) -> set[Path] | None:
        """The files of facts whose texts alone changed since the last generation, or None where a full generation
        is needed."""
        last = self.last
        facts = self.facts.resolve()
        if last is None or not all(path.resolve().is_relative_to(facts) for path in saved):
            return None  # the article, a template, a schema, the strings, a hand-written page
        before, after = last.inputs.factbase.entities, inputs.factbase.entities
        if before.keys() != after.keys() or inputs.history.commits != last.inputs.history.commits:
            return None
        changed = set()
        for entity_id, entity in after.items():
            old = before[entity_id]
            if old.data is entity.data:  # the same document: its file was not read again
                continue
            if old.file != entity.file or not _texts_alone_differ(old.data, entity.data, top=True):
                return None
            if old.data != entity.data:
                changed.add(entity_path(entity))
        if (inputs.history.uncommitted ^ last.inputs.history.uncommitted) - changed:
            return None  # a file committed, or changed back, that the save did not name
        return changed


def _texts_alone_differ(old: Any, new: Any, top: bool = False, key: object = None) -> bool:
    """Whether two values differ, if at all, only in texts given per language (`zh: …`, `en: …`), an entity's
    names (its top-level name and aliases) apart."""
    if isinstance(old, str) and isinstance(new, str) and key in CODES:
        return True
    if isinstance(old, dict) and isinstance(new, dict):
        if old.keys() != new.keys():
            return False
        return all(old[k] == new[k] if top and k in NAMES else _texts_alone_differ(old[k], new[k], key=k) for k in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_texts_alone_differ(a, b) for a, b in zip(old, new, strict=True))
    return bool(old == new)
