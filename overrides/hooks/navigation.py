"""Give MkDocs the navigation the generator wrote beside the pages (`.nav.yml`, scripts/explainer/render/navigation.py).

The list of pages, and so the index of every type the registry declares, is decided by the generator;
the language configs hold no `nav:` of their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError

NAV_FILE = ".nav.yml"


def on_config(config: Any) -> Any:
    nav_file = Path(config["docs_dir"]) / NAV_FILE
    if not nav_file.is_file():
        raise PluginError(f"{nav_file}: no navigation; run the generator first (make site)")
    config["nav"] = yaml.safe_load(nav_file.read_text(encoding="utf-8"))
    return config
