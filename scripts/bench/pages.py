"""Page weight and Lighthouse scores of four kinds of page, measured in Debian's chromium.

Weight: every response a first visit loads (empty cache), counted as its gzip size, since any real host
compresses text; the local test server here does not. Lighthouse: the npm package (installed on demand into
build/tools by `make bench-pages`) run against Debian's chromium, so nothing is downloaded at run time.
Usage: PYTHONPATH=scripts python -m bench.pages SITE_DIR
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import subprocess
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LIGHTHOUSE = Path("build/tools/node_modules/.bin/lighthouse")
PAGES = {"home": "", "entity": "companies/sensetime/", "timeline": "timeline/", "article": "article/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def page_weight(url: str) -> tuple[int, int, int]:
    """(requests, raw bytes, gzipped bytes) of a first visit, waiting for the network to go quiet."""
    bodies: list[bytes] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.on("response", lambda r: bodies.append(r.body() if r.status == 200 else b""))
        page.goto(url, wait_until="networkidle")
        browser.close()
    return len(bodies), sum(map(len, bodies)), sum(len(gzip.compress(b, 6)) for b in bodies)


def lighthouse(url: str) -> dict[str, int]:
    flags = "--headless=new " + " ".join(FLAGS)
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                f"--chrome-path={CHROMIUM}",
                f"--chrome-flags={flags}",
                "--only-categories=" + ",".join(CATEGORIES),
                "--output=json",
                f"--output-path={report}",
                "--quiet",
            ],
            check=True,
        )
        categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: round(100 * categories[name]["score"]) for name in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print("| page | requests | bytes (raw) | bytes (gzip) | performance | accessibility | best practices | SEO |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for lang, prefix in (("zh", ""), ("en", "en/")):
        for kind, path in PAGES.items():
            url = base + prefix + path
            requests, raw, packed = page_weight(url)
            scores = lighthouse(url)
            print(
                f"| {kind} ({lang}) | {requests} | {raw / 1024:.0f} KiB | {packed / 1024:.0f} KiB | "
                + " | ".join(str(scores[c]) for c in CATEGORIES)
                + " |",
                flush=True,
            )
    server.shutdown()


if __name__ == "__main__":
    main()
