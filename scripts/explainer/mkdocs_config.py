"""Each language's MkDocs config, written from the registry and the strings table: nothing about a language is kept
in a config by hand.

A config inherits mkdocs.yml and adds what is the language's own: its words (site name and description, the
titles of heading links and footnote back-links), Material's interface and search languages, its place in the
built site, and the switcher's list of every language. The configs live in build/mkdocs/, two folders below the
repository like mkdocs.yml's own paths expect (MkDocs resolves an inherited config's paths from the config that
inherits it). What a build decides (the docs folder, the site's address) the config reads from the environment
(build.mkdocs_environment), so the same config serves `make site`, the preview and the tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .filecache import while_unchanged
from .registry import DOCS_OUT, LANGUAGES, REPOSITORY, Language

CONFIG_DIR = REPOSITORY / "build" / "mkdocs"
BASE_CONFIG = REPOSITORY / "mkdocs.yml"
UP = "../../"  # from CONFIG_DIR back to the repository
# Material's search ranks a tag match above everything unless told; 1000, like titles, measured best with
# `make bench-search` (entity pages carry their names and aliases as hidden tags).
TAG_BOOST = 1000


def config_path(code: str) -> Path:
    """Where a language's config is written (and read by MkDocs)."""
    return CONFIG_DIR / f"{code}.yml"


def jieba_dictionary_file(code: str) -> str:
    """The jieba user dictionary of a language's names, beside the languages' docs folders."""
    return f"jieba-user-dict.{code}.txt"


@dataclass(frozen=True)
class Env:
    """An `!ENV [NAME, default]` value: the environment's NAME where it is set, else the default."""

    name: str
    default: str


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(Env, lambda dumper, env: dumper.represent_sequence("!ENV", [env.name, env.default], True))


def _base_file() -> list[Path]:
    return [BASE_CONFIG]


@while_unchanged(_base_file)  # read once, not for each language and address, and again only after an edit
def _base() -> dict[str, Any]:
    with BASE_CONFIG.open(encoding="utf-8") as file:
        return dict(yaml.safe_load(file))


def default_site_url() -> str:
    """The site's address when a build names none: mkdocs.yml's `site_url`."""
    url = str(_base().get("site_url", ""))
    return url if url.endswith("/") else url + "/"


def _palette(words: dict[str, str]) -> list[dict[str, Any]]:
    """mkdocs.yml's palette, each toggle named in the language (the strings table's site.palette.<scheme>)."""
    return [
        {**scheme, "toggle": {**scheme["toggle"], "name": words[f"site.palette.{scheme['scheme']}"]}}
        for scheme in _base()["theme"]["palette"]
    ]


def switcher() -> list[dict[str, str]]:
    """Every language as the theme's switcher, 404 page and sitemaps list it: where it lives from the site's top."""
    return [{"name": lang.name, "link": lang.prefix, "lang": lang.tag, "code": lang.code} for lang in LANGUAGES]


def language_config(language: Language, words: dict[str, str]) -> dict[str, Any]:
    """One language's config as MkDocs reads it, inheriting mkdocs.yml."""
    url = default_site_url()
    suffix = language.env_suffix
    search: dict[str, Any] = {"fields": {"tags": {"boost": TAG_BOOST}}, "lang": language.search_language}
    if language.search_dictionary:
        dictionary = (DOCS_OUT / jieba_dictionary_file(language.code)).as_posix()
        search["jieba_dict_user"] = Env(f"JIEBA_DICT_{suffix}", dictionary)
    extra: dict[str, Any] = {
        "root": "../" * language.prefix.count("/"),  # from the language's folder up to the top of the site
        "site_root_url": Env("SITE_URL", url),  # the top of the site, for the sitemaps
        "scope": Env("SITE_PATH", "/"),  # Material keeps the reader's choices (the palette) for the whole site
        "language_code": language.code,
        "locale": language.locale,
        "languages": switcher(),
    }
    return {
        "INHERIT": UP + BASE_CONFIG.name,
        "site_name": words["site.name"],
        "site_description": words["site.description"],
        "site_url": Env(f"SITE_URL_{suffix}", url + language.prefix),
        "docs_dir": Env(f"DOCS_DIR_{suffix}", UP + (DOCS_OUT / language.code).as_posix()),
        "site_dir": UP + "site/" + language.prefix,
        "theme": {"language": language.theme_language, "palette": _palette(words)},
        "extra": extra,
        "plugins": [{"search": search}],
        "markdown_extensions": {
            "toc": {"permalink_title": words["site.heading_link"]},
            "footnotes": {"BACKLINK_TITLE": words["site.footnote_backlink"]},
        },
    }


def config_text(language: Language, words: dict[str, str]) -> str:
    header = (
        "# Written by scripts/explainer/mkdocs_config.py from the registry and the strings table; edits are lost.\n"
    )
    return header + yaml.dump(
        language_config(language, words), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000
    )


def write_configs(words: dict[str, dict[str, str]]) -> None:
    """Write every language's config, each only where it changed (a running preview watches its own)."""
    CONFIG_DIR.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        path = config_path(language.code)
        text = config_text(language, words[language.code])
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        temporary = path.with_name(f".{path.name}.{id(text)}.tmp")  # never half a config, even with two writers
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
