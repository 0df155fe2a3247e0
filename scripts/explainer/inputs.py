"""Everything the site is generated from, read and checked together: the article, its translation, the facts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .article.convert import Article, load_article
from .article.translation import load_translation
from .conversion import converter, derived_text
from .factbase.derive import in_language
from .factbase.labels import value_words
from .factbase.load import load_factbase
from .factbase.mentions import Mention, MentionFinder
from .factbase.model import Entity, FactBase, Vocabulary
from .factbase.resolve import mentions_in
from .factbase.schema import inlined_schema
from .factbase.yamlfile import YamlDocument, read_yaml
from .history import History, read_history
from .problems import REPOSITORY, InputError, Problem, display_path
from .registry import CODES, LANGUAGES, SOURCE, TYPE_NAMES, WRITTEN, base
from .registry import language as language_of
from .strings import strings

ARTICLE_DIR = REPOSITORY / "seeds" / "article"
META_FILE = "meta.yaml"  # in ARTICLE_DIR: the article's title, date, outlet and file
META_TEXTS = ("outlet", "reporter", "published_basis")  # its texts, one per written language


V = TypeVar("V")


class PerLanguage(dict[str, V]):
    """Something made for each language the first time it is asked for, then kept: {code: value}."""

    def __init__(self, make: Callable[[str], V]):
        super().__init__()
        self._make = make

    def __missing__(self, code: str) -> V:
        if code not in CODES:
            raise KeyError(code)
        self[code] = value = self._make(code)
        return value


@dataclass(frozen=True)
class Inputs:
    article: Article
    meta: dict[str, Any]
    translations: dict[str, dict[str, str]]  # by language, then by paragraph id (and title, byline, section ids)
    factbase: FactBase  # as written: the downloads, and the pages of the written languages
    factbases: dict[str, FactBase]  # by language: as its pages read it (a derived language's texts converted)
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
        """The article's title, a heading or a paragraph in a language: the original, its translation, or either
        converted for a derived language."""
        if lang == SOURCE.code:
            return self.article.text(key)
        if lang not in WRITTEN:
            return converter(lang)(self.text(base(lang), key))
        return self.translations[lang][key]

    def meta_in(self, lang: str) -> dict[str, Any]:
        """The article's metadata with each of its texts (outlet, reporter, the date's basis) in a language."""
        return {
            key: {**value, lang: derived_text(value, lang)} if isinstance(value, dict) else value
            for key, value in self.meta.items()
        }


def _load_meta(article_dir: Path) -> tuple[dict[str, Any], Article, list[Problem]]:
    """The metadata, the article it names, and what is wrong with the metadata's texts (reported with the rest)."""
    meta_path = article_dir / META_FILE
    doc = read_yaml(meta_path, display_path(meta_path))
    article = load_article(article_dir / str(doc.data.get("file", "")))
    if doc.data.get("title") != article.title:
        raise InputError(
            [doc.problem(("title",), "the title differs from the article's first heading", f"it reads {article.title}")]
        )
    return doc.data, article, _meta_text_problems(doc)


def _meta_text_problems(doc: YamlDocument) -> list[Problem]:
    """Each of the metadata's texts in every written language of the registry, and in no unknown language."""
    problems = []
    for key in META_TEXTS:
        value = doc.data.get(key)
        if not isinstance(value, dict):
            problems.append(doc.problem((), f"missing '{key}:', a text in each of {', '.join(WRITTEN)}"))
            continue
        for code in WRITTEN:
            if not str(value.get(code) or "").strip():
                name = language_of(code).english_name
                problems.append(doc.problem((key,), f"'{key}' has no {name} text ('{code}:')", key=True))
        for code in value:
            if code not in CODES:
                problems.append(doc.problem((key, code), f"'{code}' is not a language of the site", key=True))
    return problems


def load_inputs(facts: Path, article_dir: Path = ARTICLE_DIR) -> Inputs:
    """Read and check every input; raise InputError listing every problem in all of them."""
    try:
        meta, article, meta_problems = _load_meta(article_dir)
    except InputError as err:
        raise err
    except OSError as err:
        raise InputError(
            [Problem(display_path(article_dir), 1, 1, f"cannot read the article: {err.strerror}")]
        ) from None
    problems = [*meta_problems]  # a list of its own, added to below
    translations: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        if language.is_source or not language.is_written:
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
    # Each language's fact base, names and article mentions are made when a page of it is first rendered: `make
    # check` needs none of them, and a preview of one language only its own.
    factbases = PerLanguage(lambda code: factbase if language_of(code).is_written else in_language(factbase, code))
    finders = PerLanguage(lambda code: MentionFinder(_with_pages(factbases[code]), code))
    mentions = PerLanguage(
        lambda code: mentions_in({p.id: inputs.text(code, p.id) for p in article.paragraphs}, finders[code])
    )
    vocabulary = _vocabulary()
    inputs = Inputs(
        article, meta, translations, factbase, factbases, vocabulary, finders, mentions, history, article_dir.resolve()
    )
    return inputs


def _with_pages(factbase: FactBase) -> list[Entity]:
    return [entity for entity in factbase.entities.values() if entity.has_page]


def _vocabulary() -> Vocabulary:
    """The schemas and the words, read once the fact base checked out against them."""
    words = {lang: table | value_words(table) for lang, table in strings().items()}
    return Vocabulary({t: inlined_schema(t) for t in TYPE_NAMES}, words)
