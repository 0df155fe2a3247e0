"""Escaping for each context the generator writes into, and dates shown at their precision.

Fact-base text is plain text. Whatever it holds, it reaches the page as text: never as Markdown
syntax, HTML, a template tag or a snippet include.
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import quote, urlsplit

from ..registry import language

# The characters Python-Markdown can backslash-escape (its ESCAPED_CHARS, plus '|' from tables):
# enough to keep emphasis, links, footnotes, attr_list, abbr and headings from forming.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
# Characters a YAML stream may not hold as they are (PyYAML's Reader refuses them), escaped in front matter.
_YAML_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# What would end a Markdown link target or table cell early, or start code or a title: percent-encoded in URLs.
_URL_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f\"'<>()\\`|]")

_WHITESPACE = re.compile(r"\s+")
_LINE_START_MARK = re.compile(r"^( *)([:?=])")


def md_text(value: object) -> str:
    """Plain text made safe for Markdown: HTML is escaped, Markdown punctuation backslashed."""
    text = _WHITESPACE.sub(" ", str(value))  # one line, but a space next to a link stays
    text = html.escape(text, quote=False)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    # At the start of a line ':' would open a definition-list entry, '???' a details block, '===' a heading.
    text = _LINE_START_MARK.sub(lambda m: f"{m[1]}&#{ord(m[2])};", text)
    # A `--8<--` snippet marker or `{{` can no longer form: every '-', '{' and '<' is escaped above.
    return text


def attr(value: object) -> str:
    """Text for an HTML attribute value in double quotes."""
    return html.escape(" ".join(str(value).split()), quote=True)


def link_title(value: object) -> str:
    """Text for a Markdown link title in double quotes (shown as a tooltip by the theme)."""
    text = " ".join(str(value).split()).replace("&", "&amp;").replace('"', "\u201d").replace("<", "‹").replace(">", "›")
    # Escaped like text: entities, footnote, link and table syntax are found inside a link title too.
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def safe_url(value: str) -> str:
    """An http(s) URL fit for a Markdown link target, or '' for anything else."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return _URL_UNSAFE.sub(lambda m: quote(m[0]), value)


def yaml_string(value: object) -> str:
    """A string for YAML front matter: JSON strings are valid YAML flow scalars."""
    text = json.dumps(" ".join(str(value).split()), ensure_ascii=False)
    return _YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)  # YAML refuses these unescaped


def json_ld(value: object) -> str:
    """JSON for a <script type="application/ld+json"> block that no text can close early."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e")


def date_label(iso: str, lang: str) -> str:
    """'2023-04-10' as a reader of the language writes it, at the precision given."""
    parts = [int(p) for p in iso.split("-")]
    written = language(lang)
    values: dict[str, int | str] = dict(zip(("y", "m", "d"), parts, strict=False))
    if len(parts) > 1 and written.month_names:
        values["month"] = written.month_names[parts[1] - 1]
    return written.date_formats[len(parts) - 1].format(**values)


def time_tag(iso: str, lang: str, machine: str = "") -> str:
    """A date at its precision as the language writes it, in a <time> element whose datetime is `iso`, or the more
    precise `machine` where one is given (an instant: 2024-03-01T23:30:00Z)."""
    return f'<time datetime="{attr(machine or iso)}">{html.escape(date_label(iso, lang))}</time>'


def fill(table: dict[str, str], key: str, **values: object) -> str:
    """A text of one language's words, its {placeholders} filled in where values are given."""
    text = table[key]
    return text.format(**values) if values else text
