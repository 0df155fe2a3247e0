"""Write the docs folders MkDocs builds from: hand-written pages from docs/ plus generated pages.

The output folder is the generator's own. It is written fresh beside the old one and swapped
in whole, it carries a marker so that a folder the generator did not make is never removed,
and a generated page can never take the place of a hand-written one.
"""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

from .factbase.model import PAGE_TYPES
from .inputs import Inputs, load_inputs
from .problems import InputError, Problem
from .render.site import LANGUAGES, render_site

DOCS_DIR = Path("docs")
MARKER = ".generated-by-explainer"
EDIT_BASE = "https://github.com/baimo-explainer/baimo-explainer/edit/main/"


def jieba_dictionary(inputs: Inputs) -> str:
    """A jieba user dictionary of every Chinese name and alias, so search keeps them whole words."""
    words: set[str] = set()
    for entity in inputs.factbase.entities.values():
        if entity.type in PAGE_TYPES:
            words.update(w for w in entity.names("zh") if " " not in w.strip())
    # A high frequency makes jieba prefer the whole name over the pieces it would otherwise cut.
    return "".join(f"{word} 100000\n" for word in sorted(words))


def _hand_written(lang: str) -> dict[str, Path]:
    """Files under docs/<lang>/ and docs/assets/, by their path in the language's docs folder."""
    found: dict[str, Path] = {}
    for root, prefix in ((DOCS_DIR / lang, ""), (DOCS_DIR / "assets", "assets/")):
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    found[prefix + path.relative_to(root).as_posix()] = path
    return found


def _safe_relative(path: str) -> bool:
    pure = PurePosixPath(path)
    return not pure.is_absolute() and ".." not in pure.parts and all(pure.parts)


def _collision_problems(pages: dict[str, dict[str, str]]) -> list[Problem]:
    problems = []
    for lang, generated in pages.items():
        hand = _hand_written(lang)
        for path in generated:
            if path in hand:
                problems.append(Problem(str(hand[path]), 1, 1, f"a generated page has the same path ({path})", "rename the hand-written file"))
            if not _safe_relative(path):
                problems.append(Problem(path, 1, 1, "a generated path leaves the docs folder"))
    return problems


def _write_tree(target: Path, pages: dict[str, dict[str, str]], dictionary: str) -> None:
    target.mkdir(parents=True)
    (target / MARKER).write_text("This folder is written by scripts/explainer/generate.py; edits are lost.\n")
    (target / "jieba-user-dict.txt").write_text(dictionary, encoding="utf-8")
    for lang in LANGUAGES:
        root = target / lang
        for rel, source in _hand_written(lang).items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, root / rel)
        for rel, text in sorted(pages[lang].items()):
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")


def _replace(target: Path, fresh: Path) -> None:
    """Remove the generator's old folder at target (never another folder), then move fresh there."""
    if target.exists():
        if not (target / MARKER).exists():
            raise InputError([Problem(str(target), 1, 1, "this folder was not made by the generator; not replacing it")])
        shutil.rmtree(target)
    if fresh != target:
        fresh.rename(target)


def generate(facts: Path, out: Path) -> Inputs:
    """Check the inputs, render both languages, and put the docs tree at `out` in one swap."""
    inputs = load_inputs(facts)
    pages = render_site(inputs, EDIT_BASE)
    if problems := _collision_problems(pages):
        raise InputError(problems)
    fresh = out.with_name(out.name + ".new")
    if fresh.exists():
        _replace(fresh, fresh)  # a leftover of an interrupted run: removed only if it carries the marker
    _write_tree(fresh, pages, jieba_dictionary(inputs))
    _replace(out, fresh)
    return inputs
