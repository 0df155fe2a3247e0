"""Everything the site is generated from, read and checked together: the article, its translation, the facts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .article.convert import Article, load_article
from .article.translation import load_translation
from .factbase.labels import value_words
from .factbase.load import load_factbase
from .factbase.mentions import Mention, MentionFinder
from .factbase.model import Entity, FactBase, Vocabulary
from .factbase.resolve import mentions_in
from .factbase.schema import inlined_schema
from .factbase.yamlfile import read_yaml
from .history import History, read_history
from .problems import REPOSITORY, InputError, Problem, display_path
from .registry import LANGUAGES, SOURCE, TYPE_NAMES
from .registry import language as language_of
from .strings import strings

ARTICLE_DIR = REPOSITORY / "seeds" / "article"
META_FILE = "meta.yaml"  # in ARTICLE_DIR: the article's title, date, outlet and file


@dataclass(frozen=True)
class Inputs:
    article: Article
    meta: dict[str, Any]
    translations: dict[str, dict[str, str]]  # by language, then by paragraph id (and title, byline, section ids)
    factbase: FactBase
    vocabulary: Vocabulary  # what the schemas allow and every word the pages use
    finders: dict[str, MentionFinder]  # by language: every name of every entity with a page, to link texts
    # by language, then entity id: each paragraph of the article that names the entity, with its first mention
    mentions: dict[str, dict[str, list[tuple[str, Mention]]]]
    history: History  # the changes to seeds/ (history.py): what dates each page, and the changes page and feed
    article_dir: Path = ARTICLE_DIR

    def article_files(self, lang: str) -> list[Path]:
        """The files a page showing the article in a language is made from: its metadata, its text, and its
        translation into the language (if it is not the original)."""
        files = [self.article_dir / META_FILE, self.article_dir / str(self.meta["file"])]
        translation = language_of(lang).translation_file
        return [*files, self.article_dir / translation] if translation else files

    def text(self, lang: str, key: str) -> str:
        """The article's title, a heading or a paragraph in a language: the original, or its translation."""
        if lang == SOURCE.code:
            return self.article.text(key)
        return self.translations[lang][key]


def _load_meta(article_dir: Path) -> tuple[dict[str, Any], Article]:
    meta_path = article_dir / META_FILE
    doc = read_yaml(meta_path, display_path(meta_path))
    article = load_article(article_dir / str(doc.data.get("file", "")))
    if doc.data.get("title") != article.title:
        raise InputError(
            [doc.problem(("title",), "the title differs from the article's first heading", f"it reads {article.title}")]
        )
    return doc.data, article


def load_inputs(facts: Path, article_dir: Path = ARTICLE_DIR) -> Inputs:
    """Read and check every input; raise InputError listing every problem in all of them."""
    problems: list[Problem] = []
    try:
        meta, article = _load_meta(article_dir)
    except InputError as err:
        raise err
    except OSError as err:
        raise InputError(
            [Problem(display_path(article_dir), 1, 1, f"cannot read the article: {err.strerror}")]
        ) from None
    translations: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        if language.is_source:
            continue
        try:
            translations[language.code] = load_translation(article_dir / language.translation_file, article, language)
        except InputError as err:
            problems += err.problems
    history = History()
    try:
        history = read_history(article_dir.parent)  # the seeds folder
    except InputError as err:  # its file of ignored revisions names something that is not a commit
        problems += err.problems
    try:
        factbase = load_factbase(facts, {p.id: article.text(p.id) for p in article.paragraphs})
    except InputError as err:
        problems += err.problems
    if problems:
        raise InputError(problems)
    finders = {language.code: MentionFinder(_with_pages(factbase), language.code) for language in LANGUAGES}
    mentions = {}
    for code, finder in finders.items():
        texts = {
            p.id: article.text(p.id) if code == SOURCE.code else translations[code][p.id] for p in article.paragraphs
        }
        mentions[code] = mentions_in(texts, finder)
    return Inputs(
        article, meta, translations, factbase, _vocabulary(), finders, mentions, history, article_dir.resolve()
    )


def _with_pages(factbase: FactBase) -> list[Entity]:
    return [entity for entity in factbase.entities.values() if entity.has_page]


def _vocabulary() -> Vocabulary:
    """The schemas and the words, read once the fact base checked out against them."""
    words = {lang: table | value_words(table) for lang, table in strings().items()}
    return Vocabulary({t: inlined_schema(t) for t in TYPE_NAMES}, words)
