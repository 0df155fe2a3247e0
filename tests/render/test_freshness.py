"""How current each page is, on a temporary repository whose commits are scripted (tests/history_repo.py).

Each page's date is the newest commit among the files it shows, in UTC; the ignored revision and the pull request's
own branch commit count for nothing; /changes/ lists the first-parent changes with the pull request's title, cut at
120 characters, linking pages and commits; the feed reads in feedparser as RFC 4287 asks; two generations in time
zones whose days differ are byte for byte the same.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from history_repo import LONG_SUBJECT, PR_TITLE, Scripted, scripted_repository

from explainer.inputs import load_inputs
from explainer.problems import InputError
from explainer.registry import CODES, language
from explainer.render import paths
from explainer.render.freshness import SUMMARY_CHARS
from explainer.render.site import render_site
from explainer.render.text import date_label
from explainer.strings import strings

EDIT_BASE = "https://example.org/owner/repo/edit/main/"
ADDRESSES = {code: f"https://site.example/{language(code).prefix}" for code in CODES}
DATE_LINE = re.compile(
    r'\n\n(?P<line>.*<time datetime="(?P<instant>[^"]+)">(?P<label>[^<]+)</time>.*)\n\{: \.page-updated data-search-exclude="updated" \}\n$'
)


@pytest.fixture(scope="module")
def scripted(tmp_path_factory: pytest.TempPathFactory) -> Scripted:
    return scripted_repository(tmp_path_factory.mktemp("history"))


@pytest.fixture(scope="module")
def pages(scripted: Scripted) -> dict[str, dict[str, str]]:
    inputs = load_inputs(scripted.facts, scripted.seeds / "article")
    return render_site(inputs, EDIT_BASE, addresses=ADDRESSES)


def _instant(page: str) -> str | None:
    found = DATE_LINE.search(page)
    return found["instant"] if found else None


# The minimal fact base has no verdict point, standing, judgement or benchmark: these pages show no file, and
# nothing dates them.
EMPTY = {paths.VERDICT, paths.VERDICT_COMPANIES, paths.VERDICT_VOICES, paths.BENCHMARKS}


def test_every_page_but_the_changes_page_ends_with_its_date_in_every_language(pages: dict[str, dict[str, str]]) -> None:
    for lang in CODES:
        markdown = {path: text for path, text in pages[lang].items() if path.endswith(".md")}
        assert len(markdown) > 15
        undated = {path for path, text in markdown.items() if not _instant(text)}
        assert undated == EMPTY | {paths.CHANGES}, lang
        assert "<time" not in markdown[paths.CHANGES]


def test_a_page_is_dated_by_the_newest_counted_commit_among_the_files_it_shows(
    scripted: Scripted, pages: dict[str, dict[str, str]]
) -> None:
    for lang in CODES:
        dated = {path: _instant(text) for path, text in pages[lang].items() if path.endswith(".md")}
        # The term's own file was changed last by the ignored reformatting: it keeps its first date.
        assert dated["glossary/llm.md"] == scripted.first[1]
        # The model's file changed on the pull request's branch: dated by the merge, the first-parent change.
        assert dated["models/acme-lm.md"] == scripted.merge[1]
        # Jane Doe's file changed last; the company's page shows her (her quote about it) and takes her date.
        assert dated["people/jane-doe.md"] == scripted.jane[1]
        assert dated["companies/acme.md"] == scripted.jane[1]
        newest = max(d for d in dated.values() if d)
        assert newest == scripted.jane[1]
        assert scripted.ignored[1] not in dated.values() and scripted.branch[1] not in dated.values()


def test_the_date_is_the_day_in_utc_in_the_readers_language(pages: dict[str, dict[str, str]]) -> None:
    assert date_label("2024-03-03", "zh") == "2024年3月3日" and date_label("2024-03-03", "en") == "3 March 2024"
    for lang in CODES:
        found = DATE_LINE.search(pages[lang]["companies/acme.md"])
        assert found, lang
        # 23:45 UTC on 3 March: already 4 March in Beijing, still 3 March in UTC.
        assert found["label"] == date_label("2024-03-03", lang)
        label = strings()[lang]["page.updated"].split("{date}")[0]
        assert found["line"].startswith(label) and label.strip()
        assert "](../changes.md)" in found["line"]


def _changes_items(page: str) -> list[str]:
    return [line for line in page.splitlines() if line.startswith("- ")]


def test_the_changes_page_lists_first_parent_changes_newest_first_by_day(
    scripted: Scripted, pages: dict[str, dict[str, str]]
) -> None:
    for lang in CODES:
        page = pages[lang][paths.CHANGES]
        days = re.findall(r"^## .* \{ #day-(\d{4}-\d\d-\d\d) \}$", page, re.MULTILINE)
        assert days == ["2024-03-03", "2024-02-06", "2024-02-01", "2024-01-10"]  # in UTC: 23:30 stays on 1 February
        items = _changes_items(page)
        counted = [scripted.jane, scripted.merge, scripted.acme, scripted.first]
        assert len(items) == len(counted)
        for item, (sha, _) in zip(items, counted, strict=True):
            assert f"](https://example.org/owner/repo/commit/{sha})" in item
        assert PR_TITLE in items[1] and "Merge pull request" not in page
        assert scripted.ignored[0] not in page and scripted.branch[0] not in page and "Reword the model" not in page
        assert "models/acme-lm.md)" in items[1]  # the pages it changed, linked
        assert "people/jane-doe.md)" in items[0]


def test_a_long_summary_is_cut_at_120_characters(pages: dict[str, dict[str, str]]) -> None:
    assert len(LONG_SUBJECT) > SUMMARY_CHARS
    item = _changes_items(pages["en"][paths.CHANGES])[2]
    shown = item.removeprefix("- ").split(" ([", 1)[0].replace("\\", "")
    assert shown.endswith("…") and len(shown) <= SUMMARY_CHARS
    assert LONG_SUBJECT.startswith(shown.removesuffix("…"))


def test_the_feed_is_atom_that_a_feed_reader_takes(scripted: Scripted, pages: dict[str, dict[str, str]]) -> None:
    for lang in CODES:
        parsed = feedparser.parse(pages[lang][paths.FEED].encode("utf-8"))
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == "atom10"
        feed = parsed.feed
        assert feed.id and feed.title and feed.updated  # what RFC 4287 requires of a feed
        assert feed.updated == scripted.jane[1]  # its newest change
        assert feed.language == language(lang).tag
        entries = parsed.entries
        assert [e.updated for e in entries] == [
            scripted.jane[1],
            scripted.merge[1],
            scripted.acme[1],
            scripted.first[1],
        ]
        assert entries[1].title == PR_TITLE
        for entry in entries:
            assert entry.id and entry.title and entry.updated
            alternate = next(link.href for link in entry.links if link.rel == "alternate")
            assert alternate.startswith(ADDRESSES[lang]) and alternate != ADDRESSES[lang] + "changes/"
            commit = next(link.href for link in entry.links if link.rel == "related")
            assert commit.startswith("https://example.org/owner/repo/commit/")
        assert ADDRESSES[lang] + "models/acme-lm/" in entries[1].content[0].value
        assert len({e.id for e in entries}) == len(entries)


def test_generating_in_time_zones_whose_days_differ_gives_the_same_bytes(tmp_path: Path) -> None:
    """`explainer generate` of the same commit in a copy of the project, under two time zones 15 hours apart."""
    project = scripted_repository(tmp_path / "project", whole_project=True).root
    outputs = {}
    for zone in ("America/Los_Angeles", "Asia/Shanghai"):
        out = tmp_path / zone.replace("/", "-")
        env = {**os.environ, "TZ": zone, "PYTHONPATH": str(project / "scripts")}
        command = [sys.executable, "-m", "explainer", "generate", "--out", str(out)]
        run = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
        outputs[zone] = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    first, second = outputs.values()
    assert first.keys() == second.keys()
    assert [p for p in first if first[p] != second[p]] == []
    acme = first["en/companies/acme.md"].decode()
    assert '<time datetime="2024-03-03T23:45:00Z">3 March 2024</time>' in acme  # the day in UTC, in neither zone's


def test_a_line_of_the_ignored_revisions_that_is_no_full_hash_is_named_at_its_line(tmp_path: Path) -> None:
    scripted = scripted_repository(tmp_path / "repo")
    ignored = scripted.root / ".git-blame-ignore-revs"
    ignored.write_text(f"# formatting only\n{scripted.ignored[0]}\n  {scripted.ignored[0][:7]}  # short\n", "utf-8")
    with pytest.raises(InputError) as raised:
        load_inputs(scripted.facts, scripted.seeds / "article")
    assert [str(p) for p in raised.value.problems] == [
        f"{ignored}:3:3: error: not a full commit hash: '{scripted.ignored[0][:7]}' (40 hex digits)"
    ]
