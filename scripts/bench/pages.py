"""Page weight and Lighthouse scores of four kinds of page, measured in Debian's chromium.

Weight: every response a first visit loads (empty cache), raw and gzipped. The site is served gzipped, as any
real host serves text, so Lighthouse judges the transfer a reader would see. Lighthouse: the npm package
(installed on demand into build/tools by `make bench-pages`) run against Debian's chromium, so nothing is
downloaded at run time; performance as the median of five runs, for a phone (the default), and one run for a desktop.
The script time is Lighthouse's (bootup-time: the CPU time of every script, on its phone's four-times slowed CPU).
Usage: PYTHONPATH=scripts python -m bench.pages SITE_DIR [--pages verdict home …]
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from explainer.chromium import FLAGS, find_browser, launch, serve_folder
from explainer.registry import LANGUAGES

LIGHTHOUSE = Path("build/tools/node_modules/.bin/lighthouse")
PAGES = {
    "home": "",
    "entity": "companies/sensetime/",
    "timeline": "timeline/",
    "timeline 2023": "timeline/2023/",  # the busiest year's page
    "article": "article/",
    "verdict": "verdict/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RUNS = 5


def page_weight(url: str) -> tuple[int, int, int]:
    """(requests, raw bytes, gzipped bytes) of a first visit, waiting for the network to go quiet."""
    bodies: list[bytes] = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        page.on("response", lambda r: bodies.append(r.body() if r.status == 200 else b""))
        page.goto(url, wait_until="networkidle")
        browser.close()
    return len(bodies), sum(map(len, bodies)), sum(len(gzip.compress(b, 6)) for b in bodies)


def lighthouse(url: str, *preset: str) -> dict[str, int]:
    """Scores out of 100, and the scripts' CPU time in ms ("script"); Lighthouse's default is a mid-range phone on a
    slow 4G network."""
    flags = "--headless=new " + " ".join(FLAGS)
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                f"--chrome-path={find_browser()}",
                f"--chrome-flags={flags}",
                "--only-categories=" + ",".join(CATEGORIES),
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                *preset,
            ],
            check=True,
        )
        result = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(100 * result["categories"][name]["score"]) for name in CATEGORIES}
    return scores | {"script": round(result["audits"]["bootup-time"]["numericValue"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--pages", nargs="+", choices=list(PAGES), default=list(PAGES), help="the pages to measure")
    args = parser.parse_args()
    with serve_folder(args.site, compress=True) as base:
        report(base + "/", args.pages)


def report(base: str, pages: list[str]) -> None:
    print(
        "| page | requests | bytes (raw) | bytes (gzip) | performance (phone) | script (phone, ms) "
        "| performance (desktop) | accessibility | best practices | SEO |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for language in LANGUAGES:
        lang, prefix = language.code, language.prefix
        for kind in pages:
            url = base + prefix + PAGES[kind]
            requests, raw, packed = page_weight(url)
            # Performance varies from run to run on two shared cores: the median of five runs is reported.
            runs = [lighthouse(url) for _ in range(RUNS)]
            scores = runs[0]
            phone = statistics.median(run["performance"] for run in runs)
            script = statistics.median(run["script"] for run in runs)
            desktop = lighthouse(url, "--preset=desktop")["performance"]  # one run: the phone is the target
            print(
                f"| {kind} ({lang}) | {requests} | {raw / 1024:.0f} KiB | {packed / 1024:.0f} KiB "
                f"| {phone:.0f} | {script:.0f} | {desktop:.0f} | "
                + " | ".join(str(scores[c]) for c in CATEGORIES[1:])
                + " |",
                flush=True,
            )


if __name__ == "__main__":
    main()
