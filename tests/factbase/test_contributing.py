"""The contributor's path, end to end: `new`, `check` naming what to fill, fill it, `check` passes, the page exists.

Plus what `new` refuses, what `translations` lists and the annotation format CI relies on. Everything runs
on a copy of tests/fixtures/minimal (the `minimal_facts` fixture), through the same entry point as `make`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from explainer.__main__ import main
from explainer.factbase.schema import SCHEMA_DIR
from explainer.generate import EDIT_BASE
from explainer.inputs import load_inputs
from explainer.problems import display_path
from explainer.registry import CODES
from explainer.registry import TYPE_NAMES as TYPES
from explainer.render.site import render_site

REPORTED = re.compile(r"(?P<path>.+):(?P<line>\d+):(?P<col>\d+): error: (?P<message>.+)")


def _reported_lines(stderr: str, path: Path) -> set[int]:
    """The lines of `path` that `check` reported a problem on."""
    found = set()
    for line in stderr.splitlines():
        match = REPORTED.fullmatch(line)
        if match and match["path"] == display_path(path):
            found.add(int(match["line"]))
    return found


def _top_level_fields(text: str) -> dict[str, range]:
    """Each top-level field of a fact file and the lines it spans."""
    lines = text.splitlines()
    starts = [(n, line.split(":")[0]) for n, line in enumerate(lines, start=1) if re.match(r"[a-z_]+:", line)]
    ends = [n for n, _ in starts[1:]] + [len(lines) + 1]
    return {name: range(start, end) for (start, name), end in zip(starts, ends, strict=True)}


def test_a_new_company_from_scaffold_to_page(minimal_facts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = minimal_facts / "companies" / "zhipu-ai.yaml"

    assert main(["new", "--facts", str(minimal_facts), "companies", "zhipu-ai"]) == 0
    assert f"{display_path(path)}: created" in capsys.readouterr().out
    text = path.read_text(encoding="utf-8")

    # The first line points editors at the schema, relative to the file.
    schema_line = text.splitlines()[0]
    assert schema_line.startswith("# yaml-language-server: $schema=")
    assert (path.parent / schema_line.split("=", 1)[1]).resolve() == SCHEMA_DIR / "companies.json"

    # `check` fails and names every placeholder, by file and line.
    placeholders = [n for n, line in enumerate(text.splitlines(), start=1) if re.search(r":( ''| \[\])?  #", line)]
    assert main(["check", "--facts", str(minimal_facts)]) == 1
    err = capsys.readouterr().err
    assert _reported_lines(err, path) == set(placeholders), err
    assert f"{len(placeholders)} problem(s)" in err

    # A contributor fills the fields in, leaving the comments.
    filled = (
        text.replace("  zh:  # 简体中文", "  zh: 智谱AI", 1)
        .replace("  en:  # English", "  en: Zhipu AI", 1)
        .replace("kind: ''", "kind: company")
        .replace("  zh:  # 简体中文", "  zh: 源自清华大学的人工智能公司。", 1)
        .replace("  en:  # English", "  en: An AI company spun out of Tsinghua University.", 1)
        .replace("sources: []", "sources: [p2]")
    )
    path.write_text(filled, encoding="utf-8")
    assert main(["check", "--facts", str(minimal_facts)]) == 0, capsys.readouterr().err
    assert "ok" in capsys.readouterr().out

    # Both languages get the page, and its edit button opens the YAML file.
    pages = render_site(load_inputs(minimal_facts), EDIT_BASE)
    for lang in CODES:
        page = pages[lang]["companies/zhipu-ai.md"]
        front = yaml.safe_load(page.split("---\n")[1])
        assert front["edit_url"] == EDIT_BASE + display_path(path)
        assert front["edit_url"].endswith("companies/zhipu-ai.yaml")
    assert "智谱AI" in pages["zh"]["companies/zhipu-ai.md"]
    assert "Zhipu AI" in pages["en"]["companies/zhipu-ai.md"]


@pytest.mark.parametrize("type_name", TYPES)
def test_new_writes_every_required_field_of_the_schema(
    type_name: str, minimal_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = minimal_facts / type_name / "brand-new.yaml"
    assert main(["new", "--facts", str(minimal_facts), type_name, "brand-new"]) == 0
    text = path.read_text(encoding="utf-8")
    required = json.loads((SCHEMA_DIR / f"{type_name}.json").read_text(encoding="utf-8"))["required"]
    assert sorted(yaml.safe_load(text)) == sorted(required)

    assert main(["check", "--facts", str(minimal_facts)]) == 1
    err = capsys.readouterr().err
    reported = _reported_lines(err, path)
    for name, lines in _top_level_fields(text).items():
        assert reported & set(lines), f"nothing reported for '{name}' in:\n{text}\n{err}"
    assert all(line.startswith(display_path(path)) for line in err.splitlines()[:-1]), err


@pytest.mark.parametrize(
    ("type_name", "entity_id", "message"),
    [
        ("companies", "acme", "the id 'acme' is taken: "),
        ("models", "acme", "(ids are unique across all types)"),
        ("companies", "Zhipu AI", "'Zhipu AI' is not an id"),
        ("companies", "zhipu--ai", "'zhipu--ai' is not an id"),
        ("companies", "zhipu-ai.yaml", "is not an id"),
        ("company", "zhipu-ai", "unknown type 'company' (did you mean 'companies'?"),
        ("sources", "p12", "'p12' is the id of an article paragraph"),
    ],
)
def test_new_refuses_with_one_line(
    type_name: str, entity_id: str, message: str, minimal_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(minimal_facts.rglob("*"))
    assert main(["new", "--facts", str(minimal_facts), type_name, entity_id]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: ") and message in captured.err
    assert captured.err.count("\n") == 1
    assert sorted(minimal_facts.rglob("*")) == before


def test_translations_lists_a_missing_english_text(minimal_facts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["translations", "--facts", str(minimal_facts)]) == 0
    assert "0 text(s) still to translate" in capsys.readouterr().out

    path = minimal_facts / "companies" / "half.yaml"
    path.write_text(
        "name:\n  zh: 半成品\n  en: Half done\nkind: company\nsummary:\n  zh: 只有中文。\nsources: [p2]\n",
        encoding="utf-8",
    )
    (minimal_facts / "companies" / "other.yaml").write_text("name: {zh: 别的}\nknd: x\n", encoding="utf-8")

    assert main(["translations", "--facts", str(minimal_facts)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        f"{display_path(path)}:5:1: error: missing the English text ('en:')",
        f"{display_path(minimal_facts / 'companies' / 'other.yaml')}:1:1: error: missing the English text ('en:')",
        "2 text(s) still to translate",
    ]
    assert "other problem(s)" in captured.err  # the unknown field and the missing fields are check's business


def test_annotations_on_a_broken_file(minimal_facts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = minimal_facts / "companies" / "broken.yaml"
    path.write_text("name: {zh: 坏, en: Broken}\nkind: firm\nsummary: {zh: 坏, en: Broken}\nsources: [p2]\n")

    assert main(["--annotations", "check", "--facts", str(minimal_facts)]) == 1

    annotations = capsys.readouterr().out.splitlines()
    assert annotations == [
        f"::error file={display_path(path)},line=2,col=7::'firm' is not an allowed value (one of: company, broker, "
        "research-institute, exchange, newspaper, cloud-provider, university)"
    ]
