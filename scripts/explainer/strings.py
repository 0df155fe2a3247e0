"""The strings table: every piece of interface text, by key, in every language (templates/strings.yaml)."""

from __future__ import annotations

from pathlib import Path

from .conversion import converter
from .factbase.yamlfile import YamlDocument, read_yaml
from .filecache import while_unchanged
from .problems import display_path
from .registry import CODES as LANGUAGES
from .registry import base

STRINGS_PATH = Path(__file__).resolve().parent / "templates" / "strings.yaml"


def _table_file() -> list[Path]:
    return [STRINGS_PATH]  # looked up at each call: a test may point STRINGS_PATH at a changed copy


@while_unchanged(_table_file)
def strings_document() -> YamlDocument:
    """The table as read, with the line of every key (for messages about it)."""
    return read_yaml(STRINGS_PATH, display_path(STRINGS_PATH))


@while_unchanged(_table_file)
def strings() -> dict[str, dict[str, str]]:
    """The strings table by language: {"zh": {key: text}, "en": {...}}. A derived language's column is its written
    language's, converted, except where the table gives its own text."""
    data = strings_document().data
    return {
        lang: {
            key: str(value.get(lang) or converter(lang)(str(value.get(base(lang)) or "")))
            for key, value in data.items()
            if isinstance(value, dict)
        }
        for lang in LANGUAGES
    }
