"""Search finds names whole: the jieba dictionary, the tags of entity pages, the patched query segmenter."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import material
import pytest
from mkdocs.exceptions import PluginError
from rendered import real_inputs

from explainer.factbase.model import Entity
from explainer.generate import jieba_dictionary
from explainer.inputs import load_inputs
from explainer.registry import LANGUAGES, Language, alternates
from explainer.render.search import search_names

ROOT = Path(__file__).resolve().parents[2]
MATERIAL_SCRIPTS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"


def _hook_module() -> ModuleType:
    """overrides/hooks/theme_patches.py, loaded as MkDocs loads a hook: by its path."""
    spec = importlib.util.spec_from_file_location("theme_patches", ROOT / "overrides" / "hooks" / "theme_patches.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


theme_patches = _hook_module()


def test_jieba_dictionary_holds_every_chinese_name_and_alias() -> None:
    inputs = load_inputs(Path("seeds/facts"))
    words = {line.split(" ")[0] for line in jieba_dictionary(inputs, "zh").splitlines()}
    assert {"通义千问", "千问", "王小川", "昆仑万维", "天工3.5", "商汤"} <= words


def _material_file(pattern: str) -> Path:
    [found] = sorted(MATERIAL_SCRIPTS.glob(pattern))
    return found


def test_materials_files_are_the_ones_the_patches_were_written_against() -> None:
    """Upgrading Material fails here, in one place: check each patch, then record the new hashes."""
    for patched_file in theme_patches.PATCHED_FILES:
        digest = hashlib.sha256(_material_file(patched_file.pattern).read_bytes()).hexdigest()
        assert digest == patched_file.original_sha256, patched_file.pattern


def test_every_patch_to_material_applies_once() -> None:
    for patched_file in theme_patches.PATCHED_FILES:
        original = _material_file(patched_file.pattern)
        text = theme_patches.patched(original.read_text(encoding="utf-8"), patched_file, str(original))
        for patch in patched_file.patches:
            assert text.count(patch.fixed) == 1, patch.purpose
            assert text.count(patch.broken) == patch.fixed.count(patch.broken), patch.purpose


def test_patch_fails_loudly_when_material_changes() -> None:
    patched_file = theme_patches.PATCHED_FILES[0]
    with pytest.raises(PluginError, match=re.escape("not the one overrides/hooks/theme_patches.py was written")):
        theme_patches.patched("function fe(t,e){/* rewritten */}", patched_file, "search.0000.min.js")


@pytest.mark.parametrize("language", LANGUAGES, ids=[language.code for language in LANGUAGES])
def test_entity_pages_carry_all_their_names_for_search(built_site: Path, language: Language) -> None:
    """A page is found by every name and alias of its entity in its own language and in the other written ones (a
    derived language's pages name it in their own script only: render/search.py)."""
    index = json.loads((built_site / language.prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    doc = next(d for d in index["docs"] if d["location"] == "models/tongyi-qianwen/")
    names = {
        name
        for code in {language.code, *alternates(language.code)}
        for name in real_inputs().factbases[code].get("tongyi-qianwen").names(code)
    }
    assert "Qwen" in names and len(names) >= 5  # an alias, in every language
    assert names <= set(doc["tags"])
    assert doc["boost"] >= 10


def test_the_built_site_serves_the_patched_files_under_names_of_their_own(built_site: Path) -> None:
    for patched_file in theme_patches.PATCHED_FILES:
        original = _material_file(patched_file.pattern)
        text = theme_patches.patched(original.read_text(encoding="utf-8"), patched_file, str(original))
        name = theme_patches.content_name(original.name, text)
        assert name != original.name and hashlib.sha256(text.encode()).hexdigest().startswith(name.split(".")[1])
        folder = original.parent.relative_to(MATERIAL_SCRIPTS.parent.parent)
        for root in (built_site / language.prefix for language in LANGUAGES):
            assert (root / folder / name).read_text(encoding="utf-8") == text
            assert not (root / folder / original.name).exists()
            page = (root / "index.html").read_text(encoding="utf-8")
            assert name in page and original.name not in page


def _entity(entity_id: str, zh: str, en: str, en_aliases: list[str] | None = None) -> Entity:
    data = {"name": {"zh": zh, "en": en}, "aliases": {"en": en_aliases or []}}
    return Entity("companies", entity_id, data, f"{entity_id}.yaml")


def test_search_names_are_every_name_and_alias_whole_and_once() -> None:
    group = _entity("g", "百团大战", "Group-buying war", ["war of group-buying sites", "Group-buying war"])
    assert search_names(group, "zh") == ["百团大战", "Group-buying war", "war of group-buying sites"]


def test_every_page_loads_materials_bundle_deferred(built_site: Path) -> None:
    """A phone on a slow network paints before it has the bundle (theme_patches.py, 7)."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 40
    undeferred = [
        str(p)
        for p in pages
        if len(re.findall(r'bundle\.[0-9a-f]{8}\.min\.js" defer></script>', p.read_text(encoding="utf-8"))) != 1
    ]
    assert not undeferred


def test_a_page_without_materials_bundle_tag_stops_the_build() -> None:
    with pytest.raises(PluginError, match="expected one script tag for Material's bundle, found 0"):
        theme_patches._deferred_bundle("<html><body></body></html>", "page.html")


@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES])
def test_the_search_index_holds_a_pages_text_but_not_its_footnotes(built_site: Path, lang: str) -> None:
    """Footnotes list the sources: repeated on every page that cites them, searched by no one (search_index.py)."""
    prefix = next(language.prefix for language in LANGUAGES if language.code == lang)
    index = json.loads((built_site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"]).replace("\u200b", "")  # jieba's word breaks
    page = (built_site / prefix / "companies" / "sensetime" / "index.html").read_text(encoding="utf-8")
    [notes] = re.findall(r'<div class="footnote">(.*?)</div>', page, re.S)
    source_title = re.search(r'<a href="https://[^"]+">(?:<span lang="[^"]+">)?([^<]+)<', notes)
    assert source_title and source_title.group(1) in page
    assert source_title.group(1) not in text
    assert "data-search-exclude" not in page  # the mark is Material's to read and remove
    entity = load_inputs(Path("seeds/facts")).factbases[lang].get("sensetime")
    assert entity.data["summary"][lang][:12] in text
