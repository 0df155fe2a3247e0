"""Search finds names whole: the jieba dictionary, the tags of entity pages, the patched query segmenter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explainer import theme_patches
from explainer.factbase.model import Entity
from explainer.generate import jieba_dictionary
from explainer.inputs import load_inputs
from explainer.problems import InputError
from explainer.render.search import search_names


def test_jieba_dictionary_holds_every_chinese_name_and_alias() -> None:
    inputs = load_inputs(Path("seeds/facts"))
    words = {line.split(" ")[0] for line in jieba_dictionary(inputs).splitlines()}
    assert {"通义千问", "千问", "王小川", "昆仑万维", "天工3.5", "商汤"} <= words


def test_every_patch_to_material_applies_once() -> None:
    files = theme_patches.patched_theme_files()
    assert len(files) == len(theme_patches.PATCHED_FILES)
    for patched in theme_patches.PATCHED_FILES:
        [text] = [t for p, t in files.items() if Path(p).match(patched.pattern)]
        for patch in patched.patches:
            assert text.count(patch.fixed.encode()) == 1, patch.purpose
            assert text.count(patch.broken.encode()) == patch.fixed.count(patch.broken), patch.purpose


def test_patch_fails_loudly_when_material_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "workers").mkdir()
    (tmp_path / "workers" / "search.0000.min.js").write_text("function fe(t,e){/* rewritten */}", encoding="utf-8")
    (tmp_path / "bundle.0000.min.js").write_text("/* unchanged */", encoding="utf-8")
    monkeypatch.setattr(theme_patches, "JAVASCRIPTS", tmp_path)
    with pytest.raises(InputError, match="no longer applies"):
        theme_patches.patched_theme_files()


def test_entity_pages_carry_all_their_names_for_search(built_site: Path) -> None:
    for root, aliases in ((built_site, {"千问", "Qwen"}), (built_site / "en", {"Qwen", "通义千问"})):
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        doc = next(d for d in index["docs"] if d["location"] == "models/tongyi-qianwen/")
        assert aliases <= set(doc["tags"])
        assert doc["boost"] >= 10


def test_the_built_site_serves_the_patched_files(built_site: Path) -> None:
    files = theme_patches.patched_theme_files()
    for rel, text in files.items():
        for root in (built_site, built_site / "en"):
            assert (root / rel).read_bytes() == text
    page = (built_site / "index.html").read_text(encoding="utf-8")
    bundle = next(rel for rel in files if "/bundle." in rel)
    assert f'src="{bundle}"' in page


def _entity(entity_id: str, zh: str, en: str, en_aliases: list[str] | None = None) -> Entity:
    data = {"name": {"zh": zh, "en": en}, "aliases": {"en": en_aliases or []}}
    return Entity("companies", entity_id, data, f"{entity_id}.yaml")


def test_search_names_are_every_name_and_alias_whole_and_once() -> None:
    group = _entity("g", "百团大战", "Group-buying war", ["war of group-buying sites", "Group-buying war"])
    assert search_names(group) == ["百团大战", "Group-buying war", "war of group-buying sites"]
