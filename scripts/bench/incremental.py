"""Incremental benchmark: seconds from saving one fact file to the updated page under `make serve`.

Starts the live preview of the Chinese site, then five times changes the Chinese summary of one company
(a marker at its end), and polls the page every 50 ms until the marker is served. The file is restored
byte for byte at the end, whatever happens.
Usage: PYTHONPATH=scripts python -m bench.incremental
"""

from __future__ import annotations

import os
import signal
import statistics
import sys
import time
import urllib.request
from pathlib import Path

from explainer.chromium import free_port
from explainer.serve import start_preview

FACT = Path("seeds/facts/companies/sensetime.yaml")
PAGE = "/companies/sensetime/"
ROUNDS = 5
POLL_SECONDS = 0.05


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, limit: float, started: float) -> float:
    """Seconds from `started` until the page at url contains text (polling), or exit after limit."""
    while time.perf_counter() - started < limit:
        if text in _fetch(url):
            return time.perf_counter() - started
        time.sleep(POLL_SECONDS)
    sys.exit(f"{url} did not show {text!r} within {limit} s")


def _with_marker(original: str, marker: str) -> str:
    """The fact file with the marker at the end of its Chinese summary (a one-line, double-quoted `zh:`)."""
    lines = original.splitlines(keepends=True)
    start = lines.index("summary:\n")
    for i in range(start + 1, len(lines)):
        line = lines[i].rstrip("\n")
        if line.lstrip().startswith('zh: "') and line.endswith('"'):
            lines[i] = line[:-1] + marker + '"\n'
            return "".join(lines)
    sys.exit(f"{FACT} has no one-line Chinese summary to change")


def main() -> None:
    original = FACT.read_text(encoding="utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_preview(Path("seeds/facts"), "zh", port)
    timings = []
    try:
        _wait_for(base + PAGE, "</html>", 120, time.perf_counter())
        for round_ in range(ROUNDS):
            marker = f"测量标记{round_}"
            time.sleep(1.5)  # let the previous round's rebuild settle
            saved = time.perf_counter()
            FACT.write_text(_with_marker(original, marker), encoding="utf-8")
            timings.append(_wait_for(base + PAGE, marker, 30, saved))
    finally:
        FACT.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGTERM)  # the preview and the MkDocs server it started
        server.wait(timeout=30)
    print("| change | rounds | median | fastest | slowest |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(
        f"| Chinese summary of {FACT} | {ROUNDS} | {statistics.median(timings):.2f} s "
        f"| {min(timings):.2f} s | {max(timings):.2f} s |"
    )


if __name__ == "__main__":
    main()
