"""The team's English translation of the article, keyed by paragraph id and checked against the source.

Each entry stores a fingerprint of the Chinese text it translates; when the source paragraph
changes, the fingerprint no longer matches and the check fails until the translation is revisited.
"""

from __future__ import annotations

from pathlib import Path

from ..factbase.yamlfile import read_yaml
from ..problems import InputError, Problem, display_path
from ..registry import Language
from .convert import Article, paragraph_digest


def load_translation(path: Path, article: Article, language: Language) -> dict[str, str]:
    """The translated text by key; raise InputError for missing, stale or unknown entries."""
    shown = display_path(path)
    doc = read_yaml(path, shown)
    sources = article.texts()
    problems: list[Problem] = []
    translated: dict[str, str] = {}
    code, name = language.code, language.english_name
    for key, zh in sources.items():
        entry = doc.data.get(key)
        if not isinstance(entry, dict) or not str(entry.get(code, "")).strip():
            problems.append(
                doc.problem(
                    (key,), f"'{key}' has no {name} translation", f"add '{key}: {{source: ..., {code}: ...}}'", key=True
                )
            )
            continue
        if entry.get("source") != paragraph_digest(zh):
            problems.append(
                doc.problem(
                    (key, "source"),
                    f"the Chinese text of '{key}' changed after it was translated",
                    f"revise the {name}, then set source: '{paragraph_digest(zh)}'",
                )
            )
        translated[key] = " ".join(str(entry[code]).split())
    for key in doc.data:
        if key not in sources:
            problems.append(doc.problem((key,), f"the article has no paragraph '{key}'", key=True))
    if problems:
        raise InputError(problems)
    return translated
