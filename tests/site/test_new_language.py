"""Adding a written language takes its registry entry, its translation of the article, its texts and its column of
strings, and nothing else: a synthetic French, added step by step in a copy of the project as a maintainer would.

After each step `check` says what is still missing, each at a file, line and column, with no traceback; with the
texts in place, the copy builds strictly with every link resolving, the new language has every page the others
have, and its pages, the switcher and the sitemaps name it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from explainer.registry import LANGUAGES
from explainer.workcopy import copy_project

FIXTURE_FACTS = Path("tests/fixtures/minimal")
ENTRY = """FR = Language(
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
LOCATED = re.compile(r"^\S+:\d+:\d+: error: ", re.M)


def _run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(project / "scripts")}
    return subprocess.run(
        [sys.executable, "-m", "explainer", *args], cwd=project, env=env, capture_output=True, text=True, timeout=600
    )


def _check(project: Path) -> subprocess.CompletedProcess[str]:
    return _run(project, "check", "--facts", "facts")


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


def _problems(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert lines and all(LOCATED.match(line) for line in lines), result.stderr
    return lines


@pytest.mark.journey
def test_a_third_written_language_takes_its_entry_texts_translation_and_strings(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "facts").mkdir()
    for path in FIXTURE_FACTS.rglob("*.yaml"):
        target = project / "facts" / path.relative_to(FIXTURE_FACTS)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    assert _check(project).returncode == 0

    # 1. The registry entry. `check` now names every file that lacks French, where.
    registry = project / "scripts" / "explainer" / "registry.py"
    text = registry.read_text(encoding="utf-8")
    text = text.replace(
        "LANGUAGES: tuple[Language, ...] = (ZH, ZH_HANT, EN)", ENTRY + "LANGUAGES = (ZH, ZH_HANT, EN, FR)"
    )
    registry.write_text(text, encoding="utf-8")
    missing = _problems(_check(project))
    assert any("translation.fr.yaml" in line for line in missing), missing

    # 2. The translation of the article (the English one, with its entries renamed).
    article = project / "seeds" / "article"
    english = (article / "translation.en.yaml").read_text(encoding="utf-8")
    (article / "translation.fr.yaml").write_text(re.sub(r"(?m)^(\s+)en:", r"\1fr:", english), encoding="utf-8")
    missing = _problems(_check(project))
    assert any("meta.yaml" in line and "French" in line for line in missing), missing

    # 3. The article's metadata in French.
    _rewrite_yaml(article / "meta.yaml")
    missing = _problems(_check(project))
    assert any("facts/companies/acme.yaml" in line and "missing the French text ('fr:')" in line for line in missing)
    assert any("strings.yaml" in line and "fr" in line for line in missing), missing

    # 4. The facts' texts and the strings table's column.
    for path in (project / "facts").rglob("*.yaml"):
        _rewrite_yaml(path)
    _rewrite_yaml(project / "scripts" / "explainer" / "templates" / "strings.yaml")
    result = _check(project)
    assert result.returncode == 0, result.stderr

    # 5. It builds strictly, every link resolving, with a French site of every page the others have.
    built = _run(project, "build", "--facts", "facts", "--site", "site")
    assert built.returncode == 0, built.stderr + built.stdout
    site = project / "site"
    english_pages = {p.relative_to(site / "en") for p in (site / "en").rglob("*.html")}
    french_pages = {p.relative_to(site / "fr") for p in (site / "fr").rglob("*.html")}
    assert french_pages == english_pages
    company = (site / "fr" / "companies" / "acme" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in company and 'content="fr_FR"' in company
    for other in (language.prefix for language in LANGUAGES):
        assert f'href="../../../{other}companies/acme/"' in company  # the switcher, to the same page
    assert 'hreflang="fr"' in (site / "sitemap.xml").read_text(encoding="utf-8")
