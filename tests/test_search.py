"""Search finds names whole: the jieba dictionary, the tags of entity pages, the patched query segmenter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explainer import search_worker
from explainer.factbase.model import Entity
from explainer.generate import jieba_dictionary
from explainer.inputs import load_inputs
from explainer.problems import InputError
from explainer.render.search import SearchBoosts, search_tags


def test_jieba_dictionary_holds_every_chinese_name_and_alias() -> None:
    inputs = load_inputs(Path("seeds/facts"))
    words = {line.split(" ")[0] for line in jieba_dictionary(inputs).splitlines()}
    assert {"通义千问", "千问", "王小川", "昆仑万维", "天工3.5", "商汤"} <= words


def test_patched_worker_recognises_a_word_at_the_end_of_the_query() -> None:
    path, text = search_worker.patched_search_worker()
    assert path.startswith("assets/javascripts/workers/search.")
    assert search_worker.FIXED.encode() in text and search_worker.BROKEN.encode() not in text


def test_patch_fails_loudly_when_material_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "search.0000.min.js").write_text("function fe(t,e){/* rewritten upstream */}", encoding="utf-8")
    monkeypatch.setattr(search_worker, "WORKER_DIR", tmp_path)
    with pytest.raises(InputError, match="no longer applies"):
        search_worker.patched_search_worker()


def test_entity_pages_carry_all_their_names_for_search(built_site: Path) -> None:
    for root, aliases in ((built_site, {"千问", "Qwen"}), (built_site / "en", {"Qwen", "通义千问"})):
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        doc = next(d for d in index["docs"] if d["location"] == "models/tongyi-qianwen/")
        assert aliases <= set(doc["tags"])
        assert doc["boost"] >= 10


def test_the_built_site_serves_the_patched_worker(built_site: Path) -> None:
    config = (built_site / "index.html").read_text(encoding="utf-8")
    worker = json.loads(config.split('<script id="__config" type="application/json">')[1].split("</script>")[0])[
        "search"
    ]
    assert search_worker.FIXED in (built_site / worker).read_text(encoding="utf-8")


def _entity(entity_id: str, zh: str, en: str, en_aliases: list[str] | None = None) -> Entity:
    data = {"name": {"zh": zh, "en": en}, "aliases": {"en": en_aliases or []}}
    return Entity("companies", entity_id, data, f"{entity_id}.yaml")


def test_search_tags_hold_each_word_of_every_name_once() -> None:
    group = _entity("g", "百团大战", "Group-buying war", ["war of group-buying sites"])
    assert search_tags(group) == ["百团大战", "Group", "buying", "war", "of", "sites"]


def test_a_name_that_begins_another_entitys_name_gets_the_higher_boost() -> None:
    huawei, cloud = _entity("huawei", "华为", "Huawei"), _entity("huawei-cloud", "华为云", "Huawei Cloud")
    boosts = SearchBoosts([huawei, cloud])
    assert boosts.boost(huawei) > boosts.boost(cloud)
