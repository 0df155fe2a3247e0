"""Save-to-page benchmark under `make serve`: our part of the wait, against MkDocs' own floor.

In a copy of the project (never the working tree), starts the live preview of the site's root language and, in
alternating rounds:
  (a) saves a fact file (a marker at the end of a company's summary, which only the company's page shows: the
      companies index lists names, kinds, tickers and models) and waits until the page serves the marker;
  (b) saves the generated Markdown of the company's page directly (the floor: what MkDocs alone takes to show a
      changed file it serves) and waits until the page serves the marker.
Pages are polled every 50 ms. Prints the medians of ROUNDS rounds each and their difference (the goal: ≤ 0.3 s).
Usage: PYTHONPATH=scripts python -m bench.incremental
"""

from __future__ import annotations

import os
import signal
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from explainer.chromium import free_port
from explainer.registry import DOCS_OUT, ROOT
from explainer.serve import start_preview
from explainer.workcopy import copy_project

FACT = Path("seeds/facts/companies/sensetime.yaml")
MARKDOWN = DOCS_OUT / ROOT.code / "companies" / "sensetime.md"
PAGE = "/companies/sensetime/"
ROUNDS = 9
POLL_SECONDS = 0.05
SETTLE_SECONDS = 1.5  # after each round, so that the next starts from an idle preview


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait_for(urls: list[str], text: str, limit: float, started: float) -> float:
    """Seconds from `started` until every url serves text (polling), or exit after limit."""
    waiting = list(urls)
    while time.perf_counter() - started < limit:
        waiting = [url for url in waiting if text not in _fetch(url)]
        if not waiting:
            return time.perf_counter() - started
        time.sleep(POLL_SECONDS)
    sys.exit(f"{waiting} did not show {text!r} within {limit} s")


def _with_marker(original: str, marker: str) -> str:
    """The fact file with the marker at the end of its Chinese summary (a one-line, double-quoted `zh:`)."""
    lines = original.splitlines(keepends=True)
    start = lines.index("summary:\n")
    for i in range(start + 1, len(lines)):
        line = lines[i].rstrip("\n")
        if line.lstrip().startswith(f'{ROOT.code}: "') and line.endswith('"'):
            lines[i] = line[:-1] + marker + '"\n'
            return "".join(lines)
    sys.exit(f"{FACT} has no one-line summary to change")


def _round(project: Path, base: str, which: str, n: int) -> float:
    marker = f"测量{which}{n}"
    time.sleep(SETTLE_SECONDS)
    if which == "a":
        fact = project / FACT
        changed = _with_marker(fact.read_text(encoding="utf-8"), marker)
        saved = time.perf_counter()
        fact.write_text(changed, encoding="utf-8")
        return _wait_for([base + PAGE], marker, 60, saved)
    markdown = project / MARKDOWN
    changed = markdown.read_text(encoding="utf-8") + f"\n{marker}\n"
    saved = time.perf_counter()
    markdown.write_text(changed, encoding="utf-8")
    return _wait_for([base + PAGE], marker, 60, saved)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_preview(Path("seeds/facts"), ROOT.code, port, cwd=project)
        times: dict[str, list[float]] = {"a": [], "b": []}
        try:
            _wait_for([base + PAGE], "</html>", 180, time.perf_counter())
            for n in range(ROUNDS):
                for which in ("a", "b"):
                    times[which].append(_round(project, base, which, n))
        finally:
            os.killpg(server.pid, signal.SIGTERM)  # the preview and the MkDocs server it started
            server.wait(timeout=30)
    a, b = statistics.median(times["a"]), statistics.median(times["b"])
    print("| save | rounds | median | fastest | slowest |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for which, what in (("a", f"(a) a fact file, {FACT}"), ("b", "(b) its page's Markdown: page")):
        t = times[which]
        print(f"| {what} | {ROUNDS} | {statistics.median(t):.2f} s | {min(t):.2f} s | {max(t):.2f} s |")
    print(f"\n(a) − (b), our part of the wait: {a - b:.2f} s (goal ≤ 0.30 s)")


if __name__ == "__main__":
    main()
