"""A derived language's texts are converted from its written language's, except where a fact or the strings table
gives its own, which wins there and nowhere else."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.__main__ import main
from explainer.generate import EDIT_BASE
from explainer.inputs import load_inputs
from explainer.registry import LANGUAGES
from explainer.render.site import render_site

DERIVED = [language for language in LANGUAGES if not language.is_written]
ACME = "companies/acme.md"


@pytest.mark.parametrize("language", DERIVED, ids=lambda language: language.code)
def test_texts_are_converted_and_a_facts_own_text_wins(minimal_facts: Path, language: object) -> None:
    code = language.code  # type: ignore[attr-defined]
    pages = render_site(load_inputs(minimal_facts), EDIT_BASE)
    assert "# 阿克米科技" in pages["zh"][ACME]
    assert "一家虛構的公司,只用於測試。" in pages[code][ACME]  # converted, not typed
    assert "虚构" not in pages[code][ACME]

    acme = minimal_facts / "companies" / "acme.yaml"
    acme.write_text(
        acme.read_text(encoding="utf-8").replace(
            "  en: Acme Technology\n", f"  en: Acme Technology\n  {code}: 艾克美科技\n"
        )
    )
    pages = render_site(load_inputs(minimal_facts), EDIT_BASE)
    assert "# 艾克美科技" in pages[code][ACME]
    assert "艾克美" not in pages["zh"][ACME] and "艾克美" not in pages["en"][ACME]  # not an "other name" there


def test_a_misspelt_language_in_a_fact_is_named_where_it_is(
    minimal_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    acme = minimal_facts / "companies" / "acme.yaml"
    acme.write_text(
        acme.read_text(encoding="utf-8").replace(
            "  en: Acme Technology\n", "  en: Acme Technology\n  zh-hant: 艾克美\n"
        )
    )
    assert main(["check", "--facts", str(minimal_facts)]) == 1
    errors = capsys.readouterr().err
    assert f"{acme}:5:3: error: unknown field 'zh-hant' (did you mean 'zh-Hant'?)" in errors, errors
