"""Shared fixtures: the real inputs, a copy of the minimal fact base, and one built site per test session."""

from __future__ import annotations

import functools
import shutil
import socket
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from explainer.build import build_site

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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def site_port() -> int:
    return _free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """The real site, built once per session with `make site`'s code, for the address the tests serve it at."""
    site = tmp_path_factory.mktemp("built") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        build_site(ROOT / "seeds" / "facts", site, site_url=f"http://127.0.0.1:{site_port}/")
    return site


@pytest.fixture(scope="session")
def served_site(built_site: Path, site_port: int) -> Iterator[str]:
    """The built site served on 127.0.0.1 by a throwaway HTTP server."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = QuietServer(("127.0.0.1", site_port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{site_port}"
    server.shutdown()
    server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that navigates on before a file is sent breaks the pipe; that is not a test failure."""
