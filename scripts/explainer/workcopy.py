"""A copy of the project as a contributor's clone holds it: the files git tracks, and new ones it does not ignore.

The contributor journey and the save-to-page benchmark edit fact files and templates; they do it in such a copy,
never in the working tree, whose build/docs a running `make serve` may be using.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .registry import REPOSITORY


def copy_project(target: Path, source: Path = REPOSITORY) -> Path:
    """Copy the project's files into `target` (made if missing) and return it."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=source,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        file = source / name
        if file.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, target / name)
    return target
