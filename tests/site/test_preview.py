"""`make serve`: which saves regenerate, an edited template is compiled anew, and stopping it stops MkDocs."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import time
from pathlib import Path

import pytest
from watchdog.events import FileClosedEvent, FileModifiedEvent, FileOpenedEvent

from explainer import filecache, serve
from explainer.chromium import free_port
from explainer.registry import LANGUAGES, ROOT
from explainer.render import site


def test_writes_regenerate_and_reads_do_not(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(serve, "_regenerate", lambda regenerator, saved: calls.append(regenerator.lang))
    monkeypatch.setattr(serve, "QUIET_SECONDS", 0.01)
    handler = serve._Debounced(serve.Regenerator(Path("seeds/facts"), ROOT.code))
    for event in (
        FileModifiedEvent(str(site.TEMPLATE_DIR / "entity.md.j2")),
        FileOpenedEvent("seeds/facts/companies/baidu.yaml"),  # reading is no change
        FileClosedEvent("seeds/facts/companies/baidu.yaml"),
    ):
        handler.on_any_event(event)
        time.sleep(0.3)
    assert calls == [ROOT.code, ROOT.code]


def test_an_edited_template_is_compiled_anew_and_an_unchanged_one_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(site.TEMPLATE_DIR, templates)
    monkeypatch.setattr(site, "TEMPLATE_DIR", templates)
    first = site.environment()
    time.sleep(filecache.LOOK_EVERY)
    assert site.environment() is first
    page = templates / "entity.md.j2"
    page.write_text(page.read_text(encoding="utf-8") + "\nedited\n", encoding="utf-8")
    time.sleep(filecache.LOOK_EVERY)
    assert site.environment() is not first  # the journey (tests/journeys) sees the edit reach the page


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_stopping_the_preview_stops_its_mkdocs_server(tmp_path: Path) -> None:
    port = free_port()
    other = next(language for language in LANGUAGES if language != ROOT)  # not only the default language
    # The minimal fact base: what is tested is the stop, not the build. Never build/docs, which `make serve` uses.
    preview = serve.start_preview(Path("tests/fixtures/minimal"), other.code, port, tmp_path / "docs")
    try:
        deadline = time.monotonic() + 120
        while not _listening(port):
            assert preview.poll() is None and time.monotonic() < deadline, "the preview did not start serving"
            time.sleep(0.2)
        preview.send_signal(signal.SIGTERM)
        preview.wait(timeout=60)
        deadline = time.monotonic() + 30
        while _listening(port) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _listening(port), "MkDocs kept serving after the preview was stopped"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(preview.pid, signal.SIGKILL)
