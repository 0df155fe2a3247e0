"""A cache that stays true to the files it was read from: it empties itself when any of them changes.

The schemas, the strings table and the compiled templates are read once and asked for thousands of times; a live
preview must still see an edit to any of them. Rather than caches that callers must remember to clear, each is
keyed by the files' names, sizes and modification times.
"""

from __future__ import annotations

import functools
import os
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

Stamp = tuple[tuple[str, int, int], ...]


def stamp(paths: Iterable[Path]) -> Stamp:
    """What changes when a file changes: each file's path, size and modification time (a folder's files, all).
    os.scandir rather than Path.rglob: it runs once per load of the fact base and on cached calls (LOOK_EVERY)."""
    found: list[tuple[str, int, int]] = []
    for path in paths:
        try:
            status = os.stat(path)
        except OSError:
            found.append((str(path), -1, -1))
            continue
        if not stat.S_ISDIR(status.st_mode):
            found.append((str(path), status.st_size, status.st_mtime_ns))
            continue
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.is_dir():
                    found += stamp([Path(entry.path)])
                else:
                    status = entry.stat()
                    found.append((entry.path, status.st_size, status.st_mtime_ns))
    return tuple(sorted(found))


# Seconds: a burst of calls (a build asks for a schema per fact file) looks at the files once. A call within this time
# of the last look may miss an edit made since; the preview waits longer than that after a save (serve.QUIET_SECONDS).
LOOK_EVERY = 0.05


@dataclass
class _Seen:
    paths: list[Path] = field(default_factory=list)
    stamp: Stamp = ()
    at: float = -LOOK_EVERY


def while_unchanged(watched: Callable[[], Iterable[Path]]) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Cache a function's results while the files `watched()` names are unchanged. The files are looked at again
    on a call at least LOOK_EVERY after the last look, and whenever `watched()` names other paths (a test that
    points the module at changed copies), so a call made after an edit always sees it."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        cached = functools.cache(function)
        seen = _Seen()

        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            paths, now = list(watched()), time.monotonic()
            if paths != seen.paths or now - seen.at >= LOOK_EVERY:
                current = stamp(paths)
                if (paths, current) != (seen.paths, seen.stamp):
                    cached.cache_clear()
                seen.paths, seen.stamp, seen.at = paths, current, now
            return cached(*args, **kwargs)  # type: ignore[arg-type]

        return wrapper

    return decorate
