"""Fuzzing the loader and validator: whatever a fact file holds, `check` ends in success or clear errors.

A case that passes the check is rendered too (both languages, written as UTF-8): what the
validator lets through must never break the site. A clear error is one line `PATH:LINE:COL: error: MESSAGE` with a positive line and column that
lie inside the file it names; anything else (a traceback, a message broken over several lines,
a position outside the file) fails the test. Every case runs the real command,
`explainer check --facts DIR`, on a copy of tests/fixtures/minimal with one file replaced or added.

The cases start from the real files (tests/fixtures/minimal and seeds/facts) and mutate their
bytes, lines and characters, or are random YAML, random text and random bytes; a tenth change the
schemas' allowed values and the strings table instead (tests/schema_world.py). The seed is fixed
(`derandomize=True`), so a run is repeatable. `FUZZ_CASES` sets the number of cases in all
(60 in `make test`, 300 with EXAMPLES=full, 10,000 in `make fuzz`: tests/examples.py); the figures are printed when
the module finishes.
"""

from __future__ import annotations

import functools
import io
import json
import os
import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import yaml
from examples import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schema_world import Change, changed_schemas, schema_changes, use_allowed_values

from explainer import inputs
from explainer.__main__ import main
from explainer.article.translation import load_translation
from explainer.factbase import yamlfile
from explainer.generate import EDIT_BASE
from explainer.registry import CODES, WRITTEN
from explainer.render.site import render_site

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
REAL = ROOT / "seeds" / "facts"
CASES = int(
    os.environ.get("FUZZ_CASES", examples(full=300, quick=60))
)  # in all: two thirds mutated real files, one third random
FIGURES: Counter[str] = Counter()


def fuzz_settings(cases: int) -> settings:
    return settings(
        max_examples=max(cases, 1),
        derandomize=True,  # a fixed seed: the same cases on every run and every machine
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


# (type folder, file name, content) of every real fact file: the starting points of the mutations.
SEED_FILES = sorted(
    (path.parent.name, path.name, path.read_bytes()) for base in (MINIMAL, REAL) for path in base.glob("*/*.yaml")
)
MINIMAL_FILES = [s for s in SEED_FILES if (MINIMAL / s[0] / s[1]).exists()]
TYPES = sorted({t for t, _, _ in SEED_FILES})

# Snippets that mean something to YAML, to the validator or to the page: inserted anywhere.
TOKENS = [
    *(s.encode() for s in ("&a ", "*a", "&a [x, y]", "*b", "!!python/object/apply:os.system ['true'] ", "!!binary ")),
    *(s.encode() for s in ("!!str ", "!!int ", "!!set ", "!!omap ", "!custom ", "<<: {x: 1}", "<<: ", "? ", "- ")),
    *(s.encode() for s in (": ", ":", "{", "}", "[", "]", ",", "'", '"', "|", "|-", ">", "# ", "%YAML 1.1\n")),
    *(s.encode() for s in ("%TAG ! tag:x,2000:\n", "---\n", "...\n", "--- ", "\\", '"\\e[31m"', '"\\x00"', '"\\')),
    *(s.encode() for s in ('"\\u2028"', '"\\N"', '"\\uD800"', "yes", "no", "on", "off", "0755", "0o17", "0x1F")),
    *(s.encode() for s in ("1_000", "1e3", ".inf", "-.nan", ".NaN", "~", "null", "2023-04-10", "2023-04-10 12:00")),
    *(s.encode() for s in ("12:30:00", "0b101", "+12", "'2023-02-30'", "'0000'", "'9999-99'", "<<", "=")),
    *(s.encode() for s in ("<script>alert(1)</script>", "{{ config }}", "{% include 'x' %}", '--8<-- "/etc/passwd"')),
    *(s.encode() for s in ("[x](javascript:alert(1))", "[^1]: x", "*[HTML]: x", "{: onclick=alert(1) }", "`|`")),
    *(s.encode() for s in ("acme", "globex", "p1", "p999", "byline", "example-news", "acme-lm", "jane-doe", "llm")),
    *(s.encode() for s in (*CODES, "name", "sources", "kind", "summary", "aliases", "notes", "paragraph")),
    b"\t",
    b"\r",
    b"\r\n",
    b"\n",
    b"\x00",
    b"\x07",
    b"\x1b[31m",
    b"\x7f",
    b"\xef\xbb\xbf",  # a byte order mark
    b"\xff",
    b"\xfe\xff",
    b"\xc3",  # a truncated two-byte sequence
    b"\xc0\xaf",  # an overlong '/'
    b"\xed\xa0\x80",  # an encoded surrogate
    b"\xf4\x90\x80\x80",  # beyond U+10FFFF
    "\u2028".encode(),
    "\u0085".encode(),
    "\u200b".encode(),
    "\ufeff".encode(),
    "\U0001f600".encode(),
    "大模型".encode(),
]


# --- mutations: each takes the hypothesis draw function and the file's bytes --------------------------------


def _position(draw: Callable, data: bytes) -> int:
    return draw(st.integers(0, len(data)))


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def insert_token(draw: Callable, data: bytes) -> bytes:
    at = _position(draw, data)
    return data[:at] + draw(st.sampled_from(TOKENS)) + data[at:]


def insert_bytes(draw: Callable, data: bytes) -> bytes:
    at = _position(draw, data)
    return data[:at] + draw(st.binary(min_size=1, max_size=12)) + data[at:]


def insert_text(draw: Callable, data: bytes) -> bytes:
    at = _position(draw, data)
    return data[:at] + draw(st.text(max_size=20)).encode("utf-8", "surrogatepass") + data[at:]


def flip_byte(draw: Callable, data: bytes) -> bytes:
    if not data:
        return data
    at = draw(st.integers(0, len(data) - 1))
    return data[:at] + bytes([data[at] ^ (1 << draw(st.integers(0, 7)))]) + data[at + 1 :]


def delete_range(draw: Callable, data: bytes) -> bytes:
    at = _position(draw, data)
    return data[:at] + data[at + draw(st.integers(1, 40)) :]


def duplicate_line(draw: Callable, data: bytes) -> bytes:
    """Copies a line elsewhere: among other things, a duplicate key."""
    lines = _lines(data)
    line = lines[draw(st.integers(0, len(lines) - 1))]
    lines.insert(draw(st.integers(0, len(lines))), line)
    return b"\n".join(lines)


def delete_line(draw: Callable, data: bytes) -> bytes:
    lines = _lines(data)
    del lines[draw(st.integers(0, len(lines) - 1))]
    return b"\n".join(lines)


def swap_lines(draw: Callable, data: bytes) -> bytes:
    lines = _lines(data)
    i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def reindent_line(draw: Callable, data: bytes) -> bytes:
    lines = _lines(data)
    i = draw(st.integers(0, len(lines) - 1))
    indent = draw(st.sampled_from([b"", b" ", b"  ", b"   ", b"    ", b"\t", b"  \t", b"\t  "]))
    lines[i] = indent + lines[i].lstrip(b" ")
    return b"\n".join(lines)


def retype_value(draw: Callable, data: bytes) -> bytes:
    """Replaces what follows a key on one line: a different kind of value than the schema wants."""
    lines = _lines(data)
    keyed = [i for i, line in enumerate(lines) if b": " in line]
    if not keyed:
        return data
    i = draw(st.sampled_from(keyed))
    key = lines[i].split(b": ", 1)[0]
    value = draw(
        st.sampled_from(
            [
                *(b"", b"~", b"[]", b"{}", b"[[]]", b"''", b"' '", b"42", b"-1", b"1.5", b"true", b"no", b"0755"),
                *(b"0x1f", b"2023-04-10", b"'2023-13-45'", b"'0000-00-00'", b"'2023-02-29'", b"[p1, p1]", b"[p0]"),
                *(b"{zh: x}", b"{zh: x, en: y, fr: z}", b"{en: x, en: y}", b"[acme, acme]", b"jane-doe", b"nope"),
                *(b"ACME", b"p1", b"'http://x'", b"'javascript:alert(1)'", b"'https://a b'", b"|\n  block"),
                *(b">\n  folded", b"&x 1", b"'2023\n'", b'"2023\\n"', b'"https://x.example/\\n"', b'"acme\\n"'),
            ]
        )
    )
    lines[i] = key + b": " + value
    return b"\n".join(lines)


# Text the validator should let through (or refuse clearly), written as a JSON string: valid YAML for any text.
_texts = st.text(
    st.characters(codec="utf-8") | st.sampled_from(list("<>&\"'`|[](){}*_#!:-\\\n\t ")), min_size=1, max_size=40
) | st.sampled_from(
    ["<script>alert(1)</script>", "{{ config }}", "[x](javascript:alert(1))", "*[HTML]: x", ": x", "[^1]: x"]
)


def replace_text(draw: Callable, data: bytes) -> bytes:
    """Puts random text where the file has text (a name, a summary, an alias, a title): it should render."""
    lines = _lines(data)
    texts = [i for i, line in enumerate(lines) if re.match(rb"\s*(zh|en|title|publisher|as_given): \S", line)]
    if not texts:
        return data
    i = draw(st.sampled_from(texts))
    key = lines[i].split(b": ", 1)[0]
    lines[i] = key + b": " + json.dumps(draw(_texts), ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    return b"\n".join(lines)


def rename_key(draw: Callable, data: bytes) -> bytes:
    """Gives one key the name of another (a duplicate key, or a field where it does not belong)."""
    lines = _lines(data)
    keyed = [i for i, line in enumerate(lines) if re.match(rb"\s*[\w-]+:", line)]
    if len(keyed) < 1:
        return data
    i, j = draw(st.sampled_from(keyed)), draw(st.sampled_from(keyed))
    new_key = lines[j].split(b":", 1)[0].strip()
    indent = re.match(rb"\s*", lines[i]).group()
    lines[i] = indent + new_key + b":" + lines[i].split(b":", 1)[1]
    return b"\n".join(lines)


def deep_nesting(draw: Callable, data: bytes) -> bytes:
    depth = draw(st.sampled_from([yamlfile.MAX_DEPTH - 2, yamlfile.MAX_DEPTH, yamlfile.MAX_DEPTH + 1, 100, 5_000]))
    if draw(st.booleans()):
        nested = b"[" * depth + b"x" + b"]" * depth
    else:
        nested = b"\n" + b"".join(b"  " * (n + 1) + b"k%d:\n" % n for n in range(min(depth, 300))) + b"  " * 302 + b"x"
    lines = _lines(data)
    i = draw(st.integers(0, len(lines) - 1))
    lines[i] = lines[i].split(b":", 1)[0] + b": " + nested if b":" in lines[i] else nested
    return b"\n".join(lines)


def huge_string(draw: Callable, data: bytes) -> bytes:
    unit = draw(st.sampled_from([b"a", b"\xe5\xa4\xa7", b"ab ", b"'", b"\\", b"x\n ", b"#"]))
    size = draw(st.sampled_from([4_000, 4_001, yamlfile.MAX_BYTES // 2, yamlfile.MAX_BYTES - len(data), 300_000]))
    text = unit * (max(size, 1) // len(unit))
    at = _position(draw, data)
    return data[:at] + text + data[at:]


def long_list(draw: Callable, data: bytes) -> bytes:
    count = draw(st.sampled_from([50, 51, yamlfile.MAX_ITEMS, yamlfile.MAX_ITEMS + 1, 60_000]))
    item = draw(st.sampled_from([b"p1", b"1", b"acme", b"[]"]))
    return data + b"\nsources: [" + b", ".join([item] * count) + b"]\n"


def many_keys(draw: Callable, data: bytes) -> bytes:
    count = draw(st.sampled_from([10, 500, 20_000]))
    return data + b"\n" + b"".join(b"k%d: 1\n" % n for n in range(count))


def alias_bomb(draw: Callable, data: bytes) -> bytes:
    bomb = b'a: &a ["lol","lol","lol"]\nb: &b [*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b]\nd: [*c,*c,*c,*c]\n'
    return data + b"\n" + bomb


def truncate(draw: Callable, data: bytes) -> bytes:
    return data[: _position(draw, data)]


def change_newlines(draw: Callable, data: bytes) -> bytes:
    return data.replace(b"\n", draw(st.sampled_from([b"\r\n", b"\r", b"\n\n", b" \n", b"\x85", b"\xe2\x80\xa8"])))


def add_document(draw: Callable, data: bytes) -> bytes:
    return data + draw(st.sampled_from([b"\n---\n", b"\n---\nname: x\n", b"\n...\n", b"\n...\n---\n"]))


MUTATIONS = [
    insert_token,
    insert_token,
    insert_bytes,
    insert_text,
    flip_byte,
    delete_range,
    duplicate_line,
    delete_line,
    swap_lines,
    reindent_line,
    retype_value,
    retype_value,
    replace_text,
    replace_text,
    replace_text,
    rename_key,
    deep_nesting,
    huge_string,
    long_list,
    many_keys,
    alias_bomb,
    truncate,
    change_newlines,
    add_document,
]


@st.composite
def mutated_files(draw: Callable) -> tuple[str, str, bytes]:
    """A real fact file with one to four mutations; most often one of the minimal fact base's own files.

    One case in four only rewrites texts of a minimal file: most of those pass, and then must render.
    """
    text_only = draw(st.integers(0, 3)) == 0
    seeds = MINIMAL_FILES if text_only or draw(st.booleans()) else SEED_FILES
    type_name, name, data = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 4))):
        data = (replace_text if text_only else draw(st.sampled_from(MUTATIONS)))(draw, data)
    return type_name, name, data


# --- random YAML: plain data of any shape, dumped in any style ----------------------------------------------

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(["acme", "p1", "2023-04-10", "https://x.example/", *CODES, "name", "sources"])
)
_keys = st.sampled_from(["name", *CODES, "kind", "summary", "sources", "aliases", "notes", "date", "text", "x"])
_data = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(_keys | st.text(max_size=8), inner, max_size=6),
    max_leaves=30,
)


@st.composite
def random_files(draw: Callable) -> tuple[str, str, bytes]:
    """Random YAML (block or flow, any width), random text, or random bytes, in a random type folder."""
    type_name = draw(st.sampled_from(TYPES))
    kind = draw(st.sampled_from(["yaml", "yaml", "fact", "text", "bytes"]))
    if kind in ("yaml", "fact"):
        value = draw(_data)
        if kind == "fact":  # shaped like a fact file: a mapping with some of the real fields
            value = {"name": {code: draw(st.text(max_size=10)) for code in WRITTEN}, "x": value}
            value.update(draw(st.dictionaries(_keys, _data, max_size=4)))
        text = yaml.dump(
            value,
            allow_unicode=draw(st.booleans()),
            default_flow_style=draw(st.sampled_from([False, True, None])),
            width=draw(st.sampled_from([20, 80, 10_000])),
            explicit_start=draw(st.booleans()),
        )
        data = text.encode("utf-8", "surrogatepass")
    elif kind == "text":
        data = draw(st.text(max_size=200)).encode("utf-8", "surrogatepass")
    else:
        data = draw(st.binary(max_size=200))
    name = draw(st.sampled_from(["fuzz.yaml", "acme.yaml", "p1.yaml", "byline.yaml", "llm.yaml"]))
    return type_name, name, data


# --- running one case -----------------------------------------------------------------------------------------

CLEAR = re.compile(r":(?P<line>[0-9]+):(?P<col>[0-9]+): error: \S")
SUMMARY = re.compile(r"(?P<count>[0-9]+) problem\(s\); nothing was written\.")


@pytest.fixture(scope="module")
def workspace() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="fuzz-") as folder:
        yield Path(folder)


@pytest.fixture(scope="module", autouse=True)
def _article_read_once() -> Iterator[None]:
    """The article and its translation are the same in every case: read them once. The fact base is what varies."""
    meta = functools.cache(inputs._load_meta)
    translations: dict[Path, dict[str, str]] = {}

    def translation(path: Path, article: object, language: object) -> dict[str, str]:
        if path not in translations:
            translations[path] = load_translation(path, article, language)
        return translations[path]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(inputs, "_load_meta", meta)
        patch.setattr(inputs, "load_translation", translation)
        yield


@pytest.fixture(scope="module", autouse=True)
def _figures(request: pytest.FixtureRequest) -> Iterator[None]:
    """Print the figures of the module's run: every case counted, none estimated, timed from its first case."""
    started = time.monotonic()
    yield
    line = (
        f"fuzz: {FIGURES['cases']} cases run in {time.monotonic() - started:.0f} s "
        f"({FIGURES['schema changes']} with changed schemas): "
        f"{FIGURES['clear errors']} clear errors, {FIGURES['successes']} successes, "
        f"{FIGURES['tracebacks']} tracebacks, {FIGURES['unclear output']} unclear output"
    )
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if capture is None or reporter is None:  # pragma: no cover
        print(line)
        return
    with capture.global_and_fixture_disabled():  # shown even when pytest captures output
        reporter.write_line("")
        reporter.write_line(line)


def _line_count(path: Path) -> int:
    """Lines as an editor counts them, whichever line breaks the file uses (YAML's marks count them all)."""
    if not path.is_file():
        return 1
    raw = path.read_bytes()
    text = raw.decode("utf-8", "replace")
    return max(raw.count(b"\n"), len(re.findall("\r\n|[\r\n\x85\u2028\u2029]", text))) + 1


def check_case(workspace: Path, type_name: str, name: str, data: bytes | None) -> str:
    """Run `check` on the minimal fact base with one file written; return 'success' or 'clear errors'."""
    facts = workspace / "facts"
    if facts.exists():
        shutil.rmtree(facts)
    shutil.copytree(MINIMAL, facts)
    if data is not None:
        (facts / type_name).mkdir(exist_ok=True)
        (facts / type_name / name).write_bytes(data)
    return _run_check(workspace, facts)


def _run_check(workspace: Path, facts: Path) -> str:
    FIGURES["cases"] += 1
    out, err = io.StringIO(), io.StringIO()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["check", "--facts", str(facts)])
    except BaseException:
        FIGURES["tracebacks"] += 1
        raise
    try:
        outcome = _judge(workspace, facts, code, out.getvalue(), err.getvalue())
    except AssertionError:
        FIGURES["unclear output"] += 1
        raise
    if outcome == "successes":  # what passes the check must also render, and be writable as UTF-8
        try:
            pages = render_site(inputs.load_inputs(facts), EDIT_BASE)
            for lang_pages in pages.values():
                for content in lang_pages.values():
                    content.encode("utf-8") if isinstance(content, str) else bytes(content)
        except BaseException:
            FIGURES["tracebacks"] += 1
            raise
    FIGURES[outcome] += 1
    return outcome


def _judge(workspace: Path, facts: Path, code: int, out: str, err: str) -> str:
    if code == 0:
        assert err == "", err
        assert out.startswith(f"{facts}: ok (")
        return "successes"
    assert code == 1, (code, out, err)
    *problems, summary = err.split("\n")[:-1] if err.endswith("\n") else [*err.split("\n"), "?"]
    counted = SUMMARY.fullmatch(summary)
    assert counted, f"no closing summary line in:\n{err}"
    assert int(counted["count"]) == len(problems), f"a message spans several lines:\n{err}"
    assert problems
    line_counts: dict[str, int] = {}
    for line in problems:
        assert "\r" not in line, f"a carriage return in {line!r}"
        # A fact file, or a changed schema or strings table (all inside the workspace).
        assert line.startswith(str(workspace) + os.sep), f"not PATH:LINE:COL: error: {line!r}"
        path_text, _, rest = line.partition(":")
        match = CLEAR.match(":" + rest)
        assert match, f"not PATH:LINE:COL: error: {line!r}"
        line_no, col = int(match["line"]), int(match["col"])
        assert line_no >= 1 and col >= 1, line
        path = Path(path_text)
        assert path.exists(), f"the error names a path that does not exist: {line!r}"
        if path_text not in line_counts:
            line_counts[path_text] = _line_count(path)
        lines = line_counts[path_text]
        assert line_no <= lines, f"line {line_no} is past the end of the file ({lines} lines): {line!r}"
    return "clear errors"


# --- the fuzz tests -------------------------------------------------------------------------------------------


def test_mutated_real_files_end_in_success_or_clear_errors(workspace: Path) -> None:
    @fuzz_settings(CASES - CASES // 3)
    @given(mutated_files())
    def case(file: tuple[str, str, bytes]) -> None:
        check_case(workspace, *file)

    case()


def test_random_yaml_text_and_bytes_end_in_success_or_clear_errors(workspace: Path) -> None:
    @fuzz_settings(CASES // 3)
    @given(random_files())
    def case(file: tuple[str, str, bytes]) -> None:
        check_case(workspace, *file)

    case()


def test_changed_schemas_end_in_success_or_clear_errors(workspace: Path) -> None:
    """Values added to or removed from a schema, labels dropped: the check refuses clearly or the site renders."""

    @fuzz_settings(max(CASES // 10, examples(full=20, quick=6)))
    @given(st.lists(schema_changes(), min_size=1, max_size=3), st.lists(st.integers(0, 99), min_size=5))
    def case(changes: list[Change], picks: list[int]) -> None:
        facts = workspace / "facts"
        if facts.exists():
            shutil.rmtree(facts)
        shutil.copytree(MINIMAL, facts)
        order = iter(picks * 2)

        def combined(documents: dict, table: dict) -> None:
            for change in changes:
                change(documents, table)

        FIGURES["schema changes"] += 1
        with changed_schemas(workspace, combined):
            use_allowed_values(facts, lambda allowed: allowed[next(order) % len(allowed)])
            _run_check(workspace, facts)

    case()


def test_every_minimal_file_unchanged_is_a_success(workspace: Path) -> None:
    """The harness itself: the starting points pass, so a clear error in a case is the mutation's doing."""
    type_name, name, data = MINIMAL_FILES[0]
    assert check_case(workspace, type_name, name, data) == "successes"
