"""Escaping for each context the generator writes into, and dates shown at their precision.

Fact-base text is plain text. Whatever it holds, it reaches the page as text: never as Markdown
syntax, HTML, a template tag or a snippet include.
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import urlsplit

# The characters Python-Markdown can backslash-escape (its ESCAPED_CHARS, plus '|' from tables):
# enough to keep emphasis, links, footnotes, attr_list, abbr and headings from forming.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def md_text(value: object) -> str:
    """Plain text made safe for Markdown: HTML is escaped, Markdown punctuation backslashed."""
    text = re.sub(r"\s+", " ", str(value))  # one line, but a space next to a link stays
    text = html.escape(text, quote=False)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    if text.startswith(":"):  # would open a definition-list entry
        text = "&#58;" + text[1:]
    # A `--8<--` snippet marker or `{{` can no longer form: every '-', '{' and '<' is escaped above.
    return text


def attr(value: object) -> str:
    """Text for an HTML attribute value in double quotes."""
    return html.escape(" ".join(str(value).split()), quote=True)


def link_title(value: object) -> str:
    """Text for a Markdown link title in double quotes (shown as a tooltip by the theme)."""
    return " ".join(str(value).split()).replace("\\", "\\\\").replace('"', "\u201d").replace("<", "‹").replace(">", "›")


def safe_url(value: str) -> str:
    """An http(s) URL fit for a Markdown link target, or '' for anything else."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return value.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def yaml_string(value: object) -> str:
    """A string for YAML front matter: JSON strings are valid YAML flow scalars."""
    return json.dumps(" ".join(str(value).split()), ensure_ascii=False)


def json_ld(value: object) -> str:
    """JSON for a <script type="application/ld+json"> block that no text can close early."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e")


def date_label(iso: str, lang: str) -> str:
    """'2023-04-10' as a reader of the language writes it, at the precision given."""
    parts = [int(p) for p in iso.split("-")]
    if lang == "zh":
        units = ("年", "月", "日")
        return "".join(f"{n}{u}" for n, u in zip(parts, units, strict=False))
    if len(parts) == 1:
        return str(parts[0])
    month = _MONTHS_EN[parts[1] - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def time_tag(iso: str, lang: str) -> str:
    return f'<time datetime="{attr(iso)}">{html.escape(date_label(iso, lang))}</time>'
