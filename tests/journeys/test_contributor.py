"""A contributor's first minutes: `make serve` on a copy of the project, then saves, broken ones included.

The real command, in a temporary copy of the project (never the working tree), the served pages read over HTTP.
Time limits are generous: this is about whether a save reaches the page, not how fast (that is `make bench`).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from explainer.chromium import free_port
from explainer.registry import LANGUAGES, ROOT, base
from explainer.workcopy import copy_project

PROJECT = Path(__file__).resolve().parents[2]
FACT = Path("seeds/facts/companies/sensetime.yaml")
TEMPLATE = Path("scripts/explainer/templates/entity.md.j2")
START_SECONDS = 240  # the first build of a language, on a slow shared machine
SAVE_SECONDS = 90

pytestmark = pytest.mark.journey


@dataclass
class Preview:
    """`make serve` running in a copy of the project."""

    project: Path
    base: str  # the address of the page the journey watches
    log: Path
    process: subprocess.Popen[bytes]

    def page(self) -> str:
        try:
            with urllib.request.urlopen(self.base, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            return ""

    def wait_until(self, what: str, done: Callable[[], bool], seconds: float = SAVE_SECONDS) -> None:
        deadline = time.monotonic() + seconds
        while not done():
            if self.process.poll() is not None:
                pytest.fail(
                    f"make serve stopped (status {self.process.returncode}) waiting for {what}:\n{self.output()}"
                )
            if time.monotonic() > deadline:
                pytest.fail(f"no {what} within {seconds} s; the preview printed:\n{self.output()}")
            time.sleep(0.25)

    def shows(self, text: str) -> None:
        self.wait_until(f"page showing {text!r}", lambda: text in self.page())

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def save(self, path: Path, change: Callable[[str], str]) -> None:
        file = self.project / path
        file.write_text(change(file.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("project"))


@contextlib.contextmanager
def preview(project: Path, lang: str) -> Iterator[Preview]:
    """`make serve` for one language, as a contributor starts it, with the project's own .venv."""
    port = free_port()
    language = next(language for language in LANGUAGES if language.code == lang)
    log = project / f"serve-{lang}.log"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = ["make", "serve", f"PORT={port}", f"LANG_PREVIEW={lang}", f"VENV={PROJECT / '.venv'}"]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    running = Preview(project, f"http://127.0.0.1:{port}/{language.prefix}companies/sensetime/", log, process)
    try:
        running.wait_until("first build", lambda: "</html>" in running.page(), START_SECONDS)
        yield running
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def _summary_ending(lang: str, marker: str) -> Callable[[str], str]:
    """A change to the fact file: the marker at the end of its one-line summary in `lang`."""

    def change(text: str) -> str:
        pattern = re.compile(rf'^(summary:\n(?:  .*\n)*?  {lang}: ".*?)(?:MARK\w+)?"$', re.M)
        changed, count = pattern.subn(lambda m: f'{m.group(1)}{marker}"', text, count=1)
        assert count == 1, f"no one-line {lang} summary in {FACT}"
        return changed

    return change


def test_saves_broken_saves_and_template_edits_all_reach_the_page(project: Path) -> None:
    lang = ROOT.code
    with preview(project, lang) as served:
        for round_ in range(2):  # any number of saves, not only the first
            served.save(FACT, _summary_ending(lang, f"MARK{round_}"))
            served.shows(f"MARK{round_}")

        # A contributor's mistake: a misspelt field. The log names the file and line; the last good page stays.
        served.save(FACT, lambda text: text.replace("founded:", "foundd:", 1))
        where = re.compile(rf"{re.escape(FACT.as_posix())}:\d+:\d+: error")
        served.wait_until("the mistake named in the log", lambda: bool(where.search(served.output())))
        time.sleep(2)
        assert "MARK1" in served.page(), "the last good page is no longer served"

        served.save(FACT, lambda text: _summary_ending(lang, "MARKFIXED")(text.replace("foundd:", "founded:", 1)))
        served.shows("MARKFIXED")

        served.save(TEMPLATE, lambda text: text + "\nMARKTEMPLATE\n")
        served.shows("MARKTEMPLATE")
        assert "Traceback" not in served.output(), served.output()


@pytest.mark.parametrize("lang", [language.code for language in LANGUAGES if language != ROOT])
def test_a_save_reaches_the_page_in_every_other_language(project: Path, lang: str) -> None:
    """A derived language has no text of its own in the file: a save of the text it is converted from reaches it."""
    marker = "MARK" + lang.replace("-", "")
    with preview(project, lang) as served:
        served.save(FACT, _summary_ending(base(lang), marker))
        served.shows(marker)
        assert "Traceback" not in served.output(), served.output()
