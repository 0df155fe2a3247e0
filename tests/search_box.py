"""Typing into Material's search box the way a reader does, for the browser tests."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page


def search(page: Page, query: str, done: Callable[[], bool]) -> None:
    """Open search, type the query, and wait (up to 12 s) until `done()`: results come from a worker that may still
    be building its index, so the query is typed again every 4 s."""
    box = page.locator("input.md-search__input")
    box.click()
    for attempt in range(60):
        if attempt % 20 == 0:
            box.fill(query)
            box.press("End")  # Material reads the query on keyup, which fill() alone does not send
        if done():
            return
        page.wait_for_timeout(200)
