"""The team's English translation of the article, keyed by paragraph id and checked against the source.

Each entry stores a fingerprint of the Chinese text it translates; when the source paragraph
changes, the fingerprint no longer matches and the check fails until the translation is revisited.
"""

from __future__ import annotations

from pathlib import Path

from ..factbase.yamlfile import read_yaml
from ..problems import InputError, Problem, display_path
from .convert import Article, paragraph_digest


def source_texts(article: Article) -> dict[str, str]:
    """Every translatable piece of the article by key: title, byline, section ids, paragraph ids."""
    texts = {"title": article.title, "byline": article.byline}
    texts.update({s.id: s.heading for s in article.sections})
    texts.update({p.id: p.text for p in article.paragraphs})
    return texts


def load_translation(path: Path, article: Article) -> dict[str, str]:
    """English text by key; raise InputError for missing, stale or unknown entries."""
    shown = display_path(path)
    doc = read_yaml(path, shown)
    sources = source_texts(article)
    problems: list[Problem] = []
    english: dict[str, str] = {}
    for key, zh in sources.items():
        entry = doc.data.get(key)
        if not isinstance(entry, dict) or not str(entry.get("en", "")).strip():
            problems.append(
                doc.problem(
                    (key,), f"'{key}' has no English translation", f"add '{key}: {{source: ..., en: ...}}'", key=True
                )
            )
            continue
        if entry.get("source") != paragraph_digest(zh):
            problems.append(
                doc.problem(
                    (key, "source"),
                    f"the Chinese text of '{key}' changed after it was translated",
                    f"revise the English, then set source: '{paragraph_digest(zh)}'",
                )
            )
        english[key] = " ".join(str(entry["en"]).split())
    for key in doc.data:
        if key not in sources:
            problems.append(doc.problem((key,), f"the article has no paragraph '{key}'", key=True))
    if problems:
        raise InputError(problems)
    return english
