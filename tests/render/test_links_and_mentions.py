"""Two hot paths of generation checked against slow, obvious versions: relative links and name finding."""

from __future__ import annotations

import posixpath
import random

from explainer.factbase.mentions import MentionFinder, _is_word_char
from explainer.factbase.model import Entity
from explainer.render.paths import relative_path


def test_relative_path_is_posixpath_relpath_from_the_pages_folder() -> None:
    rng = random.Random(7)
    folders = ["a", "b", "companies", "models", "p.md"]
    for _ in range(3000):
        page = "/".join([*(rng.choice(folders[:4]) for _ in range(rng.randint(0, 3))), "p.md"])
        target = "/".join([*(rng.choice(folders) for _ in range(rng.randint(0, 3))), rng.choice(["x.md", "p.md"])])
        assert relative_path(target, page) == posixpath.relpath(target, posixpath.dirname(page) or "."), (target, page)


def _entity(entity_id: str, *names: str) -> Entity:
    data = {"name": {"zh": names[0], "en": names[0]}, "aliases": {"zh": list(names[1:]), "en": list(names[1:])}}
    return Entity("companies", entity_id, data, f"{entity_id}.yaml")


def _slow_mentions(entities: list[Entity], text: str) -> list[tuple[int, int, str]]:
    """Try every name at every position: longest first, never cutting a Latin word."""
    names = sorted({(n.lower(), e.id) for e in entities for n in e.names("zh")}, key=lambda pair: -len(pair[0]))
    owners: dict[str, str] = {}
    for name, owner in sorted({(n.lower(), e.id) for e in entities for n in e.names("zh")}):
        owners.setdefault(name, owner)
    found, i, folded = [], 0, text.lower()
    while i < len(text):
        for name, _ in names:
            end = i + len(name)
            if folded[i:end] != name:
                continue
            if i and _is_word_char(text[i - 1]) and _is_word_char(text[i]):
                continue
            if end < len(text) and _is_word_char(text[end - 1]) and _is_word_char(text[end]):
                continue
            found.append((i, end, owners[name]))
            i = end - 1
            break
        i += 1
    return found


def test_mention_finder_agrees_with_trying_every_name_everywhere() -> None:
    entities = [
        _entity("meta", "Meta"),
        _entity("huawei", "华为", "Huawei"),
        _entity("huawei-cloud", "华为云", "Huawei Cloud"),
        _entity("gpt-3", "GPT-3"),
        _entity("qianwen", "通义千问", "千问"),
    ]
    finder = MentionFinder(entities, "zh")
    pieces = [
        "Meta",
        "Metaverse",
        "华为",
        "华为云",
        "Huawei Cloud",
        "GPT-3",
        "GPT-35",
        "通义千问",
        "千问",
        " ",
        "的",
        "x",
    ]
    rng = random.Random(3)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        fast = [(m.start, m.end, m.entity.id) for m in finder.all(text)]
        assert fast == _slow_mentions(entities, text), text
