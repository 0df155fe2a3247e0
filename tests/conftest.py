"""Shared fixtures: the real inputs, a copy of the minimal fact base, and one built site per test session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from explainer.build import build_site
from explainer.chromium import free_port, launch, serve_folder

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


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """The real site, built once per session with `make site`'s code, for the address the tests serve it at."""
    built = tmp_path_factory.mktemp("built")
    site = built / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)  # never into build/docs, the folder `make serve` uses
        build_site(ROOT / "seeds" / "facts", site, site_url=f"http://127.0.0.1:{site_port}/", docs_out=built / "docs")
    return site


@pytest.fixture(scope="session")
def served_site(built_site: Path, site_port: int) -> Iterator[str]:
    """The built site served on 127.0.0.1 by a throwaway HTTP server."""
    with serve_folder(built_site, site_port) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's chromium, driven by Playwright, shared by the browser tests."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()
