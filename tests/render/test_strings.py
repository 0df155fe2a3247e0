"""The strings table gives every key exactly a Chinese and an English text (a stray comma in YAML flow style
would otherwise split an entry silently)."""

from __future__ import annotations

from pathlib import Path

from explainer.factbase.yamlfile import read_yaml

STRINGS = Path("scripts/explainer/templates/strings.yaml")


def test_every_string_has_exactly_zh_and_en() -> None:
    data = read_yaml(STRINGS, str(STRINGS)).data
    assert data
    malformed = {key: sorted(value) for key, value in data.items() if set(value) != {"zh", "en"}}
    assert malformed == {}
    assert all(isinstance(text, str) and text.strip() for value in data.values() for text in value.values())
