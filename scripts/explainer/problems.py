"""Problems found in the inputs, reported as `path:line:col: error: message`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .registry import REPOSITORY


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}:{self.col}: error: {self.message}{hint}"

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command, shown on the changed line."""
        text = f"{self.message}{f' ({self.hint})' if self.hint else ''}"
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line},col={self.col}::{text}"


class InputError(Exception):
    """Raised with every problem found, so that a contributor sees them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path) -> str:
    """A path as messages, edit links and downloads show it: relative to the repository, whatever the working
    directory; a path outside the repository is shown as it was given."""
    try:
        return path.resolve().relative_to(REPOSITORY).as_posix()
    except ValueError:
        return str(path)
