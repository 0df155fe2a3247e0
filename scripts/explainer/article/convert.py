"""Parse the scraped article text into title, byline, sections and numbered paragraphs.

The scrape is repaired by rule, never by hand: a paragraph that stops mid-sentence is joined
with the next one, and trailing blocks with no sentence in them (the host site's boilerplate)
are dropped.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

# A paragraph that ends with none of these stopped mid-sentence in the scrape.
SENTENCE_END = tuple("。！？!?…；;”’」』)）")
BYLINE_MARK = "■"


@dataclass(frozen=True)
class Paragraph:
    id: str
    text: str
    section: str  # id of the section it sits in, "" for the lead

    @property
    def digest(self) -> str:
        return paragraph_digest(self.text)


@dataclass(frozen=True)
class Section:
    id: str
    heading: str


@dataclass(frozen=True)
class Article:
    title: str
    byline: str
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]
    dropped: tuple[str, ...] = field(default=())

    def paragraph(self, paragraph_id: str) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.id == paragraph_id), None)

    def in_section(self, section_id: str) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.section == section_id]

    def texts(self) -> dict[str, str]:
        """Every translatable piece by key: title, byline, section ids, paragraph ids."""
        texts = {"title": self.title, "byline": self.byline}
        texts.update({s.id: s.heading for s in self.sections})
        texts.update({p.id: p.text for p in self.paragraphs})
        return texts

    def text(self, key: str) -> str:
        """The title, the byline, a section's heading or a paragraph, by the key a translation files it under."""
        return self.texts()[key]


def paragraph_digest(text: str) -> str:
    """Short fingerprint of a source paragraph, stored beside its translation."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _blocks(text: str) -> list[str]:
    """Blank-line separated blocks, each with its lines stripped and joined."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    return ["".join(line.strip() for line in b.split("\n")) for b in blocks if b.strip()]


def _is_sentence_complete(block: str) -> bool:
    return block.endswith(SENTENCE_END)


def _drop_boilerplate(blocks: list[str]) -> tuple[list[str], list[str]]:
    """Trailing blocks with no sentence punctuation at all are the host site's, not the article's."""
    dropped: list[str] = []
    while blocks and not any(mark in blocks[-1] for mark in "。！？!?"):
        dropped.insert(0, blocks.pop())
    return blocks, dropped


def parse_article(text: str) -> Article:
    """Parse the raw scrape into an Article, repairing broken paragraphs by rule."""
    blocks, dropped = _drop_boilerplate(_blocks(text))
    title, byline = "", ""
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    pending = ""  # a paragraph broken mid-sentence, waiting for its continuation
    for block in blocks:
        if block.startswith("# ") and not title:
            title = block[2:].strip()
        elif block.startswith("## "):
            sections.append(Section(f"s{len(sections) + 1}", block[3:].strip()))
        elif block.startswith(BYLINE_MARK) and not byline:
            byline = block[len(BYLINE_MARK) :].strip()
        else:
            pending += block
            if _is_sentence_complete(pending):
                section = sections[-1].id if sections else ""
                paragraphs.append(Paragraph(f"p{len(paragraphs) + 1}", pending, section))
                pending = ""
    if pending:
        section = sections[-1].id if sections else ""
        paragraphs.append(Paragraph(f"p{len(paragraphs) + 1}", pending, section))
    return Article(title, byline, tuple(sections), tuple(paragraphs), tuple(dropped))


def load_article(path: Path) -> Article:
    return parse_article(path.read_text(encoding="utf-8"))
