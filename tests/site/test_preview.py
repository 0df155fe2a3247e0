"""`make serve`: which saves regenerate, and an edited template is read again rather than kept from before."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import time
from pathlib import Path

import pytest
from watchdog.events import FileClosedEvent, FileModifiedEvent, FileOpenedEvent

from explainer import serve
from explainer.chromium import free_port
from explainer.render import site


def test_a_saved_template_is_read_again_and_a_saved_fact_is_not(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    monkeypatch.setattr(serve, "_regenerate", lambda facts, templates_changed, *_: calls.append(templates_changed))
    monkeypatch.setattr(serve, "QUIET_SECONDS", 0.01)
    handler = serve._Debounced(Path("seeds/facts"))
    for event in (
        FileModifiedEvent(str(site.TEMPLATE_DIR / "entity.md.j2")),
        FileOpenedEvent("seeds/facts/companies/baidu.yaml"),  # reading is no change
        FileClosedEvent("seeds/facts/companies/baidu.yaml"),
    ):
        handler.on_any_event(event)
        time.sleep(0.3)
    assert calls == [True, False]


def test_forgetting_the_templates_loads_them_anew() -> None:
    before = site.environment(), site.strings()
    site.forget_templates()
    after = site.environment(), site.strings()
    assert before[0] is not after[0] and before[1] is not after[1]
    assert before[1] == after[1]


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_stopping_the_preview_stops_its_mkdocs_server() -> None:
    port = free_port()
    preview = serve.start_preview(Path("seeds/facts"), "en", port)
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
