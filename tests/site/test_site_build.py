"""The built site: both languages, the article page, search per language, no outside requests, links."""

from __future__ import annotations

import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rendered import real_inputs
from site_pages import html_pages, writes_in_han

from explainer import build, registry
from explainer.__main__ import main
from explainer.article.convert import load_article
from explainer.build import build_site
from explainer.linkcheck import SiteChecker
from explainer.mkdocs_config import config_path
from explainer.problems import InputError
from explainer.registry import LANGUAGES, REPOSITORY, Language
from explainer.render.freshness import undated_note

SOURCE = Path("seeds/article/000_d9ddb1bf6354f5a4.txt")
SOURCE_LANGUAGE = registry.SOURCE
IN_HAN = [language for language in LANGUAGES if writes_in_han(language)]


class _Text(HTMLParser):
    """The visible text of a page's article body."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "sup"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "sup"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join("".join(parser.parts).split())


PER_LANGUAGE = pytest.mark.parametrize("language", LANGUAGES, ids=[language.code for language in LANGUAGES])


def test_every_sentence_of_the_source_reaches_the_chinese_article_page(built_site: Path) -> None:
    text = page_text(built_site / SOURCE_LANGUAGE.prefix / "article" / "index.html")
    article = load_article(SOURCE)
    sentences = [s for p in article.paragraphs for s in re.split(r"(?<=[。!?!?])", p.text) if s.strip()]
    missing = [s for s in sentences if "".join(s.split()) not in text]
    assert not missing
    assert "".join(article.title.split()) in text
    assert "一起了解更多" not in text


@PER_LANGUAGE
def test_article_paragraph_ids_are_the_same_in_every_language(built_site: Path, language: Language) -> None:
    page = built_site / language.prefix / "article" / "index.html"
    html = page.read_text(encoding="utf-8")
    ids = re.findall(r'<p[^>]* id="(p\d+)"', html)
    assert ids == [f"p{n}" for n in range(1, 33)]


def test_english_article_says_it_is_a_translation_and_credits_the_source(built_site: Path) -> None:
    text = (built_site / registry.language("en").prefix / "article" / "index.html").read_text(encoding="utf-8")
    assert "English translation, written by the explainer team" in text
    assert "Zheng Zhihui" in text and "New Express" in text
    zh = (built_site / SOURCE_LANGUAGE.prefix / "article" / "index.html").read_text(encoding="utf-8")
    assert "新快报" in zh and "郑志辉" in zh


@PER_LANGUAGE
def test_every_page_declares_its_language(built_site: Path, language: Language) -> None:
    pages = html_pages(built_site, language)
    assert len(pages) > 20
    declared = f'<html lang="{language.theme_language}"'  # Material's: zh-Hant, and zh for Simplified
    wrong = [str(p) for p in pages if declared not in p.read_text(encoding="utf-8")]
    assert not wrong


class _Ids(HTMLParser):
    """Every id attribute of a page, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value is not None]


@PER_LANGUAGE
def test_no_page_gives_two_elements_one_id(built_site: Path, language: Language) -> None:
    """A link to a repeated anchor lands on the first element only, and the page is invalid HTML."""
    repeated: dict[str, list[str]] = {}
    for page in html_pages(built_site, language):
        parser = _Ids()
        parser.feed(page.read_text(encoding="utf-8"))
        twice = sorted({i for i in parser.ids if parser.ids.count(i) > 1})
        if twice:
            repeated[str(page.relative_to(built_site))] = twice
    assert not repeated


@pytest.mark.parametrize("language", IN_HAN, ids=[language.code for language in IN_HAN])
def test_chinese_pages_carry_no_english_tooltips_or_labels(built_site: Path, language: Language) -> None:
    """Every title and aria-label of a Chinese page is Chinese (the footnotes' and headings' links included), or the
    Chinese name of an entity that has none other, such as OpenAI."""
    names = {e.name(language.code) for e in real_inputs().factbases[language.code].entities.values()}
    english: dict[str, list[str]] = {}
    for page in html_pages(built_site, language):
        words = re.findall(r'(?:title|aria-label)="([^"]*)"', page.read_text(encoding="utf-8"))
        foreign = sorted({w for w in words if not re.search(r"[\u4e00-\u9fff]", w) and w not in names})
        if foreign:
            english[str(page.relative_to(built_site))] = foreign
    assert not english


@PER_LANGUAGE
def test_each_language_has_its_own_search_index(built_site: Path, language: Language) -> None:
    index = json.loads((built_site / language.prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [language.search_language]
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    prefixes = tuple(other.prefix for other in LANGUAGES if other.prefix)
    assert not any(loc.startswith(prefixes) for loc in locations)
    assert "article/" in locations and "timeline/" in locations


SEGMENTED = [language for language in LANGUAGES if language.search_dictionary]


@pytest.mark.parametrize("language", SEGMENTED, ids=[language.code for language in SEGMENTED])
def test_chinese_search_index_is_segmented_with_the_fact_base_names(built_site: Path, language: Language) -> None:
    index = json.loads((built_site / language.prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "\\u200b" in index["config"]["separator"]  # the regex escape, as Material writes it
    article = next(d for d in index["docs"] if d["location"] == "article/")
    # jieba, with the generated user dictionary, keeps these names whole between segment marks.
    facts = real_inputs().factbases[language.code]
    for entity in ("tongyi-qianwen", "wang-xiaochuan", "kunlun-tech"):
        name = facts.get(entity).name(language.code)
        assert f"\u200b{name}\u200b" in article["text"], name


def test_language_switcher_keeps_the_page(built_site: Path) -> None:
    for language in LANGUAGES:
        html = (built_site / language.prefix / "timeline" / "index.html").read_text(encoding="utf-8")
        up = "../" * (1 + language.prefix.count("/"))  # relative: the site works under any base path
        for other in LANGUAGES:
            assert f'href="{up}{other.prefix}timeline/" hreflang="{other.tag}"' in html, (language.code, other.code)


def test_no_page_head_declares_relative_hreflang_links(built_site: Path) -> None:
    """hreflang alternates are absolute and live in the sitemaps; a relative one in a head is invalid."""
    heads = [p.read_text(encoding="utf-8").split("</head>")[0] for p in built_site.rglob("index.html")]
    assert len(heads) > 100
    assert not [h for h in heads if re.search(r"<link[^>]*hreflang", h)]


def test_sitemaps_exist_in_every_language_with_hreflang_alternates(built_site: Path, site_url: str) -> None:
    for language in LANGUAGES:
        sitemap = (built_site / language.prefix / "sitemap.xml").read_text(encoding="utf-8")
        for other in LANGUAGES:
            assert f'hreflang="{other.tag}" href="{site_url}{other.prefix}timeline/"' in sitemap


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    loaders = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)="(?:https?:)?//([^"/]+)', re.I)
    offenders = {}
    for page in built_site.rglob("*.html"):
        hosts = {h for h in loaders.findall(page.read_text(encoding="utf-8")) if not h.startswith("127.0.0.1")}
        if hosts:
            offenders[str(page)] = hosts
    assert not offenders
    assert not list(built_site.rglob("*.css")) or not any(
        "fonts.googleapis" in css.read_text(encoding="utf-8", errors="replace") for css in built_site.rglob("*.css")
    )


def _linked_copy(site: Path, target: Path) -> Path:
    """A copy of a built site made of hard links to its files: made at once, and taking no room. A test changes a
    file of it with _plant, which writes a new file in its place, never into the one the built site shares."""
    shutil.copytree(site, target, copy_function=os.link)
    return target


def _plant(page: Path, html: str) -> None:
    """Add `html` at the end of a page's article, in a file of its own (see _linked_copy)."""
    text = page.read_text(encoding="utf-8")
    page.unlink()
    page.write_text(text.replace("</article>", html + "</article>", 1), encoding="utf-8")


def test_the_link_check_passes_every_link_of_the_site_and_names_each_planted_broken_one(
    built_site: Path, tmp_path: Path, site_url: str
) -> None:
    """One run over a copy of the built site with three broken links planted: they, and nothing else, are named.

    The site's own links and anchors all resolve (there are thousands); a link to a missing page and one to a
    missing anchor are named with their page; so is a link to the site's own address (canonical links and sitemaps
    use it), which is checked, not collected as an external link."""
    copy = _linked_copy(built_site, tmp_path / "site")
    other = next(language for language in LANGUAGES if language != registry.ROOT)
    own = site_url.rstrip("/")
    _plant(
        copy / other.prefix / "timeline" / "index.html", '<a href="../nowhere/">x</a><a href="../article/#p99">y</a>'
    )
    _plant(copy / registry.ROOT.prefix / "article" / "index.html", f'<a href="{own}/{other.prefix}nowhere/">x</a>')

    report = SiteChecker(copy).run()  # the address the site was built for, read from its sitemap

    assert sorted(report.broken) == [
        f"{registry.ROOT.prefix}article/index.html: {own}/{other.prefix}nowhere/: no such file",
        f"{other.prefix}timeline/index.html: ../article/#p99: no element with id 'p99'",
        f"{other.prefix}timeline/index.html: ../nowhere/: no such file",
    ]
    assert report.links > 1000 and report.anchors > 100
    assert not any(url.startswith(own) for url in report.external)
    assert (built_site / other.prefix / "timeline" / "index.html").read_text(encoding="utf-8").count("nowhere") == 0


def test_failed_build_leaves_the_previous_site_intact(
    built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The previous site is the session's; the failing build is of the minimal fact base (what fails is a config)."""
    site = _linked_copy(built_site, tmp_path / "site")
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    broken_config = tmp_path / "mkdocs.yml"
    failing = next(language for language in LANGUAGES if language != registry.ROOT).code
    config = config_path(failing).read_text(encoding="utf-8")  # as the generator wrote it for the built site
    config = config.replace("../../", str(REPOSITORY) + "/")
    broken_config.write_text(config.replace("theme:\n", "theme:\n  custom_dir: no-such-folder\n"))
    monkeypatch.setattr(build, "config_path", lambda code: broken_config if code == failing else config_path(code))

    with pytest.raises(InputError) as caught:
        build_site(Path("tests/fixtures/minimal"), site, docs_out=tmp_path / "docs")

    assert "no-such-folder" in str(caught.value) and "does not exist" in str(caught.value)
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not list(tmp_path.glob(".site-*"))


@pytest.mark.parametrize(
    ("separator", "text", "complaint"),
    [
        ("[\\s\\-]+", "\u200b王小川\u200b", "has lost"),
        ("[\\s\\u200b\\-]+", "王小川宣布", "not segmented: is jieba installed?"),
    ],
)
def test_broken_chinese_search_fails_the_build_loudly(
    tmp_path: Path, separator: str, text: str, complaint: str
) -> None:
    index = {"config": {"lang": ["zh"], "separator": separator}, "docs": [{"location": "", "title": "", "text": text}]}
    for language in LANGUAGES:  # the same broken index in every language, segmented or not
        (tmp_path / language.prefix / "search").mkdir(parents=True)
        (tmp_path / language.prefix / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")

    with pytest.raises(InputError) as caught:
        build._check_segmented_search(tmp_path)

    assert complaint in str(caught.value)


@pytest.mark.parametrize(
    ("page", "source"),
    [
        ("companies/sensetime", "edit/main/seeds/facts/companies/sensetime.yaml"),
        (f"{registry.language('en').prefix}article", "edit/main/seeds/article/translation.en.yaml"),
        ("article", "edit/main/seeds/article/meta.yaml"),
        ("timeline", "tree/main/seeds/facts/events"),
        (f"{registry.language('en').prefix}glossary", "tree/main/seeds/facts/glossary"),
    ],
)
def test_edit_button_opens_the_data_a_page_comes_from(built_site: Path, page: str, source: str) -> None:
    html = (built_site / page / "index.html").read_text(encoding="utf-8")
    edit = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon" rel="edit">', html)
    assert edit, page
    assert edit.group(1).endswith(source)


# --- `make site` refuses a broken link, in MkDocs' strict build or in the link check after it ---------------

PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides")


def _project_copy(tmp_path: Path) -> Path:
    """The parts of the repository a build reads from the working directory, copied so a test can plant pages."""
    project = tmp_path / "project"
    project.mkdir()
    for part in PROJECT_PARTS:
        source = Path(part)
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, project / part)
    return project


def test_a_broken_link_and_anchor_in_a_hand_written_page_fail_the_build_and_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project_copy(tmp_path)
    planted = project / "docs" / "zh" / "planted.md"
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_text("# 测试\n\n一段文字。\n\n见 [x](no-such-page.md) 与 [y](#no-such-anchor)。\n", encoding="utf-8")
    monkeypatch.chdir(project)

    code = main(
        ["build", "--facts", str(Path(__file__).resolve().parents[1] / "fixtures" / "minimal"), "--site", "site"]
    )

    errors = capsys.readouterr().err
    assert code == 1
    assert "docs/zh/planted.md:5:7: error: broken link 'no-such-page.md'" in errors, errors
    assert "docs/zh/planted.md:5:30: error: broken link '#no-such-anchor'" in errors, errors
    assert "Traceback" not in errors and not (project / "site").exists()


def test_the_link_check_runs_before_the_new_site_replaces_the_old(tmp_path: Path) -> None:
    """A link MkDocs does not check (raw HTML in a page) still stops the swap."""
    new_site = tmp_path / "new"
    (new_site / "en").mkdir(parents=True)
    (new_site / "index.html").write_text('<p id="top"><a href="en/">en</a> <a href="/nowhere/">x</a></p>')
    (new_site / "en" / "index.html").write_text('<a href="../#top">zh</a> <a href="../#gone">y</a>')

    with pytest.raises(InputError) as caught:
        build._check_links(new_site, None, "site")

    assert [str(p) for p in caught.value.problems] == [
        "site/en/index.html:1:1: error: broken link ../#gone: no element with id 'gone' (the old site was kept)",
        "site/index.html:1:1: error: broken link /nowhere/: no such file (the old site was kept)",
    ]


def test_every_page_but_the_changes_page_says_when_it_last_changed(built_site: Path) -> None:
    """In every language, with a link in its head to the language's feed. Only where this checkout has the history
    and every file under seeds/ is committed: elsewhere no page has a date (tests/site/test_without_history.py)."""
    inputs = real_inputs()
    if not inputs.history.available or undated_note(inputs):
        pytest.skip("this checkout has no history of seeds/, or a file there is not committed: no page is dated")
    updated = re.compile(r'<p class="page-updated"[^>]*>[^<]*<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ">')
    for language in LANGUAGES:
        root = built_site / language.prefix
        others = [built_site / o.prefix for o in LANGUAGES if o.prefix and o is not language]
        pages = [p for p in root.rglob("index.html") if not any(p.is_relative_to(o) for o in others)]
        assert len(pages) > 100
        undated, unfed = [], []
        for page in pages:
            html = page.read_text(encoding="utf-8")
            if (page.parent.name == "changes") == bool(updated.search(html)):
                undated.append(page.relative_to(built_site).as_posix())
            feed = re.search(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)"', html)
            if not feed or (page.parent / feed[1]).resolve() != (root / "feed.xml").resolve():
                unfed.append(page.relative_to(built_site).as_posix())
        assert undated == [] and unfed == [], language.code
        assert (root / "feed.xml").is_file()
