"""Shared fixtures: the real inputs, a copy of the minimal fact base, and one built site per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(autouse=True)
def _run_from_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths in messages and configs are relative to the repository, as when `make` runs them."""
    monkeypatch.chdir(ROOT)


@pytest.fixture
def minimal_facts(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/minimal, a small valid fact base."""
    target = tmp_path / "facts"
    shutil.copytree(FIXTURES / "minimal", target)
    return target
