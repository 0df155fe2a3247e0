"""Where the history is missing the site still builds, without dates, and the log says why.

A shallow clone (whose one commit would date every file), a copy without .git (a tarball), and a fact file not
committed as it is: each gives pages without a date and a note in the build log, never a failure or a wrong date.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from history_repo import edit, git, scripted_repository

from explainer.generate import history_notes
from explainer.inputs import load_inputs
from explainer.registry import LANGUAGES
from explainer.render import paths
from explainer.render.site import render_site

EDIT_BASE = "https://example.org/owner/repo/edit/main/"


def _explainer(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(project / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "explainer", *args]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the minimal fact base, committed step by step."""
    return scripted_repository(tmp_path_factory.mktemp("project"), whole_project=True).root


def _docs(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.md")}


def test_a_shallow_clone_generates_every_page_without_a_date(project: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", project.as_uri(), str(clone))
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    run = _explainer(clone, "generate", "--out", str(tmp_path / "docs"))
    assert run.returncode == 0, run.stderr
    assert "shallow" in run.stderr and "note:" in run.stderr
    docs = _docs(tmp_path / "docs")
    assert len(docs) > 30
    assert [name for name, text in docs.items() if "page-updated" in text] == []
    for language in LANGUAGES:
        feed = feedparser.parse((tmp_path / "docs" / language.code / paths.FEED).read_bytes())
        assert not feed.bozo and feed.feed.updated and feed.entries == []


def test_a_copy_without_git_builds_the_site_without_dates(project: Path, tmp_path: Path) -> None:
    """As from a tarball: the whole build, MkDocs and the link check included, from `git archive` of the project."""
    copy = tmp_path / "copy"
    copy.mkdir()
    archive = subprocess.run(["git", "archive", "HEAD"], cwd=project, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(copy)], input=archive, check=True)
    assert not (copy / ".git").exists()
    run = _explainer(copy, "build", "--site", str(tmp_path / "site"))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "not in a git repository" in run.stderr, run.stderr
    pages = list((tmp_path / "site").rglob("*.html"))
    assert len(pages) > 30
    assert [p for p in pages if 'class="page-updated"' in p.read_text(encoding="utf-8")] == []
    for language in LANGUAGES:
        root = tmp_path / "site" / language.prefix
        assert (root / "changes" / "index.html").is_file() and (root / paths.FEED).is_file()
        head = (root / "companies" / "acme" / "index.html").read_text(encoding="utf-8").split("</head>")[0]
        assert '<link rel="alternate" type="application/atom+xml" href="../../feed.xml"' in head


def test_a_file_not_committed_as_it_is_leaves_its_pages_undated_and_says_so(tmp_path: Path) -> None:
    scripted = scripted_repository(tmp_path / "repo")
    edit(scripted.facts / "glossary" / "llm.yaml", "A term for the tests.", "A term for the tests, edited.")
    inputs = load_inputs(scripted.facts, scripted.seeds / "article")
    pages = render_site(inputs, EDIT_BASE)
    for language in LANGUAGES:
        assert "page-updated" not in pages[language.code]["glossary/llm.md"]
        assert '<time datetime="2024-02-06T08:00:00Z">' in pages[language.code]["models/acme-lm.md"]
    notes = history_notes(inputs)
    assert len(notes) == 1 and "llm.yaml" in notes[0]
