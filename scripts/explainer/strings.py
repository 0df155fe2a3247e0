"""The strings table: every piece of interface text, by key, in every language (templates/strings.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .factbase.yamlfile import YamlDocument, read_yaml
from .problems import display_path
from .registry import CODES as LANGUAGES

STRINGS_PATH = Path(__file__).resolve().parent / "templates" / "strings.yaml"


@cache
def strings_document() -> YamlDocument:
    """The table as read, with the line of every key (for messages about it)."""
    return read_yaml(STRINGS_PATH, display_path(STRINGS_PATH))


@cache
def strings() -> dict[str, dict[str, str]]:
    """The strings table by language: {"zh": {key: text}, "en": {...}}."""
    data = strings_document().data
    return {
        lang: {key: str(value.get(lang) or "") for key, value in data.items() if isinstance(value, dict)}
        for lang in LANGUAGES
    }


def fill(table: dict[str, str], key: str, **values: object) -> str:
    """A text of one language's table, its {placeholders} filled in where values are given."""
    text = table[key]
    return text.format(**values) if values else text


def forget_strings() -> None:
    """Read the table again on next use (a live preview after it was edited)."""
    strings_document.cache_clear()
    strings.cache_clear()
