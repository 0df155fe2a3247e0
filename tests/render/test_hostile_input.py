"""Hostile input: markup in fact texts, unsafe URLs, front matter and JSON-LD, output folders, file names, sizes.

Text that looks like HTML, a link, a template tag or a snippet include is refused by the validator
with a clear `path:line:col: error:`; whatever reaches the renderer anyway (the validator lets some
through, and the renderer is called directly here) comes out of Python-Markdown, with the
extensions of mkdocs.yml, as visible literal text: no element, attribute or URL it did not ask for.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import tracemalloc
import xml.etree.ElementTree as ET
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from examples import examples
from history_repo import commit, scripted_repository
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.__main__ import main
from explainer.factbase import yamlfile
from explainer.factbase.load import load_factbase
from explainer.factbase.model import Entity, FactBase
from explainer.factbase.resolve import index
from explainer.factbase.validate import ID_PATTERN
from explainer.generate import EDIT_BASE, MARKER, _safe_relative, generate
from explainer.inputs import load_inputs
from explainer.problems import InputError
from explainer.registry import PAGE_TYPES
from explainer.render.context import PageContext
from explainer.render.site import render_site
from explainer.render.text import attr, json_ld, link_title, md_text, safe_url, yaml_string

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
CLEAR = re.compile(r"^(?P<path>[^\n]+):(?P<line>[1-9][0-9]*):(?P<col>[1-9][0-9]*): error: \S[^\n]*$")

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    '<a href="javascript:alert(1)">',
    "{{ config }}",
    "{% include 'x' %}",
    '--8<-- "/etc/passwd"',
    ": x",
    "  : x",
    "x\n: y",
    "*[HTML]: x",
    "[^1]: x",
    "{: onclick=alert(1) }",
    "text { onclick=alert(1) }",
    "`code` and ``more``",
    "```",
    "a | b | c",
    "| x |",
    "??? note",
    "!!! warning",
    "===",
    "<!-- x",
    "&lt;b&gt; &amp;",
    "<https://evil.example>",
    "\\",
    "# heading",
    "1. x",
    "- x",
    "> x",
    "***",
    "    indented",
]
# What the validator refuses outright (README: "HTML, Markdown links and template syntax are refused").
REFUSED = {
    "<script>alert(1)</script>": "raw HTML is not allowed in text",
    "<img src=x onerror=alert(1)>": "raw HTML is not allowed in text",
    '<a href="javascript:alert(1)">': "raw HTML is not allowed in text",
    "<!-- x": "raw HTML is not allowed in text",
    "<https://evil.example>": "raw HTML is not allowed in text",
    "{{ config }}": "template syntax",
    "{% include 'x' %}": "template syntax",
    '--8<-- "/etc/passwd"': "'--8<--' is not allowed in text",
    "[x](javascript:alert(1))": "Markdown links are not allowed in text",
    "[^1]: x": "Markdown links are not allowed in text",
}


# --- Markdown as MkDocs converts it ---------------------------------------------------------------------------


def _extensions() -> tuple[list[str], dict[str, dict]]:
    """The markdown_extensions of mkdocs.yml, so these tests follow the site's configuration."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    extensions = config["markdown_extensions"]  # a mapping of each extension to its options
    return list(extensions), {name: options for name, options in extensions.items() if options}


EXTENSIONS, EXTENSION_CONFIGS = _extensions()


def to_html(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


class Page(HTMLParser):
    """The elements (with their attribute names), URLs and visible text of an HTML fragment."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple[str, ...]]] = []
        self.urls: list[str] = []
        self.titles: list[str] = []
        self.text_parts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.urls += [value or "" for name, value in attrs if name in ("href", "src", "action", "formaction")]
        self.titles += [value or "" for name, value in attrs if name == "title"]

    def handle_data(self, data: str) -> None:
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.text_parts).split())


def assert_inert(source: str, benign: str, literal: str) -> None:
    """`source` renders to the same elements and attributes as `benign`, and shows `literal` as text."""
    html = to_html(source)
    page, expected = Page(html), Page(to_html(benign))
    assert "<script" not in html.lower()
    assert page.elements == expected.elements, f"{source!r} made other elements:\n{html}"
    assert not [name for _, names in page.elements for name in names if name.startswith("on")]
    assert not [u for u in page.urls if re.match(r"\s*(javascript|vbscript|data):", u, re.IGNORECASE)]
    shown = " ".join(literal.split())
    assert shown in page.text, f"{literal!r} is not shown as it is:\n{html}"


def fill(context: str, text: str) -> str:
    return context.replace("{}", text, 1)


# Where generated Markdown puts a text: a paragraph, after a paragraph line, in a table cell, a heading, a list,
# a quote, a footnote, a link label.
CONTEXTS = [
    "{}",
    "Term\n{}",
    "Some text {} more",
    "| a | b |\n| --- | --- |\n| {} | z |",
    "# {}",
    "## Section {} { #id }",
    "- {}",
    "> {}",
    "Fact[^1]\n\n[^1]: {}",
    "**{}**",
    "[{}](page.md)",
]


@pytest.mark.parametrize("context", CONTEXTS, ids=range(len(CONTEXTS)))
@pytest.mark.parametrize("text", HOSTILE)
def test_md_text_keeps_hostile_text_literal_in_every_context(text: str, context: str) -> None:
    if context == "**{}**" and text != text.strip():
        pytest.skip("md_text keeps a leading space (for links within text), and '** x**' is no emphasis: shown as is")
    assert_inert(fill(context, md_text(text)), fill(context, "x"), text)


@given(
    st.text(
        st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]) | st.sampled_from("<>&`|[](){}*_#!:?=-\\")
    ).filter(str.strip)
)
@settings(max_examples=examples(full=200, quick=40), derandomize=True, deadline=None)
def test_md_text_keeps_any_text_literal(text: str) -> None:
    for context in ("{}", "Term\n{}", "| a | b |\n| --- | --- |\n| {} | z |", "Fact[^1]\n\n[^1]: {}"):
        source = fill(context, md_text(text))
        assert_inert(source, fill(context, "x"), text)


def _factbase(text: str) -> tuple[FactBase, Entity, Entity]:
    company = Entity("companies", "acme", {"name": {"zh": text, "en": text}}, "acme.yaml")
    term = Entity("glossary", "llm", {"name": {"zh": text, "en": text}, "short": {"zh": text, "en": text}}, "llm.yaml")
    source = Entity(
        "sources",
        "news",
        {"title": text, "publisher": text, "url": "https://news.example.com/a", "published": "2023-04-10"},
        "news.yaml",
    )
    return index({e.id: e for e in (company, term, source)}, []), company, term


def _context(factbase: FactBase) -> PageContext:
    strings = {"source.byline": "Byline", "source.paragraph": "Paragraph {n}"}
    return PageContext("en", "companies/acme.md", strings, factbase)


@pytest.mark.parametrize("text", HOSTILE)
def test_links_and_sources_keep_hostile_text_literal(text: str) -> None:
    factbase, company, term = _factbase(text)
    benign_fb, benign_company, benign_term = _factbase("x")
    ctx, benign = _context(factbase), _context(benign_fb)
    for context in ("{}", "| a | b |\n| --- | --- |\n| {} | c |", "Fact[^1]\n\n[^1]: {}"):
        assert_inert(fill(context, ctx.link(company)), fill(context, benign.link(benign_company)), text)
        assert_inert(fill(context, ctx.link(term)), fill(context, benign.link(benign_term)), text)
        source, plain = ctx.describe_source("news"), benign.describe_source("news")
        assert_inert(fill(context, source), fill(context, plain), text)


@pytest.mark.parametrize("text", HOSTILE)
def test_a_link_title_cannot_break_out_of_its_quotes(text: str) -> None:
    html = to_html(f'[label](page.md "{link_title(text)}")')
    page = Page(html)
    assert page.elements == [("p", ()), ("a", ("href", "title"))], html
    assert page.urls == ["page.md"]
    assert page.titles == [" ".join(text.split()).replace('"', "\u201d").replace("<", "‹").replace(">", "›")]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "\tjavascript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://example.com/x",
        "mailto:a@example.com",
        "/relative/path",
        "relative/path",
        "../up",
        "#anchor",
        "//evil.example/protocol-less",
        "www.evil.example",
        "evil.example/x",
        "https:no-host",
        "http://",
        "",
    ],
)
def test_safe_url_refuses_what_is_not_an_absolute_web_address(url: str) -> None:
    assert safe_url(url) == ""


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example.com/a b",
        "https://news.example.com/a)[x](javascript:alert(1)",
        'https://news.example.com/"onmouseover="alert(1)',
        "https://news.example.com/<script>",
        "https://news.example.com/a\n[x](javascript:alert(1))",
        "https://news.example.com/\t",
        "https://news.example.com/`code`",
        "https://news.example.com/a|b",
        "https://news.example.com/a\\b",
        "https://news.example.com/a 'title'",
    ],
)
def test_safe_url_keeps_a_web_address_one_inert_link_target(url: str) -> None:
    target = safe_url(url)
    assert target.startswith("https://news.example.com/")
    assert not re.search(r"[\s\"'<>()`|\\]", target), target
    for context in ("[title]({})", "| a | [title]({}) |\n| --- | --- |\n| b | c |"):
        page = Page(to_html(fill(context, target)))
        assert [e for e in page.elements if e[0] == "a"] == [("a", ("href",))]
        assert page.urls == [target]
        assert "title" in page.text


YAML_HOSTILE = [
    *HOSTILE,
    'He said: "no"',
    "it's",
    "line one\nline two",
    "---",
    "...",
    "--- a",
    "key: value",
    "- item",
    "# comment",
    "&anchor *alias",
    "!!python/object/apply:os.system ['true']",
    "%YAML 1.1",
    "@at `tick`",
    "tab\there",
    "\u2028\u2029\x85",
    "\x80\x9f\ufffe\ud800",
    "null",
    "yes",
    "0755",
    "2023-04-10",
    "",
]


@pytest.mark.parametrize("text", YAML_HOSTILE)
def test_yaml_string_round_trips_through_front_matter(text: str) -> None:
    value = yaml_string(text)
    assert "\n" not in value and "\r" not in value
    front_matter = f"---\ntitle: {value}\ndescription: {value}\n---\n"
    match = re.match(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", front_matter, re.DOTALL)  # as MkDocs finds it
    assert match
    data = yaml.safe_load(match.group(1))
    assert data == {"title": " ".join(text.split()), "description": " ".join(text.split())}


@given(st.text())
@settings(max_examples=examples(full=300, quick=60), derandomize=True, deadline=None)
def test_yaml_string_round_trips_any_text(text: str) -> None:
    assert yaml.safe_load(f"title: {yaml_string(text)}\n") == {"title": " ".join(text.split())}


@pytest.mark.parametrize(
    "text",
    [
        "</script><script>alert(1)</script>",
        "</SCRIPT >",
        "<!--",
        "<!-- <script>",
        "]]>",
        "\u2028\u2029",
        '"quoted" \\ back',
    ],
)
def test_json_ld_cannot_close_its_script_element(text: str) -> None:
    value = {"@type": "Organization", "name": text, "alternateName": [text, {"x": text}]}
    out = json_ld(value)
    assert "</" not in out and "<!--" not in out and "<" not in out and ">" not in out
    assert json.loads(out) == value
    page = Page(f'<script type="application/ld+json">{out}</script>')
    assert page.elements == [("script", ("type",))]
    assert json.loads("".join(page.text_parts)) == value


# --- the validator refuses markup, at its line and column ----------------------------------------------------


def _check(facts: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", "--facts", str(facts)])
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    if code:
        *problems, summary = lines
        assert summary.endswith("problem(s); nothing was written.")
        assert all(CLEAR.match(line) for line in problems), problems
        return code, problems
    return code, []


def _set_summary(facts: Path, text: str) -> tuple[Path, int, int]:
    """Write `text` as acme's English summary; return the file and the position of the value."""
    path = facts / "companies" / "acme.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index("summary:") + 2
    assert lines[at].startswith("  en: ")
    lines[at] = "  en: " + json.dumps(text, ensure_ascii=False)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, at + 1, 7


@pytest.mark.parametrize("text", sorted(REFUSED))
def test_the_validator_refuses_markup_in_text_at_its_line_and_column(
    text: str, minimal_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, line, col = _set_summary(minimal_facts, text)
    code, problems = _check(minimal_facts, capsys)
    assert code == 1
    # The column is where the markup stands, inside the value that starts at `col`.
    written = len(json.dumps(text, ensure_ascii=False))
    found = [p for p in problems if p.startswith(f"{path}:{line}:") and REFUSED[text] in p]
    assert found and col <= int(found[0].split(":")[2]) < col + written, problems


def test_a_markdown_link_in_text_is_reported_at_its_opening_bracket(
    minimal_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, line, col = _set_summary(minimal_facts, "Read more [at the source](https://example.com) today.")
    code, problems = _check(minimal_facts, capsys)
    assert code == 1
    bracket = col + 1 + len("Read more ")  # after the opening quote
    assert any(p.startswith(f"{path}:{line}:{bracket}: error: Markdown links are not allowed") for p in problems)


def _pages_of(facts: Path) -> dict[str, str]:
    """The Markdown pages of both languages (not the data files published beside them)."""
    pages = render_site(load_inputs(facts), EDIT_BASE)
    return {
        f"{lang}/{rel}": text for lang, by_path in pages.items() for rel, text in by_path.items() if rel.endswith(".md")
    }


def _body(page: str) -> str:
    """The Markdown of a page without its front matter, as MkDocs passes it to Python-Markdown."""
    match = re.match(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", page, re.DOTALL)
    return page[match.end() :] if match else page


@cache
def _benign_elements() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """The elements of every page of the minimal fact base as it is, made once: what each text must leave alone."""
    return {name: sorted(Page(to_html(_body(page))).elements) for name, page in _pages_of(MINIMAL).items()}


@pytest.mark.parametrize("text", [t for t in HOSTILE if t not in REFUSED])
def test_what_the_validator_lets_through_renders_as_literal_text(
    text: str, minimal_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real pipeline: a fact file holding the text, validated, rendered, converted as MkDocs would."""
    _set_summary(minimal_facts, text)
    source = minimal_facts / "sources" / "example-news.yaml"
    original = source.read_text(encoding="utf-8")
    source.write_text(original.replace("publisher: Example News", f"publisher: {json.dumps(text)}"), encoding="utf-8")
    assert _check(minimal_facts, capsys) == (0, [])
    pages = _pages_of(minimal_facts)
    benign = _benign_elements()
    assert pages.keys() == benign.keys()
    for name, page in pages.items():
        html = to_html(_body(page))
        found = Page(html)
        assert "<script" not in html.lower(), name
        assert not [n for _, names in found.elements for n in names if n.startswith("on")], name
        assert not [u for u in found.urls if re.match(r"\s*(javascript|vbscript|data):", u, re.I)], name
        assert sorted(found.elements) == benign[name], f"{name}: other elements with {text!r}"
    entity_page = Page(to_html(_body(pages["en/companies/acme.md"])))
    assert " ".join(text.split()) in entity_page.text
    front_matter = yaml.safe_load(pages["en/companies/acme.md"].split("---\n")[1])
    # Material prints the description into <meta content="…"> as it is, so the generator escapes it first.
    assert front_matter["description"] == attr(text)


@pytest.mark.parametrize(
    ("field", "value", "where", "message"),
    [
        ("date", '"2014\\n"', "13:9", "is not an ISO date"),  # Python's `$` would let the newline through
        ("date", '"2014-02-30"', "13:9", "is not a date on the calendar"),
        ("source", '"example-news\\n"', "14:11", "is not a source"),
    ],
)
def test_a_pattern_ends_at_the_end_of_the_text(
    field: str, value: str, where: str, message: str, minimal_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = minimal_facts / "companies" / "acme.yaml"
    text = path.read_text(encoding="utf-8")
    old = {"date": "  date: '2014'", "source": "  source: example-news"}[field]
    path.write_text(text.replace(old, f"  {field}: {value}", 1), encoding="utf-8")
    code, problems = _check(minimal_facts, capsys)
    assert code == 1
    assert any(p.startswith(f"{path}:{where}: error: ") and message in p for p in problems), problems


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ('"a\\0b"', "4:7", "a control character (U+0000)"),
        ('"\\e[31mred"', "4:7", "a control character (U+001B)"),
        ('"\\x85"', "4:7", "a control character (U+0085)"),
        # libyaml refuses a lone surrogate while parsing the escape, at the escape itself
        ('"\\ud800"', "4:10", "invalid Unicode character escape"),
        ('"\\uffff"', "4:7", "a non-character (U+FFFF)"),
    ],
)
def test_escapes_cannot_smuggle_control_characters_or_surrogates(
    text: str, where: str, message: str, minimal_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A lone surrogate used to pass the check and then break writing the page (it cannot be encoded as UTF-8)."""
    path = minimal_facts / "companies" / "acme.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  en: Acme Technology", f"  en: {text}"), "utf-8")
    code, problems = _check(minimal_facts, capsys)
    assert code == 1
    assert any(p.startswith(f"{path}:{where}: error: ") and message in p for p in problems), problems


def test_an_error_message_quotes_a_value_on_one_line_and_short(
    minimal_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = minimal_facts / "companies" / "acme.yaml"
    key = "bad\\nkey\\t" + "k" * 500
    text = path.read_text(encoding="utf-8").replace("kind: company", 'kind: "x\\ny"')
    path.write_text(text + f'"{key}": 1\n', "utf-8")
    code, problems = _check(minimal_facts, capsys)
    assert code == 1
    assert all(len(p) < len(str(path)) + 300 for p in problems), problems
    assert any("unknown field 'bad\\nkey\\tkkk" in p and "…'" in p for p in problems), problems
    assert any("'x\\ny' is not an allowed value" in p for p in problems), problems


def test_a_long_number_is_still_a_number_and_a_long_odd_one_is_quoted_short(tmp_path: Path) -> None:
    path = tmp_path / "numbers.yaml"
    path.write_text(f"big: {'9' * 120}\nodd: {'1_' * 200}1\n")
    with pytest.raises(InputError) as raised:
        yamlfile.read_yaml(path, "numbers.yaml")
    (problem,) = raised.value.problems
    assert (problem.line, problem.col) == (2, 6)
    assert problem.message == f"'{'1_' * 39}1…' is read as an unusual number by YAML 1.1"
    path.write_text(f"big: {'9' * 120}\n")
    assert yamlfile.read_yaml(path, "numbers.yaml").data == {"big": int("9" * 120)}


# --- the generator writes only inside its own folder ---------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_folder_without_the_marker_is_refused_and_left_untouched(minimal_facts: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    (out / "zh").mkdir(parents=True)
    (out / "notes.md").write_text("my own notes\n")
    (out / "zh" / "index.md").write_text("hand-written\n")
    before = _snapshot(out)
    with pytest.raises(InputError) as raised:
        generate(minimal_facts, out)
    assert "not made by the generator" in str(raised.value)
    assert _snapshot(out) == before
    assert sorted(p.name for p in out.rglob("*")) == ["index.md", "notes.md", "zh"]


def test_a_file_in_place_of_the_output_folder_is_refused(minimal_facts: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.write_text("not a folder\n")
    with pytest.raises(InputError) as raised:
        generate(minimal_facts, out)
    assert "not a folder" in str(raised.value)
    assert out.read_text() == "not a folder\n"


def test_stale_files_go_but_only_inside_the_marked_folder(minimal_facts: Path, tmp_path: Path) -> None:
    out = tmp_path / "build" / "docs"
    generate(minimal_facts, out)
    assert (out / MARKER).is_file()
    outside = tmp_path / "build" / "keep.md"
    outside.write_text("beside the output folder\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.md").write_text("elsewhere\n")
    (out / "zh" / "old-page.md").write_text("stale\n")
    (out / "zh" / "gone").mkdir()
    (out / "zh" / "gone" / "page.md").write_text("stale\n")
    (out / "en" / "link-to-elsewhere").symlink_to(elsewhere, target_is_directory=True)
    (minimal_facts / "people" / "jane-doe.yaml").unlink()
    (minimal_facts / "quotes" / "jane-doe-doubt.yaml").unlink()
    assert (out / "zh" / "people" / "jane-doe.md").exists()

    generate(minimal_facts, out)

    assert not (out / "zh" / "old-page.md").exists()
    assert not (out / "zh" / "gone").exists()
    assert not (out / "zh" / "people" / "jane-doe.md").exists()
    assert not (out / "en" / "link-to-elsewhere").exists()
    assert (elsewhere / "keep.md").read_text() == "elsewhere\n"
    assert outside.read_text() == "beside the output folder\n"
    assert (out / "zh" / "companies" / "acme.md").is_file()


def test_a_link_inside_the_marked_folder_cannot_carry_writes_out_of_it(minimal_facts: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    generate(minimal_facts, out)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(out / "en" / "companies")
    (out / "en" / "companies").symlink_to(elsewhere, target_is_directory=True)
    before = _snapshot(out)
    with pytest.raises(InputError) as raised:
        generate(minimal_facts, out)
    assert "leads out of the output folder" in str(raised.value)
    assert list(elsewhere.iterdir()) == []
    assert _snapshot(out) == before


HOSTILE_NAMES = ["..", "../x", "x/../../y", "/etc/passwd", "..\\x", "x\\..\\..\\y", "~", "$HOME", "C:\\x", "", "."]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_path_is_never_an_id(name: str) -> None:
    assert not ID_PATTERN.fullmatch(name)


@given(st.from_regex(ID_PATTERN, fullmatch=True))
@settings(max_examples=examples(full=200, quick=40), derandomize=True, deadline=None)
def test_every_id_makes_a_page_path_inside_the_docs_folder(entity_id: str) -> None:
    for type_name in PAGE_TYPES:
        path = f"{type_name}/{entity_id}.md"
        assert _safe_relative(path)
        assert os.path.normpath(path).startswith(type_name + os.sep)


@pytest.mark.parametrize(
    "name", ["x\\..\\..\\y.yaml", "..x.yaml", "a..b.yaml", "UPPER.yaml", "with space.yaml", "new\nline.yaml", "é.yaml"]
)
def test_a_file_name_that_is_not_an_id_is_reported(
    name: str, minimal_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copyfile(minimal_facts / "companies" / "globex.yaml", minimal_facts / "companies" / name)
    code, problems = _check(minimal_facts, capsys)
    if name.startswith("."):  # hidden files are skipped, like .DS_Store: never an entity
        assert code == 0
        return
    assert code == 1
    assert any("is not an id" in p for p in problems), problems


def test_hidden_and_linked_files_never_become_entities(minimal_facts: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    shutil.copyfile(minimal_facts / "companies" / "globex.yaml", outside)
    (minimal_facts / "companies" / "...yaml").write_text("name: x\n")  # its stem is '..'
    (minimal_facts / "companies" / "linked.yaml").symlink_to(outside)
    with pytest.raises(InputError) as raised:
        load_factbase(minimal_facts, {f"p{n}": "" for n in range(1, 33)})
    problems = [str(p) for p in raised.value.problems]
    assert problems == [
        f"{minimal_facts}/companies/linked.yaml:1:1: error: not a fact file (only .yaml files belong here)"
    ]


# --- size limits ------------------------------------------------------------------------------------------------


def test_a_50_mb_file_is_refused_quickly_without_being_read(
    minimal_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = minimal_facts / "companies" / "huge.yaml"
    with path.open("wb") as stream:
        stream.write(b"name: " + b"x" * 1_000_000 + b"\n")
        stream.truncate(50 * 1024 * 1024)
    tracemalloc.start()
    started = time.monotonic()
    try:
        code, problems = _check(minimal_facts, capsys)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 5
    assert code == 1
    assert problems == [f"{path}:1:1: error: the file is 52,428,800 bytes; at most {yamlfile.MAX_BYTES:,} are allowed"]
    assert peak < 5 * yamlfile.MAX_BYTES, f"{peak:,} bytes allocated"


def test_reading_stops_at_the_limit_even_when_the_size_is_unknown() -> None:
    """/dev/zero says it is empty and never ends: reading it whole would never finish.

    Run in a child with a memory limit and a timeout, so that a regression fails this test, not the machine.
    """
    script = (
        "from pathlib import Path\n"
        "from explainer.factbase.yamlfile import read_yaml\n"
        "from explainer.problems import InputError\n"
        "try:\n"
        "    read_yaml(Path('/dev/zero'), 'zero.yaml')\n"
        "except InputError as err:\n"
        "    print(err)\n"
    )

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))

    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60, preexec_fn=limit_memory
    )
    assert time.monotonic() - started < 30
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"zero.yaml:1:1: error: the file is over {yamlfile.MAX_BYTES:,} bytes, the most allowed\n"


@pytest.mark.parametrize(
    ("tail", "message"),
    [
        (b"sources: [" + b",".join([b"p"] * 100_000) + b"]\n", "a list of more than 2,000 items"),
        (b"sources:\n" + b"".join(b"- p\n" for _ in range(60_000)), "a list of more than 2,000 items"),
        (b"".join(b"k%d: 1\n" % n for n in range(20_000)), "more than 2,000 keys"),
    ],
    ids=["flow-list", "block-list", "mapping"],
)
def test_a_100_000_item_list_is_refused_quickly_at_its_line(
    tail: bytes, message: str, minimal_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = minimal_facts / "companies" / "long.yaml"
    head = b"name: {zh: x, en: y}\nkind: company\n"
    path.write_bytes(head + tail)
    assert len(head + tail) <= yamlfile.MAX_BYTES
    started = time.monotonic()
    code, problems = _check(minimal_facts, capsys)
    assert time.monotonic() - started < 5
    assert code == 1
    where = "1:1" if message.endswith("keys") else ("3:10" if tail.startswith(b"sources: [") else "4:1")
    assert problems == [f"{path}:{where}: error: {message}"]


# --- Commit subjects on the changes page and in the feed -------------------------------------------------------

HOSTILE_SUBJECTS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[^1]: x",
    "**bold** _em_ `code` | a | b |",
    "# heading {: onclick=alert(1) }",
    "{{ config }}",
    "{% include 'x' %}",
    '--8<-- "/etc/passwd"',
    "&lt;b&gt; &amp; <!-- x",
]


def _history_with_subjects(root: Path, subjects: list[str]) -> dict[str, dict[str, str]]:
    """A repository with scripted commits, then one commit per subject (each changing a fact file), rendered."""
    scripted = scripted_repository(root)
    acme = scripted.facts / "companies" / "acme.yaml"
    for number, subject in enumerate(subjects):
        acme.write_text(acme.read_text(encoding="utf-8") + f"# {number}\n", encoding="utf-8")
        commit(scripted.root, subject, f"2024-04-{number + 1:02d}T12:00:00Z")
    return render_site(load_inputs(scripted.facts, scripted.seeds / "article"), EDIT_BASE)


def test_commit_subjects_reach_the_changes_page_and_the_feed_as_typed(tmp_path: Path) -> None:
    """HTML, Markdown and template syntax in a commit's subject show as typed: the changes page makes the same elements
    as with plain subjects, and the feed's titles read back as the subjects."""
    hostile = _history_with_subjects(tmp_path / "hostile", HOSTILE_SUBJECTS)
    benign = _history_with_subjects(tmp_path / "benign", [f"Change {n}" for n in range(len(HOSTILE_SUBJECTS))])
    for lang in hostile:
        html = to_html(_body(hostile[lang]["changes.md"]))
        found, expected = Page(html), Page(to_html(_body(benign[lang]["changes.md"])))
        assert "<script" not in html.lower()
        assert not [n for _, names in found.elements for n in names if n.startswith("on")]
        assert not [u for u in found.urls if re.match(r"\s*(javascript|vbscript|data):", u, re.I)]
        assert sorted(found.elements) == sorted(expected.elements), lang
        for subject in HOSTILE_SUBJECTS:
            assert " ".join(subject.split()) in found.text, subject
        feed = ET.fromstring(hostile[lang]["feed.xml"])
        titles = [
            e.findtext("{http://www.w3.org/2005/Atom}title") for e in feed.iter("{http://www.w3.org/2005/Atom}entry")
        ]
        assert titles[: len(HOSTILE_SUBJECTS)] == HOSTILE_SUBJECTS[::-1]
