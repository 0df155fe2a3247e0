"""What the home page needs from the types is a role in the registry, not a place in its list."""

from __future__ import annotations

import pytest
from rendered import real_inputs

from explainer import registry
from explainer.generate import EDIT_BASE
from explainer.render import site


def _home_before_the_ways_in(lang: str) -> str:
    """The home page up to its list of ways in (which lists the indexes in the registry's order, on purpose)."""
    home = site.SiteRenderer(real_inputs(), lang, EDIT_BASE).home()
    return home.partition("{ #ways-in }")[0]


@pytest.mark.parametrize("lang", registry.CODES)
def test_a_new_type_listed_first_leaves_the_home_pages_numbers_and_cast_as_they_were(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    before = _home_before_the_ways_in(lang)
    assert "home-cast" in before and "home-number" in before
    monkeypatch.setattr(site, "TYPE_LIST", (registry.EntityType("investors", True), *registry.TYPES))
    monkeypatch.setattr(site, "PAGE_TYPES", ("investors", *registry.PAGE_TYPES))
    assert _home_before_the_ways_in(lang) == before
