"""The fields behind the models comparison and the timeline's headlines, checked across files and schemas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from schema_world import changed_schemas

from explainer.__main__ import main

HEADLINE = """name: {{zh: 事件{n}, en: Event {n}}}
date: '2023-0{n}-01'
category: launch
involves: [acme]
headline:
  why: {{zh: 因为重要, en: Because it mattered}}
  sources: [p2]
sources: [p2]
"""


def test_a_second_headline_in_a_year_is_refused_where_it_stands(
    minimal_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in (5, 6):
        (minimal_facts / "events" / f"2023-0{n}-01-event.yaml").write_text(HEADLINE.format(n=n), encoding="utf-8")
    assert main(["check", "--facts", str(minimal_facts)]) == 1
    errors = capsys.readouterr().err.splitlines()
    second = minimal_facts / "events" / "2023-06-01-event.yaml"
    assert errors[0] == (
        f"{second}:6:3: error: 2023 already has its headline event, '2023-05-01-event' (keep one headline a year)"
    )
    assert len(errors) == 2  # the problem, and the count


def test_headlines_in_different_years_pass(minimal_facts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (minimal_facts / "events" / "2023-05-01-event.yaml").write_text(HEADLINE.format(n=5), encoding="utf-8")
    later = HEADLINE.format(n=5).replace("'2023-05-01'", "'2024-05-01'")
    (minimal_facts / "events" / "2024-05-01-event.yaml").write_text(later, encoding="utf-8")
    assert main(["check", "--facts", str(minimal_facts)]) == 0


def _new_model_kind(documents: dict[str, Any], table: dict[str, Any]) -> None:
    documents["models.json"]["properties"]["kind"]["enum"].append("robot")
    table["kind.robot"] = {"zh": "机器人", "en": "Robot"}


def test_a_kind_in_no_group_is_refused_at_the_schema_line(
    minimal_facts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The index files every kind under one of its groups: a new kind must say which, or it would vanish."""
    with changed_schemas(tmp_path, _new_model_kind) as (schemas, _):
        assert main(["check", "--facts", str(minimal_facts)]) == 1
        lines = (schemas / "models.json").read_text(encoding="utf-8").splitlines()
    where = next(n for n, line in enumerate(lines, 1) if '"robot"' in line)
    errors = capsys.readouterr().err.splitlines()
    assert errors[0].startswith(f"{schemas / 'models.json'}:{where}:")
    assert errors[0].endswith("error: the allowed value 'robot' is in no group of x-groups (add it to one)")


def _unnamed_group(documents: dict[str, Any], table: dict[str, Any]) -> None:
    kind = documents["models.json"]["properties"]["kind"]
    kind["x-groups"]["robots"] = [kind["x-groups"]["hardware"].pop()]


def test_a_group_without_its_name_is_refused(
    minimal_facts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with changed_schemas(tmp_path, _unnamed_group):
        assert main(["check", "--facts", str(minimal_facts)]) == 1
    errors = capsys.readouterr().err
    assert "error: the group 'robots' has no name in zh and en (add to " in errors
    assert "group.robots: {zh: …, en: …}" in errors
