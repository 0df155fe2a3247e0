"""The browser for the browser tests and benchmarks, and a throwaway local server for a built site.

Playwright drives a Chromium found on the machine (it cannot download a browser here): CHROMIUM if set, else the
first of chromium, chromium-browser and google-chrome on PATH, else one Playwright installed itself. It runs
with the flags that keep it from reaching for the network on its own.
`python -m explainer.chromium` prints the browser found, or how to get one (exit status 1).
"""

from __future__ import annotations

import functools
import gzip
import io
import os
import shutil
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Browser, Playwright, sync_playwright

ON_PATH = ("chromium", "chromium-browser", "google-chrome")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NO_BROWSER = """\
No browser for the browser tests. They drive Chromium (or Google Chrome) through Playwright and looked for, in
turn: the program named by CHROMIUM, then chromium, chromium-browser and google-chrome on PATH, then a browser
installed by Playwright; none was there. Install one and run the command again: on Debian, `sudo apt-get install
chromium`; on Ubuntu, `sudo snap install chromium` or Google Chrome; on macOS, Google Chrome, then `make test
CHROMIUM="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"`; where Playwright can download,
`.venv/bin/playwright install chromium`. Any Chromium-based browser will do: make test CHROMIUM=/path/to/it"""


class NoBrowser(RuntimeError):
    """No browser was found; the message says where it looked and how to get one."""


def _installed_by_playwright() -> Path | None:
    with sync_playwright() as playwright:
        path = Path(playwright.chromium.executable_path)
    return path if path.is_file() else None


def find_browser() -> Path:
    """The browser to drive: CHROMIUM, else chromium, chromium-browser or google-chrome on PATH, else Playwright's."""
    if named := os.environ.get("CHROMIUM"):
        if found := shutil.which(named):
            return Path(found)
        raise NoBrowser(f"CHROMIUM={named} is not a program that can be run; name a Chromium or Chrome executable")
    for name in ON_PATH:
        if found := shutil.which(name):
            return Path(found)
    if found_by_playwright := _installed_by_playwright():
        return found_by_playwright
    raise NoBrowser(NO_BROWSER)


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=str(find_browser()), args=FLAGS)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _GzipHandler(_QuietHandler):
    """Sends text gzipped to a browser that accepts it, as any real host does."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv")

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in self.COMPRESSED):
            return super().send_head()  # also redirects a folder named without its slash
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class QuietServer(ThreadingHTTPServer):
    """Says nothing when a client hangs up mid-response; any other error in a request is printed as usual."""

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that navigates on before a file is sent breaks the pipe or resets the connection: no error of the
        # site, and a traceback for it would read as a failure in a green test run.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on at the moment of asking."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve_folder(
    folder: Path, port: int = 0, compress: bool = False, handler: type[SimpleHTTPRequestHandler] | None = None
) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (any free port unless one is given); yields the base URL without a slash."""
    handler = handler or (_GzipHandler if compress else _QuietHandler)
    server = QuietServer(("127.0.0.1", port), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def main(argv: list[str]) -> int:
    """Print the browser found (nothing with --quiet), or how to get one, with exit status 1."""
    try:
        path = find_browser()
    except NoBrowser as missing:
        if "--quiet" not in argv:
            print(missing, file=sys.stderr)
        return 1
    if "--quiet" not in argv:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
