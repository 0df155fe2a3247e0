"""Debian's chromium for the browser tests and benchmarks, and a throwaway local server for a built site.

Playwright cannot download a browser here; it drives /usr/bin/chromium with the flags that keep it from
reaching for the network on its own.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Browser, Playwright

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright: Playwright) -> Browser:
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that navigates on before a file is sent breaks the pipe; that is no error of the site."""


@contextmanager
def serve_folder(folder: Path, port: int = 0) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (any free port unless one is given); yields the base URL without a slash."""
    server = _QuietServer(("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
