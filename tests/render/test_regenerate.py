"""The preview's generation after a save (regenerate.py) writes what a full generation writes, byte for byte,
whether it renders only the pages the save changed (a text) or everything (anything else)."""

from __future__ import annotations

import filecmp
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from rendered import real_inputs

from explainer.regenerate import Regenerator
from explainer.registry import CODES, ROOT, TYPE_NAMES, WRITTEN
from explainer.render.downloads import PARAGRAPHS_KEY, factbase_json

FACTS = Path("seeds/facts")
MARK = "〔改〕"


def _edit(facts: Path, file: str, change: Callable[[dict[str, Any]], None]) -> Path:
    """Change a fact file's data and write it back (as YAML a contributor could have written)."""
    path = facts / file
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []

    def walk(compared: filecmp.dircmp[str], at: str) -> None:
        found.extend(f"{at}{name}" for name in compared.left_only + compared.right_only + compared.diff_files)
        for name, sub in compared.subdirs.items():
            walk(sub, f"{at}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


def _same_as_full(facts: Path, lang: str, incremental: Path, tmp_path: Path) -> None:
    full = tmp_path / f"full-{len(list(tmp_path.iterdir()))}"
    Regenerator(facts, lang, full).run()
    filecmp.clear_cache()
    assert _differences(incremental / lang, full / lang) == []


TEXT_EDITS: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("companies/sensetime.yaml", lambda d: d["summary"].update(zh=d["summary"]["zh"] + MARK, en="Changed.")),
    ("glossary/emergence.yaml", lambda d: d["short"].update(zh=d["short"]["zh"] + MARK)),  # a link's tooltip
    ("standings/sensetime-standing.yaml", lambda d: d["by_2026"]["claims"][0].update(zh=MARK)),  # a claim
    ("events/2026-02-16-qwen3-5.yaml", lambda d: d["releases"][0]["version"].update(zh="Qwen3.5" + MARK)),  # latest
]


@pytest.mark.parametrize("lang", [ROOT.code, next(code for code in CODES if code not in WRITTEN)])
def test_a_saved_text_renders_only_the_pages_that_show_it_and_writes_what_a_full_generation_writes(
    tmp_path: Path, lang: str
) -> None:
    facts = tmp_path / "facts"
    shutil.copytree(FACTS, facts)
    docs = tmp_path / "docs"
    preview = Regenerator(facts, lang, docs)
    everything = preview.run()
    for file, change in TEXT_EDITS:
        saved = _edit(facts, file, change)
        rendered = preview.run([saved])
        assert 0 < rendered < everything / 3, f"{file}: {rendered} of {everything} pages rendered again"
        _same_as_full(facts, lang, docs, tmp_path)


def test_a_save_that_changes_more_than_texts_renders_everything_and_the_same(tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    shutil.copytree(FACTS, facts)
    docs = tmp_path / "docs"
    preview = Regenerator(facts, ROOT.code, docs)
    everything = preview.run()
    for file, change in [
        ("companies/sensetime.yaml", lambda d: d["aliases"]["zh"].append("商汤" + MARK)),  # a name other texts find
        ("events/2025-09-30-glm-4-6.yaml", lambda d: d.update(date="2025-10-01")),  # its place on the timeline
    ]:
        assert preview.run([_edit(facts, file, change)]) == everything, file
        _same_as_full(facts, ROOT.code, docs, tmp_path)
    added = facts / "glossary" / "new-term.yaml"
    shutil.copy(facts / "glossary" / "emergence.yaml", added)
    _edit(
        facts,
        "glossary/new-term.yaml",
        lambda d: [d.pop("aliases", None), d.update(name={"zh": "新术语", "en": "New"})],
    )
    assert preview.run([added]) == everything + 1
    _same_as_full(facts, ROOT.code, docs, tmp_path)


def test_the_fact_base_download_is_json_dumps_of_it_written_a_fact_at_a_time() -> None:
    inputs = real_inputs()
    paragraphs = [p.id for p in inputs.article.paragraphs]
    document: dict[str, Any] = {t: {e.id: e.data for e in inputs.factbase.of_type(t)} for t in TYPE_NAMES}
    document[PARAGRAPHS_KEY] = paragraphs
    expected = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    assert factbase_json(inputs.factbase, paragraphs) == expected
    assert factbase_json(inputs.factbase, paragraphs) == expected  # again, from the facts kept written
