"""Each validation rule has a broken fixture; the validator names its file, line, column and problem.

A fixture's first lines say where it goes in a copy of the minimal fact base and what must be
reported: `# place: companies/broken.yaml` and `# expect: LINE:COL message`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.__main__ import main
from explainer.factbase import schema as schema_module

ROOT = Path(__file__).resolve().parents[2]
BROKEN = ROOT / "tests" / "fixtures" / "broken"
CASES = sorted(BROKEN.glob("*.yaml"))


def _header(path: Path) -> tuple[str, int, int, str]:
    head = path.read_bytes().split(b"\n")[:2]
    place = re.fullmatch(rb"# place: (\S+)", head[0]).group(1).decode()
    line, col, message = re.fullmatch(rb"# expect: (\d+):(\d+) (.+)", head[1]).groups()
    return place, int(line), int(col), message.decode()


@pytest.mark.parametrize("fixture", CASES, ids=[c.stem for c in CASES])
def test_broken_fixture_is_reported_with_file_line_and_column(
    fixture: Path, minimal_facts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    place, line, col, message = _header(fixture)
    target = minimal_facts / place
    target.parent.mkdir(exist_ok=True)  # a type the minimal fact base has no file of (the verdict's)
    shutil.copyfile(fixture, target)

    assert main(["check", "--facts", str(minimal_facts)]) == 1

    errors = capsys.readouterr().err.splitlines()
    expected_prefix = f"{target}:{line}:{col}: error: "
    matching = [e for e in errors if e.startswith(expected_prefix) and message in e]
    assert matching, f"wanted {expected_prefix}…{message}… in:\n" + "\n".join(errors)
    assert "Traceback" not in "\n".join(errors)


def test_minimal_fact_base_passes(minimal_facts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--facts", str(minimal_facts)]) == 0
    assert "ok" in capsys.readouterr().out


def test_every_problem_is_reported_at_once(minimal_facts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("unknown-field", "impossible-date", "dangling-reference"):
        place, *_ = _header(BROKEN / f"{name}.yaml")
        target = minimal_facts / place.replace("broken", name)
        shutil.copyfile(BROKEN / f"{name}.yaml", target)

    assert main(["check", "--facts", str(minimal_facts)]) == 1

    errors = capsys.readouterr().err
    assert "unknown field 'knd'" in errors
    assert "not a date on the calendar" in errors
    assert "unknown id 'acmee'" in errors
    assert "3 problem(s); nothing was written." in errors


def test_annotations_use_the_github_workflow_format(minimal_facts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copyfile(BROKEN / "unknown-field.yaml", minimal_facts / "companies" / "broken.yaml")

    assert main(["--annotations", "check", "--facts", str(minimal_facts)]) == 1

    out = capsys.readouterr().out
    assert f"::error file={minimal_facts}/companies/broken.yaml,line=4,col=1::unknown field 'knd'" in out


def test_a_stray_file_in_the_fact_base_is_reported(minimal_facts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (minimal_facts / "companies" / "notes.yml").write_text("name: x\n")
    (minimal_facts / "things").mkdir()

    assert main(["check", "--facts", str(minimal_facts)]) == 1

    errors = capsys.readouterr().err
    assert "notes.yml:1:1: error: not a fact file (rename it to .yaml)" in errors
    assert "things:1:1: error: not a type folder" in errors


@pytest.mark.parametrize(("content", "where"), [(b"---\n#", "2:2"), (b"---", "1:4"), (b"--- \n\n# x", "3:4")])
def test_a_document_with_no_mapping_is_reported_inside_the_file(
    minimal_facts: Path, capsys: pytest.CaptureFixture[str], content: bytes, where: str
) -> None:
    """libyaml places an empty document after its last line when the file does not end with a newline."""
    (minimal_facts / "companies" / "acme.yaml").write_bytes(content)

    assert main(["check", "--facts", str(minimal_facts)]) == 1

    errors = capsys.readouterr().err
    assert f"acme.yaml:{where}: error: the file must hold a mapping of fields (key: value)" in errors


def test_an_empty_text_is_reported_once(minimal_facts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    acme = minimal_facts / "companies" / "acme.yaml"
    acme.write_text(acme.read_text(encoding="utf-8").replace("  en: Acme Technology", '  en: ""'), encoding="utf-8")
    assert main(["check", "--facts", str(minimal_facts)]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert errors == [f"{acme}:4:7: error: must not be empty", "1 problem(s); nothing was written."]


def test_paths_are_shown_from_the_repository_whatever_the_working_directory(tmp_path: Path) -> None:
    """`make check` run from elsewhere still names seeds/facts/...; a fact base outside the repository is shown as
    it was given."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    inside = subprocess.run(
        [sys.executable, "-m", "explainer", "check"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert inside.returncode == 0 and inside.stdout.startswith("seeds/facts: ok ("), inside.stdout + inside.stderr
    outside = tmp_path / "facts"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", outside)
    (outside / "companies" / "acme.yaml").write_text("name: [", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "explainer", "check", "--facts", "facts"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1 and run.stderr.startswith("facts/companies/acme.yaml:1:"), run.stderr


def test_a_schema_that_is_not_json_is_named_at_its_line_and_column(
    minimal_facts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    schemas = tmp_path / "schemas"
    shutil.copytree(schema_module.SCHEMA_DIR, schemas)
    broken = schemas / "judgements.json"
    broken.write_text(broken.read_text(encoding="utf-8").replace('"rests_on"', '"rests_on",,', 1), encoding="utf-8")
    monkeypatch.setattr(schema_module, "SCHEMA_DIR", schemas)
    assert main(["check", "--facts", str(minimal_facts)]) == 1
    err = capsys.readouterr().err
    assert re.search(r"judgements\.json:\d+:\d+: error: not valid JSON", err), err
    assert "Traceback" not in err
