"""The history of seeds/: which commit last changed each file, and the latest changes, read once per build.

One `git log` over the seeds folder (first-parent, so a merged pull request is one change, named by its title),
dated by the committer date in UTC, never by the build machine's clock or time zone. Commits listed in the
ignored revisions file (`.git-blame-ignore-revs`, as `git blame` and GitHub read it) count neither for dates nor
for the list of changes. Where there is no history to read (no git, no repository, a shallow clone, whose one
commit would date every file) or a file is not committed as it is, nothing is dated and `notes` say why: a build
never fails for want of history.
"""

from __future__ import annotations

import functools
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .problems import InputError, Problem, display_path

IGNORE_REVS = ".git-blame-ignore-revs"  # beside the seeds folder, at the top of the project
GIT_TIMEOUT = 60  # seconds; a git that hangs (a lock, a network file system) gives no history, not a stuck build
_HASH = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")  # a full object name, SHA-1 or SHA-256
_PULL_REQUEST = re.compile(r"Merge pull request #[0-9]+ from \S+")  # GitHub's subject for a merged pull request
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")  # nor fit for a page


@dataclass(frozen=True)
class Commit:
    sha: str
    time: int  # the committer date, seconds since the epoch
    subject: str  # its message's first line; for a merged pull request, the pull request's title
    files: tuple[Path, ...]  # the files under seeds/ it changed, as absolute paths

    @property
    def when(self) -> datetime:
        return datetime.fromtimestamp(self.time, UTC)

    @property
    def instant(self) -> str:
        """The committer date in UTC, as Atom and <time datetime> write it: 2024-03-01T23:30:00Z."""
        return self.when.strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def day(self) -> str:
        """The day in UTC: 2024-03-01."""
        return self.when.strftime("%Y-%m-%d")


@dataclass
class History:
    """The changes to seeds/, newest first, and the newest of them for each file."""

    commits: list[Commit] = field(default_factory=list)
    available: bool = False  # False: no history could be read, and nothing is dated
    uncommitted: frozenset[Path] = frozenset()  # files that differ from the last commit (or are new)
    notes: list[str] = field(default_factory=list)  # for the build log
    _last: dict[Path, Commit] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for commit in reversed(self.commits):  # oldest first: a newer commit takes a file over
            for path in commit.files:
                self._last[path] = commit

    def last_change(self, path: Path) -> Commit | None:
        """The newest counted commit that changed a file as it is now; None where it has none, or is changed since."""
        if not self.available or path in self.uncommitted:
            return None
        return self._last.get(path)

    def newest(self, paths: Iterable[Path]) -> Commit | None:
        """The newest change among files, or None where any of them has no date: a page is dated by all it shows."""
        newest: Commit | None = None
        for path in paths:
            commit = self.last_change(path)
            if commit is None:
                return None
            if newest is None or (commit.time, commit.sha) > (newest.time, newest.sha):
                newest = commit
        return newest

    def undated(self, paths: Iterable[Path]) -> list[Path]:
        """The files among these that have no date (only when there is history to date them at all)."""
        if not self.available:
            return []
        return sorted(p for p in paths if self.last_change(p) is None)


def _git(seeds: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    command = ["git", "-c", "log.showSignature=false", "-c", "core.quotePath=false", *args]
    try:
        return subprocess.run(command, cwd=seeds, capture_output=True, timeout=GIT_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None


def ignored_revisions(path: Path) -> frozenset[str]:
    """The full commit hashes a file of ignored revisions lists (# starts a comment); a line that is not one is
    reported at its line and column."""
    if not path.is_file():
        return frozenset()
    found, problems = set(), []
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        text = line.split("#", 1)[0]
        word = text.strip()
        if not word:
            continue
        if not _HASH.fullmatch(word.lower()):
            column = len(text) - len(text.lstrip()) + 1
            problems.append(
                Problem(display_path(path), number, column, f"not a full commit hash: {word[:50]!r}", "40 hex digits")
            )
        found.add(word.lower())
    if problems:
        raise InputError(problems)
    return frozenset(found)


def _title(subject: str, body: list[str], merge: bool) -> str:
    """A merged pull request by its title (the message's first line after GitHub's 'Merge pull request #n from
    owner/branch'), any other commit by its subject; on one line, without characters a page or a feed cannot hold."""
    if merge and _PULL_REQUEST.fullmatch(subject.strip()):
        subject = next((line for line in body if line.strip()), subject)
    return " ".join(_NOT_XML.sub("\ufffd", subject).split())


def _parse_log(output: bytes, seeds: Path, ignored: frozenset[str]) -> list[Commit]:
    """`git log -z --name-only` with the format \\0%H\\0%P\\0%ct\\0%B: a commit's fields, then its files, each
    ended by \\0 (the first after a newline), then the next commit's leading \\0. Git refuses a NUL in a message."""
    tokens = output.decode("utf-8", errors="replace").split("\0")
    commits, at = [], 0
    while at < len(tokens):
        if tokens[at] == "":  # the leading NUL of a commit, or the end of the output
            at += 1
            continue
        if at + 3 >= len(tokens) or not _HASH.fullmatch(tokens[at]) or not tokens[at + 2].isdigit():
            raise ValueError(f"unexpected git log output near {tokens[at][:40]!r}")
        sha, parents, time, message = tokens[at : at + 4]
        at += 4
        files: list[Path] = []
        while at < len(tokens) and tokens[at] != "":
            name = tokens[at].removeprefix("\n") if not files else tokens[at]
            files.append(seeds / name)
            at += 1
        if sha in ignored:
            continue
        lines = message.splitlines() or [""]
        subject = _title(lines[0], lines[1:], len(parents.split()) > 1)
        commits.append(Commit(sha, int(time), subject, tuple(files)))
    return commits


@functools.lru_cache(maxsize=4)
def _commits(seeds: Path, head: str, ignored: frozenset[str]) -> list[Commit]:
    """The commits that changed the folder, newest first: read once for each commit at the head of the branch (a
    live preview reads the history after every save; only a new commit changes it)."""
    log = _git(
        seeds,
        *("log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--relative", "--name-only", "-z"),
        *("--encoding=UTF-8", "--format=%x00%H%x00%P%x00%ct%x00%B", head, "--", "."),
    )
    if log is None or log.returncode != 0:
        reason = log.stderr.decode(errors="replace").strip().splitlines()[:1] if log else []
        raise ValueError(f"git could not read the history of {display_path(seeds)}: {' '.join(reason) or 'failed'}")
    return _parse_log(log.stdout, seeds, ignored)


def read_history(seeds: Path) -> History:
    """The history of the folder `seeds` (and of the files in it), from the repository that holds it."""
    seeds = seeds.resolve()
    shown = display_path(seeds)
    shallow = _git(seeds, "rev-parse", "--is-shallow-repository", "--verify", "-q", "HEAD")  # HEAD: none yet is 1
    if shallow is None:
        return History(notes=[f"no dates: git cannot be run here, so the history of {shown} is unknown"])
    # Not a repository, or one git refuses to read (another owner's: safe.directory).
    if shallow.returncode not in (0, 1) or not shallow.stdout.strip():
        said = shallow.stderr.decode(errors="replace").strip().splitlines()[:1]
        return History(notes=[f"no dates: {shown} is not in a git repository git can read ({' '.join(said)})"])
    is_shallow, head, *_ = [*shallow.stdout.decode(errors="replace").split(), "HEAD"]
    if is_shallow == "true":
        fix = "`git fetch --unshallow` (or the checkout's fetch-depth: 0) reads it"
        return History(notes=[f"no dates: this clone is shallow, without the history of {shown}; {fix}"])
    ignored = ignored_revisions(seeds.parent / IGNORE_REVS)
    changed = _git(seeds, "diff", "HEAD", "--name-only", "--relative", "--no-renames", "-z", "--", ".")
    if changed is None or changed.returncode != 0:
        reason = changed.stderr.decode(errors="replace").strip().splitlines()[:1] if changed else []
        return History(notes=[f"no dates: git could not read the history of {shown}: {' '.join(reason) or 'failed'}"])
    try:
        commits = _commits(seeds, head, ignored)
    except ValueError as err:
        return History(notes=[f"no dates: {err}"])
    uncommitted = frozenset(seeds / name for name in changed.stdout.decode(errors="replace").split("\0") if name)
    return History(commits, True, uncommitted)
