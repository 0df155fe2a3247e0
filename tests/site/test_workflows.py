"""The GitHub workflows: valid against GitHub's own workflow schema, no zizmor finding at medium or above, every
action pinned to a commit with its tag beside it, and every job limited in time and permissions."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

WORKFLOWS = sorted(Path(".github/workflows").glob("*.yml"))
TOOLS = Path(sys.executable).parent  # check-jsonschema and zizmor are pinned in requirements.txt
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+)*\s*$")


def _run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, timeout=120)


def test_there_is_a_pull_request_workflow_and_a_pages_deploy() -> None:
    names = {p.name for p in WORKFLOWS}
    assert {"ci.yml", "pages.yml"} <= names
    pages = Path(".github/workflows/pages.yml").read_text(encoding="utf-8")
    assert "actions/upload-pages-artifact@" in pages and "actions/deploy-pages@" in pages


def test_workflows_follow_githubs_workflow_schema() -> None:
    result = _run(TOOLS / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_at_medium_or_above() -> None:
    result = _run(TOOLS / "zizmor", "--offline", "--min-severity", "medium", ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_tag_in_a_comment(workflow: Path) -> None:
    uses = [line for line in workflow.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert uses
    assert [line for line in uses if not PINNED.match(line)] == []


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_job_has_a_timeout_and_its_own_permissions(workflow: Path) -> None:
    spec = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    assert spec["permissions"] == {}, "nothing is granted to the workflow as a whole"
    for name, job in spec["jobs"].items():
        assert job.get("timeout-minutes"), name
        assert "permissions" in job, name
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name
