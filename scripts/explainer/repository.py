"""The repository a reader is sent to by the site's edit links: pyproject.toml's [tool.explainer], or REPO_URL and
REPO_BRANCH from the environment."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def edit_base(environ: Mapping[str, str] = os.environ) -> str:
    """The address a file's path in the repository is appended to, to edit it: …/edit/<branch>/."""
    settings = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["explainer"]
    url = environ.get("REPO_URL") or settings["repository"]
    branch = environ.get("REPO_BRANCH") or settings["branch"]
    return f"{url.rstrip('/')}/edit/{branch}/"
