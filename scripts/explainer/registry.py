"""The site's languages and entity types, declared once. Every other module asks this one.

Adding a written language: an entry in LANGUAGES, its column in the strings table and its texts (the article's
translation, a text in each fact); `make check` and `make translations` list what is missing where. Adding a
derived language (converted from a written one): an entry in LANGUAGES naming its conversion, and only the
overrides its conversion gets wrong. Each language's MkDocs config is written from here (render/mkdocs_config.py).
Adding a type: an entry in TYPES, its schema in schemas/<name>.json and its words in the strings table (`make
check` lists the missing ones); a template of its own only if its index needs other columns.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]  # the folder holding mkdocs.yml
DOCS_OUT = Path("build/docs")  # where the generator writes each language's Markdown for MkDocs, by default


@dataclass(frozen=True)
class Language:
    code: str  # as facts and the strings table write it
    tag: str  # its BCP 47 tag, for lang and hreflang attributes: zh-Hans, en
    name: str  # in the language itself, for the switcher
    english_name: str  # for messages to contributors
    prefix: str  # where its pages live in the built site: "" for the root, "en/" under /en/
    theme_language: str  # Material's interface language (theme.language): zh, en, zh-Hant
    search_language: str  # the language Material's search stems and segments as: zh, en
    locale: str  # og:locale: zh_CN, en_US
    is_source: bool  # the language the article was written in (its text is the original)
    translation_file: str  # the article's translation into it, in seeds/article/ ("" for the source)
    list_separator: str  # between the items of an inline list of names
    sentence_separator: str  # between two sentences of a paragraph
    number_words: tuple[tuple[int, str], ...]  # large numbers: 10**8 -> 亿, 10**9 -> billion
    number_space: str  # between a number and its word
    date_formats: tuple[str, str, str]  # a year, a month, a day; {y}, {m}, {d} and {month} (a name)
    month_names: tuple[str, ...]  # for {month}; empty where months are numbers
    excerpt_chars: int  # context shown on each side of a mention of an entity in the article
    search_dictionary: bool  # the search segments words with a dictionary of the fact base's names (jieba)
    thousands: str = ","  # between groups of three digits ("" where a number is written whole: 1750亿, 5000万)
    # The order names are listed in (render/collation.py): "" for the Unicode default (letters as a dictionary has
    # them, Chinese characters by code point), "pinyin" for Chinese characters by their pinyin, before Latin letters.
    collation: str = ""
    # A derived language has no texts of its own: they are converted from the written language `derived_from` by
    # the OpenCC conversion `conversion` (conversion.py), and a fact's explicit text in it wins.
    derived_from: str = ""
    conversion: str = ""

    @property
    def is_written(self) -> bool:
        """Whether contributors write its texts (every fact has them), rather than the build converting them."""
        return not self.derived_from

    @property
    def env_suffix(self) -> str:
        """Its part of the environment variables its MkDocs config reads: ZH, EN, ZH_HANT."""
        return self.code.upper().replace("-", "_")


@dataclass(frozen=True)
class EntityType:
    name: str  # the folder under seeds/facts/, the schema's file name and the URL segment of its pages
    has_pages: bool  # a page per entity, and an index page listing them
    schema_org: str = ""  # the schema.org type its pages describe themselves as (JSON-LD)
    index_template: str = "index/default.md.j2"  # the table of its index page
    tooltip: str = ""  # the field shown as a link's tooltip wherever an entity of the type is linked
    map_column: int = -1  # its column in the relationship map, from the left (-1: not on the map)
    map_corner: float = 0  # the corner radius of its names' boxes there, in px (12: a pill)
    key_number: bool = False  # the home page says how many of it the fact base holds
    index_groups: str = ""  # the enum field whose x-groups split its index into a table per group ("": one table)


ZH = Language(
    code="zh",
    tag="zh-Hans",
    name="简体中文",
    english_name="Chinese",
    prefix="",
    theme_language="zh",
    search_language="zh",
    locale="zh_CN",
    is_source=True,
    translation_file="",
    list_separator="、",
    sentence_separator="",
    number_words=((10**12, "万亿"), (10**8, "亿"), (10**4, "万")),
    number_space="",
    date_formats=("{y}年", "{y}年{m}月", "{y}年{m}月{d}日"),
    month_names=(),
    excerpt_chars=24,
    search_dictionary=True,
    thousands="",
    collation="pinyin",
)
EN = Language(
    code="en",
    tag="en",
    name="English",
    english_name="English",
    prefix="en/",
    theme_language="en",
    search_language="en",
    locale="en_US",
    is_source=False,
    translation_file="translation.en.yaml",
    list_separator=", ",
    sentence_separator=" ",
    number_words=((10**12, "trillion"), (10**9, "billion"), (10**6, "million")),
    number_space=" ",
    date_formats=("{y}", "{month} {y}", "{d} {month} {y}"),
    month_names=(
        *("January", "February", "March", "April", "May", "June"),
        *("July", "August", "September", "October", "November", "December"),
    ),
    excerpt_chars=70,
    search_dictionary=False,
)
# Traditional Chinese, converted character by character from the Simplified texts with Taiwan's standard forms
# (OpenCC s2tw): the words stay the mainland's, which the article and its sources use; only the script changes.
ZH_HANT = replace(  # written as Simplified Chinese is, in the other script
    ZH,
    code="zh-Hant",
    tag="zh-Hant",
    name="繁體中文",
    english_name="Traditional Chinese",
    prefix="zh-hant/",
    theme_language="zh-Hant",
    locale="zh_TW",
    is_source=False,
    number_words=((10**12, "萬億"), (10**8, "億"), (10**4, "萬")),
    derived_from="zh",
    conversion="s2tw",
)
LANGUAGES: tuple[Language, ...] = (ZH, ZH_HANT, EN)  # in the order the switcher lists them
CODES: tuple[str, ...] = tuple(language.code for language in LANGUAGES)
WRITTEN: tuple[str, ...] = tuple(language.code for language in LANGUAGES if language.is_written)
SOURCE: Language = next(language for language in LANGUAGES if language.is_source)
ROOT: Language = next(
    language for language in LANGUAGES if not language.prefix
)  # at the site's top; the preview's default

TYPES: tuple[EntityType, ...] = (
    EntityType("companies", True, "Organization", "index/companies.md.j2", map_column=1, map_corner=0, key_number=True),
    EntityType(
        "models",
        True,
        "SoftwareApplication",
        "index/models.md.j2",
        map_column=2,
        map_corner=6,
        key_number=True,
        index_groups="kind",
    ),
    EntityType("people", True, "Person", "index/people.md.j2", map_column=0, map_corner=12.0),
    EntityType("glossary", True, "DefinedTerm", "index/glossary.md.j2", tooltip="short"),
    EntityType("events", False),
    EntityType("quotes", False),
    EntityType("figures", False),
    EntityType("sources", False),
    EntityType("verdict", False),  # the points of the verdict page
    EntityType("series", False),  # numbers drawn as charts on the verdict page
    EntityType("standings", False),  # the verdict's table: each company the article named, then and by 2026
    EntityType("judgements", False),  # how each of the article's voices held up
    EntityType("benchmarks", False),  # a named benchmark's scores as published on one date: the benchmarks page
)
TYPE_NAMES: tuple[str, ...] = tuple(t.name for t in TYPES)
PAGE_TYPES: tuple[str, ...] = tuple(t.name for t in TYPES if t.has_pages)  # in the order the site lists them
# The relationship map's columns, left to right: the people, the companies they found or work at, the companies'
# models. Its code names them in that order.
MAP_COLUMNS: tuple[str, ...] = tuple(t.name for t in sorted(TYPES, key=lambda t: t.map_column) if t.map_column >= 0)


# Relations named where the pages need them: a model's file names the companies that develop it.
DEVELOPED_BY = "developers.company"


@dataclass(frozen=True)
class Cast:
    """The home page's cast: a card for each entity of `makers` that others name through `relation`, listing them."""

    makers: str
    relation: str


CAST = Cast("companies", DEVELOPED_BY)


def language(code: str) -> Language:
    """The language of a code; a KeyError names an unknown one."""
    for candidate in LANGUAGES:
        if candidate.code == code:
            return candidate
    raise KeyError(code)


def entity_type(name: str) -> EntityType:
    for candidate in TYPES:
        if candidate.name == name:
            return candidate
    raise KeyError(name)


def others(code: str) -> tuple[str, ...]:
    """The other languages' codes, in the registry's order."""
    return tuple(c for c in CODES if c != code)


def base(code: str) -> str:
    """The written language a language's texts come from: its own code, or the one it is derived from."""
    return language(code).derived_from or code


def name_languages(code: str) -> tuple[str, ...]:
    """The languages whose names a page in `code` holds: the written ones, its own in place of the one it is derived
    from (繁體 names on the zh-Hant pages, not 简体)."""
    return tuple(code if written == base(code) else written for written in WRITTEN)


def alternates(code: str) -> tuple[str, ...]:
    """The languages whose names a page in `code` shows as an entity's other names: the written languages other
    than its own (a derived language's names are its written language's in another script, never other names)."""
    return tuple(c for c in WRITTEN if c != base(code))


# The verdict page's own sections. Its other anchors are the ids of the facts it shows (render/paths.py, fact_page),
# so no fact may take one of these ids (`make check` refuses it: factbase/validate.py).
VERDICT_TABLE = "standings"
VERDICT_VOICES = "judgements"
VERDICT_MORE = "more"  # the verdict's links to its table and its voices, which have pages of their own
SECTION_ANCHORS = frozenset({VERDICT_TABLE, VERDICT_VOICES, VERDICT_MORE})
