"""`make check` guarantees the build: every value a schema allows has the words the pages need.

The property test draws changes to the schemas and the strings table, and values the changed
schemas allow in the fact files: whenever the check passes, both languages render.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from examples import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schema_world import Change, changed_schemas, schema_changes, use_allowed_values

from explainer.__main__ import main
from explainer.factbase.labels import label_problems
from explainer.generate import EDIT_BASE
from explainer.inputs import load_inputs
from explainer.problems import InputError
from explainer.registry import CODES
from explainer.render import site
from explainer.render.site import render_site

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_every_allowed_value_relation_and_type_has_its_words_in_every_language() -> None:
    assert label_problems() == []


def _new_company_kind(documents: dict[str, Any], table: dict[str, Any]) -> None:
    documents["companies.json"]["properties"]["kind"]["enum"].append("venture-fund")


def test_an_allowed_value_without_its_label_is_refused_at_the_schema_line(
    minimal_facts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    acme = minimal_facts / "companies" / "acme.yaml"
    acme.write_text(acme.read_text(encoding="utf-8").replace("kind: company", "kind: venture-fund"), encoding="utf-8")
    with changed_schemas(tmp_path, _new_company_kind) as (schemas, _):
        assert main(["check", "--facts", str(minimal_facts)]) == 1
        lines = (schemas / "companies.json").read_text(encoding="utf-8").splitlines()
    where = next(n for n, line in enumerate(lines, 1) if '"venture-fund"' in line)
    col = lines[where - 1].index('"venture-fund"') + 1
    errors = capsys.readouterr().err.splitlines()
    assert errors[0] == (
        f"{schemas / 'companies.json'}:{where}:{col}: error: the allowed value 'venture-fund' has no label in zh and en"
        f" (add to {tmp_path / 'strings.yaml'}: kind.venture-fund: {{zh: …, en: …}})"
    )
    assert len(errors) == 2 and "Traceback" not in "\n".join(errors)


def _drop(key: str) -> Change:
    def change(documents: dict[str, Any], table: dict[str, Any]) -> None:
        del table[key]

    return change


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("rel.developers.company.in", "the relation 'developers.company' has no heading (in) in zh and en"),
        ("type.people.one", "the type 'people' has no name 'type.people.one' in zh and en"),
        ("category.policy", "the allowed value 'policy' has no label in zh and en"),
    ],
)
def test_a_missing_heading_or_type_name_is_refused(
    key: str, message: str, minimal_facts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with changed_schemas(tmp_path, _drop(key)):
        assert main(["check", "--facts", str(minimal_facts)]) == 1
    errors = capsys.readouterr().err
    assert f"error: {message} (add to " in errors, errors


def test_an_enum_without_x_label_is_refused(
    minimal_facts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def change(documents: dict[str, Any], table: dict[str, Any]) -> None:
        del documents["quotes.json"]["properties"]["stance"]["x-label"]

    with changed_schemas(tmp_path, change) as (schemas, _):
        assert main(["check", "--facts", str(minimal_facts)]) == 1
    errors = capsys.readouterr().err
    assert f"{schemas / 'quotes.json'}:" in errors and "say nothing of how pages show them" in errors


def test_a_schema_that_names_a_language_is_refused_where_it_does(
    minimal_facts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Languages are the registry's: a schema that spells them would miss the next one."""

    def change(documents: dict[str, Any], table: dict[str, Any]) -> None:
        text = {"type": "string"}
        documents["people.json"]["properties"]["name"] = {"type": "object", "properties": {"zh": text, "en": text}}

    with changed_schemas(tmp_path, change) as (schemas, _):
        assert main(["check", "--facts", str(minimal_facts)]) == 1
    errors = capsys.readouterr().err
    for code in ("zh", "en"):
        assert re.search(
            rf"{re.escape(str(schemas / 'people.json'))}:\d+:\d+: error: the schema names the language '{code}'", errors
        ), errors
    assert "Traceback" not in errors


def test_a_page_that_fails_to_render_names_the_page_and_its_fact_file(monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = load_inputs(FIXTURES / "minimal")
    real_entity = site.SiteRenderer.entity

    def failing(self: site.SiteRenderer, entity: Any) -> str:
        if entity.id == "acme":
            raise KeyError("kind.something-new")
        return real_entity(self, entity)

    monkeypatch.setattr(site.SiteRenderer, "entity", failing)
    with pytest.raises(InputError) as caught:
        render_site(inputs, EDIT_BASE)
    problems = [str(p) for p in caught.value.problems]
    assert problems == [
        f"tests/fixtures/minimal/companies/acme.yaml:1:1: error: cannot render the {lang} page companies/acme.md: "
        "KeyError: 'kind.something-new' (`make check` let this through: please report it)"
        for lang in sorted(CODES)
    ]


@settings(
    max_examples=examples(full=40, quick=10),
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
@given(changes=st.lists(schema_changes(), min_size=1, max_size=3), picks=st.lists(st.integers(0, 99), min_size=5))
def test_what_the_check_accepts_renders_in_both_languages(
    changes: list[Change], picks: list[int], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("world")
    facts = folder / "facts"
    shutil.copytree(FIXTURES / "minimal", facts)
    order = iter(picks * 2)

    def combined(documents: dict[str, Any], table: dict[str, Any]) -> None:
        for change in changes:
            change(documents, table)

    with changed_schemas(folder, combined):
        try:
            use_allowed_values(facts, lambda allowed: allowed[next(order) % len(allowed)])
            inputs = load_inputs(facts)
        except InputError as refused:
            assert all(p.line >= 1 and p.col >= 1 and p.message for p in refused.problems)
            return
        pages = render_site(inputs, EDIT_BASE)  # must not raise: the check let these schemas through
    shown = json.dumps(pages, ensure_ascii=False)
    assert "kind." not in shown.replace("data.kind.", "")  # no label key shown raw in place of its words
