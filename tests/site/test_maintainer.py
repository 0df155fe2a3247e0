"""A maintainer extends the site in a copy of the project, as the registry's docstring says to, and `make check`
guides each step: every message is `path:line:col: error: …`, never a traceback. Then the copy builds strictly in
every language, its links check, and the new pages are woven in.

The copy is the project as a contributor's clone holds it (workcopy.py), on the minimal fact base
(tests/fixtures/minimal). A new type, `investors`, takes one registry line, its schema and the words `make check`
asks for in the strings table; its one fact backs a company of the minimal fact base.

A third written language is added step by step in tests/site/test_new_language.py, in a copy of its own. Issue 24
asks for one copy holding both (one build instead of two): its steps belong here, between step 3 and the build.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from explainer.registry import LANGUAGES, WRITTEN
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
        for error in errors:  # each names a line and column inside a file of the copy (1:1 for a folder, or a
            # file still to be written)
            where = CLEAR.match(error)
            assert where
            named, line, col = self.project / where["path"], int(where["line"]), int(where["col"])
            if named.is_dir() or not named.exists():
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
    lines = [f"{key}: {{{', '.join(f'{code}: 投资 {key}' for code in WRITTEN)}}}" for key in keys]
    table.write_text(table.read_text(encoding="utf-8") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return keys


def test_a_maintainer_adds_a_page_type_guided_by_make_check_and_the_copy_builds(tmp_path: Path) -> None:
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

    # 4. `make site`: every language built strictly, the links checked, the old site replaced.
    run = copy.run("build", "--site", "site")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stdout + run.stderr
    for language in LANGUAGES:
        root = copy.project / "site" / language.prefix
        investor = root / "investors" / "sequoia-test" / "index.html"
        index = root / "investors" / "index.html"
        assert investor.is_file() and index.is_file(), language.code
        assert "sequoia-test/" in _links(index) or "../sequoia-test/" in _links(index)
        assert any(link.rstrip("/").endswith("investors") for link in _links(root / "index.html"))  # the nav
        assert "../../companies/acme/" in _links(investor)  # the investor links to the company it backs
        assert "../../investors/sequoia-test/" in _links(root / "companies" / "acme" / "index.html")  # and back
    sitemap = (copy.project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "investors/sequoia-test/" in sitemap


def test_a_type_in_the_registry_without_its_schema_is_named_not_a_traceback(tmp_path: Path) -> None:
    copy = Copy(tmp_path)
    copy.edit("scripts/explainer/registry.py", old=BEFORE, new=REGISTRY_LINE + BEFORE)
    errors = copy.check_guides()
    assert any("investors.json" in e for e in errors), errors
