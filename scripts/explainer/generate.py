"""Write the docs folders MkDocs builds from: hand-written pages from docs/ plus generated pages.

The output folder is the generator's own: nothing is written until every input checks out, it
carries a marker so that a folder the generator did not make is never cleaned, and a generated
page can never take the place of a hand-written one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

import yaml

from .inputs import Inputs, load_inputs
from .mkdocs_config import default_site_url, jieba_dictionary_file, write_configs
from .problems import InputError, Problem
from .registry import CODES, LANGUAGES, PAGE_TYPES
from .render.freshness import undated_note
from .render.navigation import NAV_FILE, THEME_WORDS_FILE, navigation, theme_words
from .render.site import render_site
from .repository import edit_base

DOCS_DIR = Path("docs")
MARKER = ".generated-by-explainer"
EDIT_BASE = edit_base()  # pyproject.toml's repository and branch, or REPO_URL and REPO_BRANCH


def site_addresses(site_url: str | None = None, environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """Where each language is published, as its MkDocs build is told (build.py mkdocs_environment, mkdocs_config.py):
    the address given (--site-url, else SITE_URL) under the language's prefix, else SITE_URL_<LANG>, else
    mkdocs.yml's `site_url` under the prefix."""
    base = site_url or environ.get("SITE_URL")
    if base:
        return {language.code: base.rstrip("/") + "/" + language.prefix for language in LANGUAGES}
    return {
        language.code: environ.get(f"SITE_URL_{language.env_suffix}") or default_site_url() + language.prefix
        for language in LANGUAGES
    }


def jieba_dictionary(inputs: Inputs, code: str) -> str:
    """A jieba user dictionary of every name and alias in a language searched with one (Chinese), so search keeps
    them whole words."""
    words: set[str] = set()
    for entity in inputs.factbases[code].entities.values():
        if entity.type in PAGE_TYPES:
            words.update(w for w in entity.names(code) if " " not in w.strip())
    # A high frequency makes jieba prefer the whole name over the pieces it would otherwise cut.
    return "".join(f"{word} 100000\n" for word in sorted(words))


def _hand_written(lang: str) -> dict[str, Path]:
    """Files under docs/<lang>/ and docs/assets/, by their path in the language's docs folder."""
    found: dict[str, Path] = {}
    for root, prefix in ((DOCS_DIR / lang, ""), (DOCS_DIR / "assets", "assets/")):
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    found[prefix + path.relative_to(root).as_posix()] = path
    return found


def _safe_relative(path: str) -> bool:
    pure = PurePosixPath(path)
    return not pure.is_absolute() and ".." not in pure.parts and all(pure.parts)


def _collision_problems(pages: dict[str, dict[str, str]]) -> list[Problem]:
    problems = []
    for lang, generated in pages.items():
        hand = _hand_written(lang)
        for path in generated:
            if path in hand:
                problems.append(
                    Problem(
                        str(hand[path]),
                        1,
                        1,
                        f"a generated page has the same path ({path})",
                        "rename the hand-written file",
                    )
                )
            if not _safe_relative(path):
                problems.append(Problem(path, 1, 1, "a generated path leaves the docs folder"))
    return problems


def _desired_files(inputs: Inputs, pages: dict[str, dict[str, str]]) -> dict[str, bytes]:
    """Every file of the docs tree by its path in it.

    Hand-written copies, generated pages and the jieba dictionary.
    """
    files = {MARKER: b"This folder is written by scripts/explainer/generate.py; edits are lost.\n"}
    for language in LANGUAGES:
        if language.search_dictionary:
            files[jieba_dictionary_file(language.code)] = jieba_dictionary(inputs, language.code).encode("utf-8")
    for lang in pages:
        for rel, source in _hand_written(lang).items():
            files[f"{lang}/{rel}"] = source.read_bytes()
        for rel, text in pages[lang].items():
            files[f"{lang}/{rel}"] = text.encode("utf-8")
        nav = yaml.safe_dump(navigation(inputs.vocabulary.words[lang]), allow_unicode=True, sort_keys=False)
        files[f"{lang}/{NAV_FILE}"] = nav.encode("utf-8")
        words = yaml.safe_dump(theme_words(inputs.vocabulary.words, lang), allow_unicode=True, sort_keys=True)
        files[f"{lang}/{THEME_WORDS_FILE}"] = words.encode("utf-8")
    return files


def _sync(out: Path, files: dict[str, bytes], languages: tuple[str, ...] = CODES) -> None:
    """Make `out` hold exactly `files`, rewriting only what changed, so a live preview reloads just those pages.

    Only a folder the generator made (it carries the marker) is ever cleaned of files it no longer needs, and
    of a language's folder only when that language was generated (the preview generates one).
    """
    others = {code for code in CODES if code not in languages}
    if out.exists() and not out.is_dir():
        raise InputError([Problem(str(out), 1, 1, "this is a file, not a folder; not writing over it")])
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise InputError([Problem(str(out), 1, 1, "this folder was not made by the generator; not writing into it")])
    root = out.resolve()
    if leaving := sorted({str(out / rel) for rel in files if not (out / rel).parent.resolve().is_relative_to(root)}):
        # A symbolic link inside the folder would carry the write out of it.
        raise InputError([Problem(path, 1, 1, "this path leads out of the output folder") for path in leaving])
    for rel, content in sorted(files.items()):
        write_file(out / rel, content)
    for path in sorted(out.rglob("*"), reverse=True):
        rel = path.relative_to(out).as_posix()
        if rel.split("/")[0] in others:
            continue
        if (path.is_file() or path.is_symlink()) and rel not in files:
            path.unlink()  # a link goes, never what it points to
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def write_file(path: Path, content: bytes) -> None:
    """Write a file of the docs folder unless it already holds `content` (MkDocs reloads only what was written),
    in one step: a reader never sees half a file."""
    if path.is_file() and path.read_bytes() == content:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.unlink(missing_ok=True)  # never write through a link left in its place
    temporary.write_bytes(content)
    temporary.replace(path)


def write_docs(inputs: Inputs, pages: dict[str, dict[str, str]], out: Path) -> None:
    """Bring the docs tree at `out` up to date: every language's pages, its navigation, the search dictionary."""
    if problems := _collision_problems(pages):
        raise InputError(problems)
    write_configs(inputs.vocabulary.words)
    _sync(out, _desired_files(inputs, pages), tuple(pages))


def history_notes(inputs: Inputs) -> list[str]:
    """What the build log says about the history: why nothing is dated, or which files are not."""
    undated = undated_note(inputs)
    return inputs.history.notes + ([undated] if undated else [])


def print_notes(inputs: Inputs) -> None:
    for note in history_notes(inputs):
        print(f"note: {note}", file=sys.stderr)


def generate(facts: Path, out: Path, languages: tuple[str, ...] = CODES, notes: bool = True) -> Inputs:
    """Read and validate the inputs, render each language asked for (all by default), write the docs tree: the
    steps before MkDocs. `notes`: say in the log what has no date and why."""
    inputs = load_inputs(facts)
    write_docs(inputs, render_site(inputs, EDIT_BASE, languages, site_addresses()), out)
    if notes:
        print_notes(inputs)
    return inputs
