"""The strings table gives every key a text in each written language and nothing but the site's languages (a stray
comma in YAML flow style would otherwise split an entry silently)."""

from __future__ import annotations

from pathlib import Path

from explainer.factbase.yamlfile import read_yaml
from explainer.registry import CODES, WRITTEN

STRINGS = Path("scripts/explainer/templates/strings.yaml")


def test_every_string_has_a_text_in_each_written_language_and_no_other_key() -> None:
    data = read_yaml(STRINGS, str(STRINGS)).data
    assert data
    malformed = {key: sorted(value) for key, value in data.items() if not set(WRITTEN) <= set(value) <= set(CODES)}
    assert malformed == {}
    assert all(isinstance(text, str) and text.strip() for value in data.values() for text in value.values())
