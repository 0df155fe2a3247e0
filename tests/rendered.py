"""The real inputs and their rendered pages, computed once for the test modules that read Markdown directly."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from explainer.generate import EDIT_BASE
from explainer.inputs import Inputs, load_inputs
from explainer.render.site import render_site

FACTS = Path("seeds/facts")


@cache
def real_inputs() -> Inputs:
    return load_inputs(FACTS)


@cache
def real_pages() -> dict[str, dict[str, str]]:
    return render_site(real_inputs(), EDIT_BASE)
