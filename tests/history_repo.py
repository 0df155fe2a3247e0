"""A temporary git repository with scripted commits, for the tests of the pages' dates, the changes page and the feed.

The project (or only its seeds/) with the minimal fact base as seeds/facts, committed at set dates
(GIT_COMMITTER_DATE, in UTC), one file changed at a time, on a branch merged as GitHub merges a pull request.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from explainer.workcopy import copy_project

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
ARTICLE = ROOT / "seeds" / "article"
LONG_SUBJECT = (
    "Acme's summary, shorter: " + "a change whose subject runs on and on, " * 4
).strip()  # over 120 characters


def git(repo: Path, *args: str, date: str = "2024-01-01T00:00:00Z") -> str:
    """Run git in `repo` as a contributor whose clock says `date` (author and committer), whatever the machine's."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    command = ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args]
    return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


def commit(repo: Path, message: str, date: str, *paths: str) -> str:
    """Commit the paths (all changes when none are named) with a message at a date; its hash."""
    git(repo, "add", *(paths or ["-A"]))
    git(repo, "commit", "-q", "--allow-empty", "-m", message, date=date)
    return git(repo, "rev-parse", "HEAD").strip()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass(frozen=True)
class Scripted:
    """The repository and what was committed when: each step's hash and committer date."""

    root: Path
    first: tuple[str, str]  # everything
    acme: tuple[str, str]  # companies/acme.yaml, with a subject over 120 characters
    branch: tuple[str, str]  # models/acme-lm.yaml on the pull request's branch (not on the first-parent line)
    merge: tuple[str, str]  # the pull request merged
    ignored: tuple[str, str]  # glossary/llm.yaml, then listed in .git-blame-ignore-revs
    jane: tuple[str, str]  # people/jane-doe.yaml

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def facts(self) -> Path:
        return self.root / "seeds" / "facts"


PR_TITLE = "Correct the model's summary"


def scripted_repository(root: Path, whole_project: bool = False) -> Scripted:
    """Lay out seeds/ (and, with `whole_project`, the rest of the project around it) in `root` and commit it step by
    step. Dates are in UTC, some near midnight, so that a day read in another time zone would be another day."""
    root.mkdir(parents=True, exist_ok=True)
    if whole_project:
        copy_project(root)
        shutil.rmtree(root / "seeds" / "facts")
    else:
        shutil.copytree(ARTICLE, root / "seeds" / "article")
    shutil.copytree(MINIMAL, root / "seeds" / "facts")
    git(root, "init", "-q")
    facts = root / "seeds" / "facts"
    first = commit(root, "Add the article and the fact base", "2024-01-10T12:00:00Z"), "2024-01-10T12:00:00Z"
    edit(facts / "companies" / "acme.yaml", "used only by the tests.", "used by the tests only.")
    acme = commit(root, LONG_SUBJECT, "2024-02-01T23:30:00Z"), "2024-02-01T23:30:00Z"
    git(root, "checkout", "-q", "-b", "model-fix")
    edit(facts / "models" / "acme-lm.yaml", "Acme's made-up language model.", "Acme's language model, made up.")
    branch = commit(root, "Reword the model", "2024-02-05T10:00:00Z"), "2024-02-05T10:00:00Z"
    git(root, "checkout", "-q", "main")
    message = f"Merge pull request #7 from someone/model-fix\n\n{PR_TITLE}"
    git(root, "merge", "-q", "--no-ff", "-m", message, "model-fix", date="2024-02-06T08:00:00Z")
    merge = git(root, "rev-parse", "HEAD").strip(), "2024-02-06T08:00:00Z"
    edit(facts / "glossary" / "llm.yaml", "A term for the tests.", "A term for the tests. ")
    ignored = commit(root, "Reformat the glossary", "2024-03-01T00:30:00Z"), "2024-03-01T00:30:00Z"
    (root / ".git-blame-ignore-revs").write_text(f"# formatting only\n{ignored[0]}\n", encoding="utf-8")
    commit(root, "Ignore the reformatting", "2024-03-02T09:00:00Z", ".git-blame-ignore-revs")
    edit(facts / "people" / "jane-doe.yaml", "A made-up analyst.", "A made-up analyst, for the tests.")
    jane = commit(root, "Jane Doe: say what she is for", "2024-03-03T23:45:00Z"), "2024-03-03T23:45:00Z"
    return Scripted(root, first, acme, branch, merge, ignored, jane)
