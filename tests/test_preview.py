"""`make serve`: which saves regenerate, and an edited template is read again rather than kept from before."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from watchdog.events import FileClosedEvent, FileModifiedEvent, FileOpenedEvent

from explainer import serve
from explainer.render import site


def test_a_saved_template_is_read_again_and_a_saved_fact_is_not(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    monkeypatch.setattr(serve, "_regenerate", lambda facts, templates_changed: calls.append(templates_changed))
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
