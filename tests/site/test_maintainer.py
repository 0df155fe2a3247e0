"""A maintainer extends the site in one copy of the project, as the registry's docstring says to, and `make check`
guides each step: every message is `path:line:col: error: …`, never a traceback. Then the copy builds strictly in
every language, its links check, the new pages are woven in, and the browser crawl (tests/browser/test_crawl.py)
opens a page of each kind of the new language.

The copy is the project as a contributor's clone holds it (workcopy.py), on the minimal fact base
(tests/fixtures/minimal). A new type, `investors`, takes one registry line, its schema and the words `make check`
asks for in the strings table; its one fact backs a company of the minimal fact base. A third written language, a
synthetic French, takes its registry entry, its translation of the article, its texts and its column of strings,
and nothing else (its texts are the English ones, copied: the test is about the plumbing). Both go into one copy,
built once.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from crawl import crawl_language
from playwright.sync_api import Browser
from site_pages import writes_in_han

from explainer import registry
from explainer.chromium import serve_folder
from explainer.registry import LANGUAGES, PAGE_TYPES, WRITTEN
from explainer.workcopy import copy_project

ROOT = Path(__file__).resolve().parents[2]
CLEAR = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): error: .+$")

REGISTRY_LINE = '    EntityType("investors", True, "Organization"),\n'
BEFORE = '    EntityType("events", False),\n'  # the registry line goes above it, among the types
INVESTOR_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "investors.json",
    "title": "Investor",
    "type": "object",
    "properties": {
        "name": {"$ref": "defs.json#/$defs/text"},
        "summary": {"$ref": "defs.json#/$defs/text"},
        "backs": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "company": {"$ref": "defs.json#/$defs/id", "x-ref": ["companies"]},
                    "source": {"$ref": "defs.json#/$defs/source"},
                },
                "required": ["company", "source"],
                "additionalProperties": False,
            },
        },
        "sources": {"$ref": "defs.json#/$defs/sources"},
    },
    "required": ["name", "summary", "sources"],
    "additionalProperties": False,
}
INVESTOR = """name: {zh: 红杉测试, en: Sequoia Test}
summary: {zh: 一家虚构的投资机构。, en: A made-up investor.}
backs:
  - {company: acme, source: example-news}
sources: [example-news]
"""
FRENCH_ENTRY = """FR = Language(
    code="fr",
    tag="fr",
    name="Français",
    english_name="French",
    prefix="fr/",
    theme_language="fr",
    search_language="fr",
    locale="fr_FR",
    is_source=False,
    translation_file="translation.fr.yaml",
    list_separator=", ",
    sentence_separator=" ",
    number_words=((10**12, "billions"), (10**9, "milliards"), (10**6, "millions")),
    number_space=" ",
    date_formats=("{y}", "{m}/{y}", "{d}/{m}/{y}"),
    month_names=(),
    excerpt_chars=70,
    search_dictionary=False,
)
"""
# The same language as this process's tests see it, to read and crawl the copy's French pages.
FRENCH = dataclasses.replace(
    registry.language("en"), code="fr", tag="fr", name="Français", prefix="fr/", theme_language="fr", locale="fr_FR"
)
# What `make check` asks the strings table for: "(add to PATH: KEY: {zh: …, en: …})".
ASKED = re.compile(r"\(add to (?P<path>\S+): (?P<key>[\w.-]+): \{")


class Copy:
    """A copy of the project, with its own scripts, schemas and strings, and the minimal fact base as `facts`."""

    def __init__(self, folder: Path):
        self.project = copy_project(folder / "project")
        shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", self.project / "facts")

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """The copy's own explainer, as `make` runs it there: `python -m explainer ARGS --facts facts`."""
        env = {**os.environ, "PYTHONPATH": str(self.project / "scripts")}
        command = [sys.executable, "-m", "explainer", *args, "--facts", "facts"]
        return subprocess.run(command, cwd=self.project, env=env, capture_output=True, text=True, timeout=600)

    def check_guides(self) -> list[str]:
        """`make check`, which must refuse with clear messages only; returns them."""
        run = self.run("check")
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
        *errors, summary = run.stderr.splitlines()
        assert summary.endswith("problem(s); nothing was written."), run.stderr
        unclear = [e for e in errors if not CLEAR.match(e)]
        assert errors and unclear == [], run.stderr
        for error in errors:  # each names a line and column inside a file of the copy (1:1 for a folder, or a file
            where = CLEAR.match(error)  # still to be written)
            assert where
            named, line, col = self.project / where["path"], int(where["line"]), int(where["col"])
            if not named.is_file():
                assert (line, col) == (1, 1), error
                continue
            lines = named.read_text(encoding="utf-8").splitlines()
            assert 1 <= line <= len(lines) and 1 <= col <= len(lines[line - 1]) + 1, error
        return errors

    def check_passes(self) -> None:
        run = self.run("check")
        assert run.returncode == 0 and run.stdout.startswith("facts: ok ("), run.stdout + run.stderr

    def edit(self, path: str, change: str | None = None, old: str = "", new: str = "") -> None:
        file = self.project / path
        if change is not None:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(change, encoding="utf-8")
        else:
            text = file.read_text(encoding="utf-8")
            assert old in text, (path, old)
            file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _links(page: Path) -> set[str]:
    return set(re.findall(r'href="([^"#]*)', page.read_text(encoding="utf-8")))


def _add_the_words_asked_for(copy: Copy, errors: list[str]) -> list[str]:
    """Add to the strings table each key `make check` asked for, with a text in every written language."""
    asked = [match for error in errors if (match := ASKED.search(error))]
    assert len(asked) == len(errors), errors
    table = copy.project / asked[0]["path"]
    keys = sorted({match["key"] for match in asked})
    words = {code: "投资机构" if writes_in_han(registry.language(code)) else "Investors" for code in WRITTEN}
    lines = [f"{key}: {{{', '.join(f'{code}: {words[code]}' for code in WRITTEN)}}}" for key in keys]
    table.write_text(table.read_text(encoding="utf-8") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return keys


def _with_french(value: Any) -> Any:
    """A fact's data with a French text beside each English one (copied: the test is about the plumbing)."""
    if isinstance(value, list):
        return [_with_french(item) for item in value]
    if not isinstance(value, dict):
        return value
    copied = {key: _with_french(item) for key, item in value.items()}
    if "zh" in value and "en" in value:
        copied["fr"] = value["en"]
    return copied


def _rewrite_yaml(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump(_with_french(data), allow_unicode=True, sort_keys=False), encoding="utf-8")


def _add_french(copy: Copy) -> None:
    """A third written language, step by step: after each, `make check` names what is still missing, where."""
    # The registry entry: every file that lacks French is named.
    entry = "LANGUAGES: tuple[Language, ...] = (ZH, ZH_HANT, EN)"
    copy.edit("scripts/explainer/registry.py", old=entry, new=FRENCH_ENTRY + "LANGUAGES = (ZH, ZH_HANT, EN, FR)")
    missing = copy.check_guides()
    assert any("translation.fr.yaml" in line for line in missing), missing

    # The translation of the article (the English one, with its entries renamed).
    article = copy.project / "seeds" / "article"
    english = (article / "translation.en.yaml").read_text(encoding="utf-8")
    (article / "translation.fr.yaml").write_text(re.sub(r"(?m)^(\s+)en:", r"\1fr:", english), encoding="utf-8")
    missing = copy.check_guides()
    assert any("meta.yaml" in line and "French" in line for line in missing), missing

    # The article's metadata in French.
    _rewrite_yaml(article / "meta.yaml")
    missing = copy.check_guides()
    assert any("facts/companies/acme.yaml" in line and "missing the French text ('fr:')" in line for line in missing)
    assert any("facts/investors/sequoia-test.yaml" in line for line in missing), missing  # the new type's fact too
    assert any("strings.yaml" in line and "fr" in line for line in missing), missing

    # The facts' texts and the strings table's column: the check passes.
    for path in (copy.project / "facts").rglob("*.yaml"):
        _rewrite_yaml(path)
    _rewrite_yaml(copy.project / "scripts" / "explainer" / "templates" / "strings.yaml")
    copy.check_passes()


@pytest.mark.browser
def test_a_maintainer_adds_a_page_type_and_a_language_guided_by_make_check_and_the_copy_builds(
    tmp_path: Path, browser: Browser
) -> None:
    copy = Copy(tmp_path)
    copy.check_passes()

    # 1. The fact first: a folder no type claims is named.
    copy.edit("facts/investors/sequoia-test.yaml", INVESTOR)
    errors = copy.check_guides()
    assert all(e.startswith("facts/investors") for e in errors), errors

    # 2. The registry line and the schema: the words the pages need are asked for, at the schema's lines.
    copy.edit("scripts/explainer/registry.py", old=BEFORE, new=REGISTRY_LINE + BEFORE)
    copy.edit("schemas/investors.json", json.dumps(INVESTOR_SCHEMA, indent=2) + "\n")
    errors = copy.check_guides()
    assert all(e.startswith("schemas/investors.json:") for e in errors), errors

    # 3. The words, as asked: the check passes.
    keys = _add_the_words_asked_for(copy, errors)
    assert {"type.investors", "type.investors.one", "rel.backs.company.in", "rel.backs.company.out"} <= set(keys)
    copy.check_passes()

    # 4. A third written language (_add_french).
    _add_french(copy)

    # 5. `make site`: every language built strictly, the links checked, the old site replaced.
    run = copy.run("build", "--site", "site")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stdout + run.stderr
    site = copy.project / "site"
    for language in (*LANGUAGES, FRENCH):
        root = copy.project / "site" / language.prefix
        investor = root / "investors" / "sequoia-test" / "index.html"
        index = root / "investors" / "index.html"
        assert investor.is_file() and index.is_file(), language.code
        assert "sequoia-test/" in _links(index) or "../sequoia-test/" in _links(index)
        assert any(link.rstrip("/").endswith("investors") for link in _links(root / "index.html"))  # the nav
        assert "../../companies/acme/" in _links(investor)  # the investor links to the company it backs
        assert "../../investors/sequoia-test/" in _links(root / "companies" / "acme" / "index.html")  # and back
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "investors/sequoia-test/" in sitemap and 'hreflang="fr"' in sitemap

    # The French site has every page the English one has, and says it is French to readers and machines.
    english = registry.language("en")
    english_pages = {p.relative_to(site / english.prefix) for p in (site / english.prefix).rglob("*.html")}
    french_pages = {p.relative_to(site / FRENCH.prefix) for p in (site / FRENCH.prefix).rglob("*.html")}
    assert french_pages == english_pages
    company = (site / FRENCH.prefix / "companies" / "acme" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in company and 'content="fr_FR"' in company
    for other in (*LANGUAGES, FRENCH):
        assert f'href="../../../{other.prefix}companies/acme/"' in company  # the switcher, to the same page

    # 6. The browser opens a page of each kind of the new language, the new type's among them.
    with serve_folder(site) as base:
        found = crawl_language(browser, site, base + "/", FRENCH, (*LANGUAGES, FRENCH), (*PAGE_TYPES, "investors"))
    assert f"{base}/fr/investors/sequoia-test/" in found.pages and len(found.pages) >= 15
    assert found.outside == [] and found.errors == []
    assert found.axe == {} and found.foreign == {}


def test_a_type_in_the_registry_without_its_schema_is_named_not_a_traceback(tmp_path: Path) -> None:
    copy = Copy(tmp_path)
    copy.edit("scripts/explainer/registry.py", old=BEFORE, new=REGISTRY_LINE + BEFORE)
    errors = copy.check_guides()
    assert any("investors.json" in e for e in errors), errors
