"""Shared fixtures: the real inputs, a copy of the minimal fact base, and one built site per test session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler
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


SUB_PATH = "/baimo/"  # the site is built and served under a sub-path, as GitHub Pages serves a project site


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site_url(site_port: int) -> str:
    """The address the real site is built for and served at: http://127.0.0.1:PORT/baimo/."""
    return f"http://127.0.0.1:{site_port}{SUB_PATH}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_url: str) -> Path:
    """The real site, built once per session with `make site`'s code for site_url, into a host folder's baimo/."""
    host = tmp_path_factory.mktemp("host")
    site = host / SUB_PATH.strip("/")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)  # never into build/docs, the folder `make serve` uses
        build_site(ROOT / "seeds" / "facts", site, site_url=site_url, docs_out=tmp_path_factory.mktemp("docs"))
    return site


class PagesHandler(SimpleHTTPRequestHandler):
    """Serves the host folder, and the site's own 404.html (status 404) for anything missing, as GitHub Pages does."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / SUB_PATH.strip("/") / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def served_site(built_site: Path, site_port: int) -> Iterator[str]:
    """The built site served under its sub-path on 127.0.0.1; yields its address without the final slash."""
    with serve_folder(built_site.parent, port=site_port, handler=PagesHandler) as base:
        yield base + SUB_PATH.rstrip("/")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's chromium, driven by Playwright, shared by the browser tests."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()
