"""What `make serve` prints: one line of ours per rebuild (what changed, how long, how many problems), then the
problems themselves, instead of MkDocs' log, jieba's and the theme's notices.

MkDocs' output is read line by line: INFO lines (the pages outside the nav, "building", "reloading") and known
notices are dropped, warnings and errors are problems, and the line "Documentation built in X seconds" closes a
build. Anything else (a traceback) is passed through, since it may be the only clue to a crash.
"""

from __future__ import annotations

import re
import sys
import threading
import time
from typing import TextIO

BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
PROBLEM = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)")
LOG_LINE = re.compile(r"^(INFO|DEBUG|WARNING|ERROR)\s+-")
NOTICES = (
    "A 'dirty' build is being performed",  # `make serve` asks for it; `make site` never builds dirty
    "Building prefix dict",  # jieba loading its dictionary
    "Loading model",
    "Dumping model",
    "Prefix dict has been built",
)


class PreviewLog:
    """Turns the preview's events and MkDocs' output into our lines on `out`."""

    def __init__(self, address: str, lang: str, out: TextIO = sys.stdout):
        self.address = address
        self.lang = lang
        self.out = out
        self.lock = threading.Lock()
        self.started = True  # until the first build is done
        self.changed: list[str] = []  # what the rebuild under way was started by
        self.generate_seconds = 0.0
        self.problems: list[str] = []
        self.in_info = False  # inside an INFO record's continuation lines ("  - page.md")

    def _say(self, text: str, problems: list[str] | None = None) -> None:
        print(text, file=self.out, flush=True)
        for problem in problems or []:
            print(f"  {problem}", file=self.out, flush=True)

    def regenerated(self, changed: list[str], seconds: float, problems: list[str], pages_changed: bool) -> None:
        """The generator ran after files were saved: report now, or when MkDocs has rebuilt the pages."""
        with self.lock:
            self.changed = changed
            if problems:
                self._say(f"{self._what()}: {_count(problems)}; the preview keeps the last good pages", problems)
                self.changed = []
            elif not pages_changed:
                self._say(f"{self._what()}: no page changed ({seconds:.1f} s)")
                self.changed = []
            else:
                self.generate_seconds, self.problems = seconds, []

    def mkdocs_line(self, line: str) -> None:
        """One line of MkDocs' output."""
        line = line.rstrip("\n")
        with self.lock:
            if built := BUILT.search(line):
                self._built(float(built.group(1)))
            elif problem := PROBLEM.match(line):
                self.in_info = False
                if not problem.group(2).startswith(NOTICES):
                    self.problems.append(f"{problem.group(1).lower()}: {problem.group(2)}")
                if problem.group(1) == "ERROR":  # the build stops here: no "Documentation built" will follow
                    self._failed()
            elif LOG_LINE.match(line):
                self.in_info = True
            elif (self.in_info and line.startswith("  ")) or not line.strip() or line.startswith(NOTICES):
                pass
            else:
                self.in_info = False
                self._say(line)

    def _what(self) -> str:
        what = ", ".join(self.changed) or "MkDocs' own files"
        return f"{time.strftime('%H:%M:%S')} {what}"

    def _failed(self) -> None:
        problems, self.problems, self.changed = self.problems, [], []
        self._say(f"{self._what()}: MkDocs could not build the pages", problems)

    def _built(self, mkdocs_seconds: float) -> None:
        problems, self.problems = self.problems, []
        found = _count(problems) if problems else "no problems"
        if self.started:
            self.started = False
            self._say(
                f"serving the {self.lang} site at http://{self.address}/ (built in {mkdocs_seconds:.1f} s, {found});"
                " saving a file under seeds/ or docs/ rebuilds it; Ctrl-C stops",
                problems,
            )
            return
        total = self.generate_seconds + mkdocs_seconds
        self._say(f"{self._what()}: rebuilt in {total:.1f} s, {found}", problems)
        self.changed, self.generate_seconds = [], 0.0


def _count(problems: list[str]) -> str:
    return f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
