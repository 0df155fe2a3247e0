"""Give MkDocs the navigation the generator wrote beside the pages (`.nav.yml`, scripts/explainer/render/navigation.py),
and the theme the words it shows outside the pages (`.theme-words.yml`: the footer's copyright, the 404 page).

The list of pages, and so the index of every type the registry declares, is decided by the generator;
the language configs hold no `nav:` of their own, and no words of their own for the theme.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError

NAV_FILE = ".nav.yml"
THEME_WORDS_FILE = ".theme-words.yml"


def _read(config: Any, name: str) -> Any:
    path = Path(config["docs_dir"]) / name
    if not path.is_file():
        raise PluginError(f"{path}: not found; run the generator first (make site)")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def on_config(config: Any) -> Any:
    config["nav"] = _read(config, NAV_FILE)
    words = _read(config, THEME_WORDS_FILE)
    config["copyright"] = words["copyright"]
    config["extra"]["words"] = words  # overrides/404.html
    return config
