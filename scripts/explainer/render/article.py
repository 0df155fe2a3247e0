"""The article as blocks to render: headings and paragraphs, with entity mentions linked."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..inputs import Inputs
from .context import PageContext
from .text import md_text


@dataclass(frozen=True)
class Block:
    kind: str  # "heading" or "paragraph"
    id: str
    markdown: str
    notes: list[dict[str, Any]] = field(default_factory=list)


def notes_by_paragraph(inputs: Inputs, lang: str) -> dict[str, list[dict[str, Any]]]:
    """Editor's notes of every entity, filed under the paragraph they correct."""
    notes: dict[str, list[dict[str, Any]]] = {}
    factbase = inputs.factbases[lang]
    for entity in sorted(factbase.entities.values(), key=lambda e: (e.type, e.id)):
        for note in entity.data.get("notes", []):
            if "paragraph" in note:
                notes.setdefault(note["paragraph"], []).append({**note, "entity": entity})
                factbase.shown((entity,))  # the article page shows the note: its file dates the page
    return notes


def article_blocks(inputs: Inputs, ctx: PageContext) -> list[Block]:
    """Headings (never linked) and paragraphs (linked) in source order, in the page's language."""
    notes = notes_by_paragraph(inputs, ctx.lang)
    blocks: list[Block] = []
    section = ""
    for paragraph in inputs.article.paragraphs:
        if paragraph.section != section:
            section = paragraph.section
            blocks.append(Block("heading", section, md_text(inputs.text(ctx.lang, section))))
        text = inputs.text(ctx.lang, paragraph.id)
        blocks.append(Block("paragraph", paragraph.id, ctx.linked(text), notes.get(paragraph.id, [])))
    return blocks


def paragraph_texts(inputs: Inputs, lang: str) -> dict[str, str]:
    return {p.id: inputs.text(lang, p.id) for p in inputs.article.paragraphs}
